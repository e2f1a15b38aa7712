/**
 * The Watches service: processes polled until they settle, through `lookups.get(ref, { force })`
 * (so inside the profile's cache, coalescing and rate budget), with the WatchPoller's backoff and
 * overall limit (`idcloud.watch.maxMinutes`). Each watch ends exactly once, announced by
 * `onDidFinish` (the notifier turns it into a notification), whether a poll or any other surface's
 * lookup saw it settle.
 *
 * Persisted in workspaceState: `{ id, profileId, since }` per watch — the reference and when the
 * watch began (so the overall limit survives a reload), never an answer or personal data. Watches
 * resume when the service is constructed again. A resumed watch on a production profile does not
 * ask the production question by itself: it waits (no request) until the profile is confirmed in
 * this window by an explicit lookup.
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { isFetchedSettled, summarizeFetched } from '../../core/fetched';
import { type Verdict, VERDICT_LABELS } from '../../core/model';
import { isProcessId, parseProcessId } from '../../core/processId';
import type { FetchedProcess } from '../../core/types';
import { type CheckResult, type PollerClock, type WatchEnd, WatchPoller } from '../../core/watchPoller';
import { Disposable } from '../lifecycle';
import type { Lookups, ProcessRef, Watches } from '../services';

export const WATCHES_KEY = 'idcloud.watches';
export const MAX_MINUTES_SETTING = 'idcloud.watch.maxMinutes';
const DEFAULT_MAX_MINUTES = 60;
/** More would be a bulk job, not a watch (Resolve All handles those); the rest are not watched. */
export const MAX_WATCHES = 500;

export type WatchOutcome =
  | { readonly kind: 'settled'; readonly verdict: Verdict; readonly verdictLabel: string }
  | { readonly kind: 'timedOut'; readonly minutes: number };

export interface FinishedWatch {
  readonly ref: ProcessRef;
  readonly outcome: WatchOutcome;
}

export interface WatchServiceDeps {
  /** The workspace's memento (context.workspaceState). */
  readonly memento: vscode.Memento;
  readonly lookups: Lookups;
  readonly log: vscode.LogOutputChannel;
  /** Test seams for the poller: fake clock, shorter schedule. */
  readonly clock?: PollerClock;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

interface Stored {
  readonly id: string;
  readonly profileId: string;
  readonly since: number;
}

/** A process that will not change any more (the same rule the cache keeps answers forever by). */
export function isSettled(fetched: FetchedProcess): boolean {
  return isFetchedSettled(fetched);
}

function keyOf(ref: ProcessRef): string {
  return `${ref.profileId}/${ref.id}`;
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const { id, profileId, since } = value as Partial<Record<keyof Stored, unknown>>;
  return typeof id === 'string' && isProcessId(id) && typeof profileId === 'string' && /^[a-z0-9][a-z0-9-]{0,31}$/.test(profileId)
    && typeof since === 'number' && Number.isFinite(since);
}

function maxMinutes(): number {
  const value = vscode.workspace.getConfiguration('idcloud').get<number>('watch.maxMinutes', DEFAULT_MAX_MINUTES);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_MINUTES;
}

export class WatchService extends Disposable implements Watches {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidFinish = this._register(new vscode.EventEmitter<FinishedWatch>());
  /** Once per watch that ended by itself (settled or timed out); never for unwatch. */
  readonly onDidFinish = this._onDidFinish.event;
  private readonly watched = new Map<string, Stored & ProcessRef>();
  private readonly poller: WatchPoller;
  /** The last verdict seen per watch (the cache forgets unfinished answers after seconds). Not persisted. */
  private readonly verdicts = new Map<string, Verdict>();
  private saving: Promise<void> = Promise.resolve();
  /** The time limit is read from the settings when the first watch starts, not at activation. */
  private limitRead = false;
  private resumed = false;

