/**
 * One file's triage in one profile: its distinct IDs (count, first line) and what each lookup
 * said, kept as a small summary (never the body: 10,000 rows must stay light), so a second
 * Resolve All fetches only the rest and the view can redraw at any time.
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { ResolveQueue, type Outcome, type QueueProgress, type RunSummary } from '../../core/resolveQueue';
import { resolvedOf, type Resolved } from '../../core/triageSummary';
import { Disposable } from '../lifecycle';
import type { Lookups, Profile, ProcessRef } from '../services';
import type { ProcessId } from '../../core/processId';

export type { Resolved };

export interface IdSite {
  readonly id: ProcessId;
  readonly count: number;
  /** 0-based. */
  readonly firstLine: number;
  readonly firstColumn: number;
}

export const isFinalError = (e: unknown): boolean => isIdCloudError(e) && (e.kind === 'notFound' || e.kind === 'invalidId');
const isRetryable = (e: unknown): boolean => isIdCloudError(e) && e.kind === 'rateLimited';

/** Lookups in flight per run: enough to keep the client's gate fed at any rate; the gate sets the pace. */
const CONCURRENCY = 16;

export class TriageSession extends Disposable {
  private readonly outcomes = new Map<string, Outcome<Resolved>>();
  private sites: readonly IdSite[] = [];
  private running: AbortController | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<readonly string[] | undefined>());
  /** IDs whose row changed; undefined = everything (new scan). */
  readonly onDidChange = this.changed.event;
  private readonly progressed = this._register(new vscode.EventEmitter<QueueProgress | undefined>());
  /** Progress of the running lookup; undefined when it ends. */
  readonly onDidProgress = this.progressed.event;

  constructor(readonly uri: vscode.Uri, readonly profile: Profile, private readonly lookups: Lookups, private readonly now: () => number) {
    super();
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The IDs of a (new) scan; outcomes of IDs still present are kept. */
  setSites(sites: readonly IdSite[]): void {
    this.sites = sites;
    this.changed.fire(undefined);
  }

  allSites(): readonly IdSite[] {
    return this.sites;
  }

  outcome(id: string): Outcome<Resolved> | undefined {
    return this.outcomes.get(id);
  }

  /** IDs with no answer yet (never looked up, or a transient failure): what the next run fetches. */
  remaining(): ProcessId[] {
    return this.sites.filter((s) => {
      const o = this.outcomes.get(s.id);
      return o === undefined || (!o.ok && !o.final);
    }).map((s) => s.id);
  }

  ref(id: ProcessId): ProcessRef {
    return { id, profileId: this.profile.id };
  }

  cancel(): void {
    this.running?.abort();
  }

  /** Looks up every remaining ID: cache first, then the lookup (coalesced; the client's gate sets the rate). */
  async run(options: { signal?: AbortSignal; confirmed?: boolean; onProgress?: (p: QueueProgress) => void } = {}): Promise<RunSummary> {
    if (this.running) throw new Error('Resolve All is already running for this file');
    const controller = new AbortController();
    const forward = (): void => {
      controller.abort();
    };
    options.signal?.addEventListener('abort', forward, { once: true });
    if (options.signal?.aborted) controller.abort();
    this.running = controller;
    const total = this.sites.length;
    const before = total - this.remaining().length;
    const queue = new ResolveQueue(this.remaining(), {
      fetch: async (id, signal) => {
        const ref = this.ref(id);
        const cached = this.lookups.peek(ref);
        return resolvedOf(cached ?? (await this.lookups.get(ref, { signal, confirmed: options.confirmed })));
      },
      concurrency: CONCURRENCY,
      isFinal: isFinalError,
      isRetryable,
      now: this.now,
    });
    try {
      const summary = await queue.run({
        signal: controller.signal,
        onOutcome: (id, outcome) => {
          this.outcomes.set(id, outcome);
          this.changed.fire([id]);
        },
        onProgress: (p) => {
          // The queue counts its own IDs; the user sees the whole file.
          const progress = { done: before + p.done, total, etaMs: p.etaMs };
          options.onProgress?.(progress);
          this.progressed.fire(progress);
        },
      });
      return { ...summary, settled: before + summary.settled, total };
    } finally {
      options.signal?.removeEventListener('abort', forward);
      this.running = undefined;
      this.progressed.fire(undefined);
    }
  }
}
