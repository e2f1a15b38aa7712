/**
 * WatchPoller: polls watched keys until each settles or its time runs out. Each key is checked
 * with backoff (5 s, 10 s, 20 s, 40 s, then every 60 s, each with jitter); a failed check waits
 * longer each time, and a rate-limited one waits its Retry-After. At most `maxInFlight` checks run
 * at once (the lookups behind `check` keep the profile's rate budget). One timer serves every key.
 *
 * Pure: no vscode; the clock, timers and randomness are injected so tests run on fake time.
 */

/** What one check found. */
export type CheckResult =
  | { readonly kind: 'settled' }
  | { readonly kind: 'unsettled' }
  | { readonly kind: 'failed'; readonly retryAfterMs?: number };

/** Why a key stopped being polled (`onEnd` is called once per key, never after `remove`). */
export type WatchEnd = { readonly kind: 'settled' } | { readonly kind: 'timedOut'; readonly afterMs: number };

export interface PollerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WatchPollerOptions {
  readonly check: (key: string, signal: AbortSignal) => Promise<CheckResult>;
  readonly onEnd: (key: string, end: WatchEnd) => void;
  readonly clock?: PollerClock;
  /** A number in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Default 5 000. */
  readonly firstDelayMs?: number;
  /** Default 60 000. */
  readonly maxDelayMs?: number;
  /** Longest wait after failures. Default 300 000. */
  readonly maxFailureDelayMs?: number;
  /** Each delay is scaled by a random factor in [1 - jitter, 1 + jitter]. Default 0.1. */
  readonly jitter?: number;
  /** How long one key is watched at most (from its `since`). Default 60 minutes. */
  readonly maxDurationMs?: number;
  /** Default 4. */
  readonly maxInFlight?: number;
}

interface Watch {
  readonly since: number;
  due: number;
  /** Unsettled answers so far (drives the schedule). */
  polls: number;
  /** Failures in a row (drives the extra backoff). */
  failures: number;
  running: AbortController | undefined;
}

