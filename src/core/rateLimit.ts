/**
 * The per-client gate every HTTP attempt passes: a concurrency cap (FIFO) and a token bucket
 * (unico's documented default: 10 requests/s per tenant). The clock and sleep are injected so
 * tests run on fake time.
 */
import { CancelledError } from './errors';

export interface GateOptions {
  readonly ratePerSecond: number;
  readonly maxConcurrency: number;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class RequestGate {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private tokens: number;
  private refilledAt: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  private readonly maxConcurrency: number;

  /** A rate that is not positive means no rate limit; the concurrency cap is at least 1. */
  constructor(private readonly options: GateOptions) {
    const rate = options.ratePerSecond > 0 ? options.ratePerSecond : Infinity;
    this.ratePerMs = rate / 1000;
    this.burst = Math.max(1, rate);
    this.maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency) || 1);
    this.tokens = this.burst;
    this.refilledAt = options.now();
  }

  /** Waits for a free slot and a token; resolves to the release function of the slot. */
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
      await this.token(signal);
    } catch (e) {
      release();
      throw e;
    }
    return release;
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

  /** Takes a token now, or reserves the next one and sleeps until it is due (refunded on abort). */
  private async token(signal?: AbortSignal): Promise<void> {
    if (!Number.isFinite(this.ratePerMs)) return;
    const now = this.options.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.ratePerMs);
    this.refilledAt = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    try {
      await this.options.sleep(-this.tokens / this.ratePerMs, signal);
    } catch (e) {
      this.tokens += 1;
      throw e;
    }
  }
}