  constructor(private readonly deps: WatchServiceDeps) {
    super();
    this.poller = new WatchPoller({
      check: (key, signal) => this.check(key, signal),
      onEnd: (key, end) => { this.end(key, end); },
      clock: deps.clock,
      firstDelayMs: deps.firstDelayMs,
      maxDelayMs: deps.maxDelayMs,
    });
    this._register({ dispose: () => { this.poller.dispose(); } });
    this._register(deps.lookups.onDidFetch((ref) => { this.onFetched(ref); }));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(MAX_MINUTES_SETTING) && this.limitRead) this.poller.setMaxDuration(maxMinutes() * 60_000);
    }));
  }

  /**
   * Resumes the stored watches (once): in the start-up task that follows activate(), since
   * resuming checks each watch's profile and reads the time limit, which reads the settings.
   */
  start(): void {
    if (this.resumed) return;
    this.resumed = true;
    this.resume();
  }

  get size(): number {
    return this.watched.size;
  }

  /** What is watched, oldest first. */
  list(): ProcessRef[] {
    return [...this.watched.values()].map(({ id, profileId }) => ({ id, profileId }));
  }

  /** The verdict the last answer about a watched process gave, if any. */
  lastVerdict(ref: ProcessRef): Verdict | undefined {
    return this.verdicts.get(keyOf(ref));
  }

  isWatched(ref: ProcessRef): boolean {
    return this.watched.has(keyOf(ref));
  }

  watch(refs: readonly ProcessRef[]): void {
    const now = (this.deps.clock?.now ?? Date.now)();
    let added = 0;
    for (const ref of refs) {
      const key = keyOf(ref);
      if (this.watched.has(key) || !isProcessId(ref.id) || this.deps.lookups.profile(ref.profileId) === undefined) continue;
      const cached = this.deps.lookups.peek(ref);
      if (cached && isSettled(cached)) continue;
      if (this.watched.size >= MAX_WATCHES) {
        this.deps.log.warn(`watch: already ${MAX_WATCHES} watched; ${ref.profileId}/${ref.id} not added`);
        continue;
      }
      this.watched.set(key, { id: ref.id, profileId: ref.profileId, since: now });
      this.readLimit();
      this.poller.add(key, now);
      added++;
    }
    if (added === 0) return;
    this.deps.log.info(`watch: now watching ${this.watched.size} (${added} added)`);
    this.changed();
  }

  unwatch(ref: ProcessRef): void {
    const key = keyOf(ref);
    if (!this.watched.delete(key)) return;
    this.poller.remove(key);
    this.verdicts.delete(key);
    this.changed();
  }

  unwatchAll(): void {
    if (this.watched.size === 0) return;
    for (const key of this.watched.keys()) this.poller.remove(key);
    this.watched.clear();
    this.verdicts.clear();
    this.changed();
  }

  /** Settles when the last change is in the memento. */
  flush(): Promise<void> {
    return this.saving;
  }

  private readLimit(): void {
    if (this.limitRead) return;
    this.limitRead = true;
    this.poller.setMaxDuration(maxMinutes() * 60_000);
  }

  private resume(): void {
    const stored = this.deps.memento.get<unknown>(WATCHES_KEY);
    if (!Array.isArray(stored)) return;
    for (const entry of stored.slice(0, MAX_WATCHES) as unknown[]) {
      if (!isStored(entry)) continue;
      const id = parseProcessId(entry.id);
      if (id === undefined || this.deps.lookups.profile(entry.profileId) === undefined) continue;
      const watched = { id, profileId: entry.profileId, since: entry.since };
      const key = keyOf(watched);
      if (this.watched.has(key)) continue;
      this.watched.set(key, watched);
      this.readLimit();
      this.poller.add(key, entry.since);
    }
    if (this.watched.size > 0) {
      this.deps.log.info(`watch: resumed ${this.watched.size} watch(es)`);
      this._onDidChange.fire();
    }
    if (this.watched.size !== stored.length) this.save();
  }

  private async check(key: string, signal: AbortSignal): Promise<CheckResult> {
    const entry = this.watched.get(key);
    if (!entry) return { kind: 'settled' };
    const ref: ProcessRef = { id: entry.id, profileId: entry.profileId };
    // Never raise the production question from the background; the next poll tries again.
    if (this.deps.lookups.needsConfirmation(ref.profileId)) return { kind: 'unsettled' };
    try {
      const fetched = await this.deps.lookups.get(ref, { force: true, signal });
      this.verdicts.set(key, summarizeFetched(fetched).verdict);
      return isSettled(fetched) ? { kind: 'settled' } : { kind: 'unsettled' };
    } catch (e) {
      this.deps.log.debug(`watch: poll of ${ref.profileId}/${ref.id} failed: ${isIdCloudError(e) ? e.kind : 'error'}`);
      if (!isIdCloudError(e) || e.kind !== 'rateLimited') return { kind: 'failed' };
      // Read by shape, not instanceof: the error comes from the separately bundled network half.
      const retryAfterMs: unknown = (e as { retryAfterMs?: unknown }).retryAfterMs;
      return typeof retryAfterMs === 'number' ? { kind: 'failed', retryAfterMs } : { kind: 'failed' };
    }
  }

  /** Any lookup (a poll, the panel, a refresh) that sees a watched process settled ends its watch. */
  private onFetched(ref: ProcessRef): void {
    const key = keyOf(ref);
    if (!this.watched.has(key)) return;
    const fetched = this.deps.lookups.peek(ref);
    if (!fetched) return;
    this.verdicts.set(key, summarizeFetched(fetched).verdict);
    if (isSettled(fetched)) this.end(key, { kind: 'settled' });
  }

  private end(key: string, end: WatchEnd): void {
    const entry = this.watched.get(key);
    const verdict = this.verdicts.get(key) ?? 'unknown';
    this.verdicts.delete(key);
    if (!entry) return; // already ended: exactly one outcome per watch
    const ref: ProcessRef = { id: entry.id, profileId: entry.profileId };
    const outcome: WatchOutcome = end.kind === 'timedOut'
      ? { kind: 'timedOut', minutes: Math.round(end.afterMs / 60_000) }
      : { kind: 'settled', verdict, verdictLabel: VERDICT_LABELS[verdict] };
    this.watched.delete(key);
    this.poller.remove(key);
    this.deps.log.info(`watch: ${ref.profileId}/${ref.id} ${outcome.kind === 'settled' ? `finished (${outcome.verdict})` : `not finished after ${outcome.minutes} min`}`);
    this.changed();
    this._onDidFinish.fire({ ref, outcome });
  }

  private changed(): void {
    this.save();
    this._onDidChange.fire();
  }

  private save(): void {
    const value = [...this.watched.values()];
    this.saving = this.saving
      .then(() => this.deps.memento.update(WATCHES_KEY, value.length === 0 ? undefined : value))
      .catch((e: unknown) => {
        this.deps.log.warn(`watch: could not save the watch list: ${e instanceof Error ? e.message : 'unknown'}`);
      });
  }
}
