import { CancelledError } from '../../src/core/errors';

/**
 * Fake time where a sleep passes at once and moves the clock on by its length: a client's waits
 * are recorded (`delays`) and cost nothing, and its rate gate sees the time they stand for.
 */
export class SteppingClock {
  readonly delays: number[] = [];
  constructor(public t = 0) {}
  readonly now = (): number => this.t;
  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    this.delays.push(ms);
    this.t += ms;
    return Promise.resolve();
  };
}

/** Fake time: sleep() registers a timer that advance() fires, `lateMs()` after it is due. */
export class FakeClock {
  t = 0;
  readonly sleeps: number[] = [];
  timers: { at: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  constructor(private readonly lateMs: () => number = () => 0) {}
  readonly now = (): number => this.t;
  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      this.sleeps.push(ms);
      const onAbort = (): void => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(new CancelledError());
      };
      const timer = {
        at: this.t + ms + this.lateMs(),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    due.forEach((x) => {
      x.resolve();
    });
    await flush();
  }
  /** Advances 1 ms at a time until `done()` or `limitMs` of fake time. */
  async runUntil(done: () => boolean, limitMs: number): Promise<void> {
    while (!done() && this.t < limitMs) await this.advance(1);
  }
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
