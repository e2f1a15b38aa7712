/**
 * The per-client gate every HTTP attempt passes: a concurrency cap (FIFO), then a turn to start.
 *
 * Starts are evenly spaced (1000 / rate ms, on an absolute schedule so timer lateness does not
 * add up), and a log of the last starts guarantees that no 1-second window ever holds more than
 * `ratePerSecond` of them (unico counts per tenant and per second). The spacing keeps a 1 % margin
 * so network jitter does not push a window counted at the server over the rate either.
 * `pause(ms)` (a 429's Retry-After) stops every start of this gate until it has passed; the
 * callers waiting meanwhile keep their place in the queue. The clock and sleep are injected so
 * tests run on fake time.
 */
import { CancelledError } from './errors';

export interface GateOptions {
  /** At most this many starts in any 1-second window (rounded down; at least 1). Not positive: no limit. */
  readonly ratePerSecond: number;
  readonly maxConcurrency: number;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const WINDOW_MS = 1000;
const SPACING_MARGIN = 1.01;

interface Turn {
  readonly resolve: () => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

export class RequestGate {
  /** 0 means no rate limit. */
  private readonly spacingMs: number;
  private readonly perWindow: number;
  private readonly maxConcurrency: number;
  /** The last `perWindow` start times, oldest first. */
  private readonly starts: number[] = [];
  private nextAt = -Infinity;
  private resumeAt = -Infinity;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly turns: Turn[] = [];
  /** Set while the pump runs; aborting it cuts the pump's sleep short (its queue emptied). */
  private pumpIdle: AbortController | undefined;

  /** A rate that is not positive means no rate limit; the concurrency cap is at least 1. */
  constructor(private readonly options: GateOptions) {
    const rate = options.ratePerSecond;
    const limited = rate > 0 && Number.isFinite(rate);
    this.spacingMs = limited ? (WINDOW_MS / rate) * SPACING_MARGIN : 0;
    this.perWindow = limited ? Math.max(1, Math.floor(rate)) : Infinity;
    this.maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency) || 1);
  }

  /** Waits for a free slot and a turn to start; resolves to the release function of the slot. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    await this.slot(signal);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    try {
      await this.turn(signal);
    } catch (e) {
      release();
      throw e;
    }
    return release;
  }

  /** No request of this gate starts before `ms` from now. Extends a pause, never shortens it. */
  pause(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, this.options.now() + Math.max(0, ms));
    // A pump sleeping until an earlier time wakes, sees the pause and sleeps again.
  }

  /** How long the gate stays paused from now (0 when it is not). */
  pausedForMs(): number {
    return Math.max(0, this.resumeAt - this.options.now());
  }

  get inFlight(): number {
    return this.active;
  }

  private slot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (this.active < this.maxConcurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new CancelledError());
      };
      // The releasing caller hands its slot over: `active` stays the same.
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Starts now when nobody is queued and the schedule allows; otherwise queues (FIFO) for the pump. */
  private turn(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const now = this.options.now();
    if (this.turns.length === 0 && this.dueAt() <= now) {
      this.started(now);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn: Turn = {
        resolve,
        signal,
        onAbort: () => {
          const i = this.turns.indexOf(turn);
          if (i >= 0) this.turns.splice(i, 1);
          if (this.turns.length === 0) this.pumpIdle?.abort();
          reject(new CancelledError());
        },
      };
      this.turns.push(turn);
      signal?.addEventListener('abort', turn.onAbort, { once: true });
      this.pump();
    });
  }

  /** The earliest time the next start may happen: the schedule, the pause and the 1-second window. */
  private dueAt(): number {
    const oldest = this.starts.length >= this.perWindow ? (this.starts[this.starts.length - this.perWindow] ?? 0) + WINDOW_MS : -Infinity;
    return Math.max(this.nextAt, this.resumeAt, oldest);
  }

  private started(now: number): void {
    if (this.spacingMs === 0) return;
    // On schedule (a timer less than half a step late included), the schedule stands; after a
    // quiet spell or a pause it starts again from now.
    this.nextAt = (now - this.nextAt <= this.spacingMs / 2 ? this.nextAt : now) + this.spacingMs;
    this.starts.push(now);
    if (this.starts.length > this.perWindow) this.starts.shift();
  }

  /** One loop per gate hands out turns in order, sleeping until each is due. */
  private pump(): void {
    if (this.pumpIdle) return;
    let idle = (this.pumpIdle = new AbortController());
    void (async () => {
      for (;;) {
        const head = this.turns[0];
        if (!head) {
          this.pumpIdle = undefined;
          return;
        }
        const now = this.options.now();
        const due = this.dueAt();
        if (due <= now) {
          this.turns.shift();
          head.signal?.removeEventListener('abort', head.onAbort);
          this.started(now);
          head.resolve();
          continue;
        }
        try {
          await this.options.sleep(due - now, idle.signal);
        } catch {
          // cut short because the queue emptied: the loop ends above
        }
        // Emptied while asleep, then queued again: a fresh controller, or every sleep would end at once.
        if (idle.signal.aborted) idle = this.pumpIdle = new AbortController();
      }
    })();
  }
}
