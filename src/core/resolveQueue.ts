/**
 * The scheduler behind Resolve All: looks up many IDs with a bounded number in flight, reports
 * "N of M" with an ETA, stops on cancel, and keeps what it learned so the next run fetches only
 * the rest. Pure (no vscode, no timers): the clock is injected, the rate is the client's gate's job.
 *
 * An outcome is *settled* when it is an answer (a value, or an error the caller calls final, such
 * as 404); a transient error (network, 5xx) is kept for display but fetched again by the next run;
 * a retryable error (429 after the client's own Retry-After waits) goes back to the end of this
 * run's queue, up to `maxAttempts`.
 */
import { setMaxListeners } from 'node:events';
import { isIdCloudError } from './errors';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown; readonly final: boolean };

export interface QueueProgress {
  /** Settled in this run plus before it. */
  readonly done: number;
  readonly total: number;
  /** Milliseconds left at this run's pace; undefined until something was fetched. */
  readonly etaMs: number | undefined;
}

export interface QueueOptions<T, Id extends string = string> {
  readonly fetch: (id: Id, signal: AbortSignal) => Promise<T>;
  /** Default 8. */
  readonly concurrency?: number;
  /** An error that is an answer (kept, never fetched again). */
  readonly isFinal?: (error: unknown) => boolean;
  /** An error worth another try in this run (rate limited). */
  readonly isRetryable?: (error: unknown) => boolean;
  /** Tries per ID per run for retryable errors. Default 3. */
  readonly maxAttempts?: number;
  readonly now: () => number;
}

export interface RunOptions<T, Id extends string = string> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: QueueProgress) => void;
  readonly onOutcome?: (id: Id, outcome: Outcome<T>) => void;
}

export interface RunSummary {
  /** Requests started by this run (cache hits included: the caller's fetch decides). */
  readonly fetched: number;
  readonly settled: number;
  readonly total: number;
  readonly cancelled: boolean;
}

export class ResolveQueue<T, Id extends string = string> {
  private readonly outcomes = new Map<Id, Outcome<T>>();
  private readonly ids: readonly Id[];

  constructor(ids: Iterable<Id>, private readonly options: QueueOptions<T, Id>) {
    this.ids = [...new Set(ids)];
  }

  get total(): number {
    return this.ids.length;
  }

  outcome(id: Id): Outcome<T> | undefined {
    return this.outcomes.get(id);
  }

  /** IDs not settled yet: what the next run fetches. */
  remaining(): Id[] {
    return this.ids.filter((id) => !this.isSettled(id));
  }

  get settled(): number {
    return this.ids.length - this.remaining().length;
  }

  /** Fetches every unsettled ID once (retryable errors up to maxAttempts). Never rejects for a lookup error. */
  async run(options: RunOptions<T, Id> = {}): Promise<RunSummary> {
    const { onProgress, onOutcome } = options;
    const concurrency = Math.max(1, Math.floor(this.options.concurrency ?? 8));
    // One listener on the caller's signal; each lookup in flight listens to this run's own.
    const run = new AbortController();
    setMaxListeners(4 * concurrency + 10, run.signal);
    const stop = (): void => {
      run.abort();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted) run.abort();
    const { signal } = run;
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 3);
    const queue = this.remaining();
    const attempts = new Map<Id, number>();
    const started = this.options.now();
    const settledBefore = this.settled;
    let settled = settledBefore;
    let fetched = 0;
    const report = (): void => {
      const newly = settled - settledBefore;
      const elapsed = this.options.now() - started;
      const left = this.ids.length - settled;
      onProgress?.({ done: settled, total: this.ids.length, etaMs: newly > 0 ? (elapsed / newly) * left : undefined });
    };
    report();
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (signal.aborted) return;
        attempts.set(id, (attempts.get(id) ?? 0) + 1);
        fetched++;
        const outcome = await this.fetchOne(id, signal);
        if (outcome === undefined) return; // cancelled: not an outcome
        if (!outcome.ok && this.options.isRetryable?.(outcome.error) === true && (attempts.get(id) ?? 0) < maxAttempts) {
          queue.push(id);
          continue;
        }
        this.outcomes.set(id, outcome);
        if (this.isSettled(id)) settled++;
        onOutcome?.(id, outcome);
        report();
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, queue.length)) }, worker));
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
    return { fetched, settled, total: this.ids.length, cancelled: signal.aborted };
  }

  private async fetchOne(id: Id, signal: AbortSignal): Promise<Outcome<T> | undefined> {
    try {
      return { ok: true, value: await this.options.fetch(id, signal) };
    } catch (error) {
      if (signal.aborted || (isIdCloudError(error) && error.kind === 'cancelled')) return undefined;
      return { ok: false, error, final: this.options.isFinal?.(error) === true };
    }
  }

  private isSettled(id: Id): boolean {
    const o = this.outcomes.get(id);
    return o !== undefined && (o.ok || o.final);
  }
}