const SYSTEM_CLOCK: PollerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export class WatchPoller {
  private readonly watches = new Map<string, Watch>();
  private readonly clock: PollerClock;
  private readonly random: () => number;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxFailureDelayMs: number;
  private readonly jitter: number;
  private readonly maxInFlight: number;
  private maxDurationMs: number;
  private timer: { readonly handle: unknown; readonly at: number } | undefined;
  private inFlight = 0;
  private disposed = false;

  constructor(private readonly options: WatchPollerOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.random = options.random ?? Math.random;
    this.firstDelayMs = options.firstDelayMs ?? 5_000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.maxFailureDelayMs = options.maxFailureDelayMs ?? 300_000;
    this.jitter = Math.min(Math.max(options.jitter ?? 0.1, 0), 0.5);
    this.maxDurationMs = options.maxDurationMs ?? 60 * 60_000;
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 4);
  }

  get size(): number {
    return this.watches.size;
  }

  has(key: string): boolean {
    return this.watches.has(key);
  }

  keys(): string[] {
    return [...this.watches.keys()];
  }

  /** Starts watching `key` (no-op if watched). `since`: when the watch began (a resumed one keeps its own). */
  add(key: string, since = this.clock.now()): void {
    if (this.disposed || this.watches.has(key)) return;
    const watch: Watch = { since, due: 0, polls: 0, failures: 0, running: undefined };
    watch.due = this.capped(watch, this.clock.now() + this.spread(this.firstDelayMs));
    this.watches.set(key, watch);
    this.arm();
  }

  /** Stops watching `key` without an `onEnd`; a check in flight is aborted and its answer ignored. */
  remove(key: string): void {
    const watch = this.watches.get(key);
    if (!watch) return;
    this.watches.delete(key);
    watch.running?.abort();
    this.arm();
  }

  /** A new overall limit, applied to every watch from its own start. */
  setMaxDuration(ms: number): void {
    this.maxDurationMs = ms;
    for (const watch of this.watches.values()) if (!watch.running) watch.due = this.capped(watch, watch.due);
    this.arm();
  }

  /** The delay before the poll after `polls` unsettled answers, before jitter: 5, 10, 20, 40, 60, 60… s. */
  baseDelay(polls: number): number {
    return Math.min(this.firstDelayMs * 2 ** Math.min(polls, 30), this.maxDelayMs);
  }

  dispose(): void {
    this.disposed = true;
    for (const watch of this.watches.values()) watch.running?.abort();
    this.watches.clear();
    this.disarm();
  }

  private deadline(watch: Watch): number {
    return watch.since + this.maxDurationMs;
  }

  /** A due time no later than the watch's deadline (the poll at the deadline ends it). */
  private capped(watch: Watch, due: number): number {
    return Math.min(due, this.deadline(watch));
  }

  private spread(ms: number): number {
    return Math.round(ms * (1 - this.jitter + 2 * this.jitter * this.random()));
  }

  /** One timer, for the earliest due watch, while a check slot is free. */
  private arm(): void {
    if (this.disposed) return;
    let next = Infinity;
    if (this.inFlight < this.maxInFlight) for (const watch of this.watches.values()) if (!watch.running) next = Math.min(next, watch.due);
    if (this.timer?.at === next) return;
    this.disarm();
    if (next === Infinity) return;
    const handle = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(0, next - this.clock.now()));
    this.timer = { handle, at: next };
  }

  private disarm(): void {
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
  }

  /** Ends what ran out of time and starts due checks, earliest first, while slots are free. */
  private pump(): void {
    const now = this.clock.now();
    const due = [...this.watches.entries()].filter(([, w]) => !w.running && w.due <= now).sort(([, a], [, b]) => a.due - b.due);
    for (const [key, watch] of due) {
      if (this.watches.get(key) !== watch) continue; // an onEnd above removed it
      if (now >= this.deadline(watch)) {
        this.watches.delete(key);
        this.options.onEnd(key, { kind: 'timedOut', afterMs: this.maxDurationMs });
      } else if (this.inFlight < this.maxInFlight) {
        this.start(key, watch);
      }
    }
    this.arm();
  }

  private start(key: string, watch: Watch): void {
    const controller = new AbortController();
    watch.running = controller;
    this.inFlight++;
    let outcome: Promise<CheckResult>;
    try {
      outcome = this.options.check(key, controller.signal);
    } catch {
      outcome = Promise.resolve({ kind: 'failed' });
    }
    void outcome
      .catch((): CheckResult => ({ kind: 'failed' }))
      .then((result) => {
        this.inFlight--;
        watch.running = undefined;
        // Removed (or removed and added again) while the check ran: this answer is not its.
        if (this.watches.get(key) === watch && !this.disposed) this.settle(key, watch, result);
        this.arm();
      });
  }

  private settle(key: string, watch: Watch, result: CheckResult): void {
    const now = this.clock.now();
    switch (result.kind) {
      case 'settled':
        this.watches.delete(key);
        this.options.onEnd(key, { kind: 'settled' });
        return;
      case 'unsettled':
        watch.failures = 0;
        watch.polls++;
        watch.due = this.capped(watch, now + this.spread(this.baseDelay(watch.polls)));
        return;
      case 'failed': {
        watch.failures++;
        const backoff = Math.min(this.baseDelay(watch.polls) * 2 ** Math.min(watch.failures, 10), this.maxFailureDelayMs);
        // Retry-After is a floor: never earlier, a little later so many watches do not return at once.
        const wait = result.retryAfterMs !== undefined
          ? result.retryAfterMs + Math.round(this.jitter * this.firstDelayMs * this.random())
          : this.spread(backoff);
        watch.due = this.capped(watch, now + wait);
        return;
      }
    }
  }
}
