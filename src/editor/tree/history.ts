/**
 * Pinned and Recent processes, persisted in globalState by ID and profile only: nothing the
 * API answered (no name, no CPF, no verdict) is ever written. Recent keeps the last 50, newest
 * first; a pinned process is not repeated in Recent.
 */
import * as vscode from 'vscode';
import { parseProcessId } from '../../core/processId';
import { Disposable } from '../lifecycle';
import type { ProcessRef } from '../services';

export const HISTORY_KEY = 'idcloud.history';
export const RECENT_LIMIT = 50;

export interface HistoryState {
  readonly pinned: readonly ProcessRef[];
  readonly recent: readonly ProcessRef[];
}

const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

function sameRef(a: ProcessRef, b: ProcessRef): boolean {
  return a.id === b.id && a.profileId === b.profileId;
}

/** Only `{ id, profileId }` pairs that look right survive a read: the stored value is untrusted. */
function readRefs(value: unknown): ProcessRef[] {
  if (!Array.isArray(value)) return [];
  const out: ProcessRef[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id: raw, profileId } = item as { id?: unknown; profileId?: unknown };
    const id = parseProcessId(raw);
    if (id === undefined || typeof profileId !== 'string' || !PROFILE_ID.test(profileId)) continue;
    const ref = { id, profileId };
    if (!out.some((r) => sameRef(r, ref))) out.push(ref);
  }
  return out;
}

export class ProcessHistory extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private pinnedRefs: ProcessRef[];
  private recentRefs: ProcessRef[];

  constructor(private readonly memento: vscode.Memento) {
    super();
    this.pinnedRefs = [];
    this.recentRefs = [];
    this.load();
  }

  /** Reads the stored lists again: another window shares globalState and may have changed them. */
  private load(): void {
    const stored = this.memento.get<unknown>(HISTORY_KEY);
    const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
    this.pinnedRefs = readRefs(record.pinned);
    this.recentRefs = readRefs(record.recent)
      .filter((r) => !this.isPinned(r))
      .slice(0, RECENT_LIMIT);
  }

  get pinned(): readonly ProcessRef[] {
    return this.pinnedRefs;
  }

  get recent(): readonly ProcessRef[] {
    return this.recentRefs;
  }

  isPinned(ref: ProcessRef): boolean {
    return this.pinnedRefs.some((r) => sameRef(r, ref));
  }

  /** Moves `ref` to the top of Recent (a pinned process stays where it is). */
  async add(ref: ProcessRef): Promise<void> {
    this.load();
    if (this.isPinned(ref)) return;
    this.recentRefs = [clean(ref), ...this.recentRefs.filter((r) => !sameRef(r, ref))].slice(0, RECENT_LIMIT);
    await this.save();
  }

  async pin(ref: ProcessRef): Promise<void> {
    this.load();
    if (this.isPinned(ref)) return;
    this.pinnedRefs = [...this.pinnedRefs, clean(ref)];
    this.recentRefs = this.recentRefs.filter((r) => !sameRef(r, ref));
    await this.save();
  }

  /** Unpinning puts the process back at the top of Recent, so it is not lost by a misclick. */
  async unpin(ref: ProcessRef): Promise<void> {
    this.load();
    if (!this.isPinned(ref)) return;
    this.pinnedRefs = this.pinnedRefs.filter((r) => !sameRef(r, ref));
    this.recentRefs = [clean(ref), ...this.recentRefs.filter((r) => !sameRef(r, ref))].slice(0, RECENT_LIMIT);
    await this.save();
  }

  /** Clears Recent; pinned processes are kept (they were pinned on purpose). */
  async clearRecent(): Promise<void> {
    this.load();
    this.recentRefs = [];
    await this.save();
  }

  private async save(): Promise<void> {
    const state: HistoryState = { pinned: this.pinnedRefs, recent: this.recentRefs };
    this._onDidChange.fire();
    await this.memento.update(HISTORY_KEY, state);
  }
}

/** A ProcessRef may arrive as a richer object (a tree node's ref, a command argument): keep two fields. */
function clean(ref: ProcessRef): ProcessRef {
  return { id: ref.id, profileId: ref.profileId };
}
