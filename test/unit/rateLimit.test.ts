import * as assert from 'node:assert/strict';
import { RequestGate } from '../../src/core/rateLimit';
import { CancelledError, isIdCloudError } from '../../src/core/errors';

/** Fake time: sleep() registers a timer that advance() fires. */
class FakeClock {
  t = 0;
  readonly sleeps: number[] = [];
  private timers: { at: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  readonly now = (): number => this.t;
  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      this.sleeps.push(ms);
      const timer = { at: this.t + ms, resolve, reject };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(new CancelledError());
      });
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
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Starts acquire() and records when (in fake time) it resolved. */
function track(gate: RequestGate, clock: FakeClock, signal?: AbortSignal) {
  const state: { at?: number; release?: () => void; error?: unknown } = {};
  gate.acquire(signal).then(
    (release) => {
      state.at = clock.t;
      state.release = release;
    },
    (e: unknown) => {
      state.error = e;
    },
  );
  return state;
}

describe('RequestGate', () => {
  it('lets a burst of ratePerSecond through, then one per interval', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 10, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    const calls = Array.from({ length: 13 }, () => track(gate, clock));
    await flush();
    assert.equal(calls.filter((c) => c.at === 0).length, 10);
    assert.deepEqual(clock.sleeps, [100, 200, 300]);
    await clock.advance(100);
    assert.equal(calls[10]?.at, 100);
    assert.equal(calls[11]?.at, undefined);
    await clock.advance(100);
    await clock.advance(100);
    assert.deepEqual(calls.slice(10).map((c) => c.at), [100, 200, 300]);
  });

  it('refills over time up to the burst, not beyond', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 2, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 2; i++) (await gate.acquire())();
    await clock.advance(60_000);
    for (let i = 0; i < 2; i++) (await gate.acquire())();
    assert.deepEqual(clock.sleeps, []);
    track(gate, clock);
    await flush();
    assert.deepEqual(clock.sleeps, [500]);
  });

  it('refunds the reserved token of a caller that aborts while waiting', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 1, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    (await gate.acquire())();
    const controller = new AbortController();
    const gone = track(gate, clock, controller.signal);
    await flush();
    controller.abort();
    await flush();
    assert.ok(gone.error instanceof CancelledError);
    track(gate, clock);
    await flush();
    assert.deepEqual(clock.sleeps, [1000, 1000], 'the next caller waits one interval, not two');
  });

  it('caps concurrency and hands slots over in order', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: Infinity, maxConcurrency: 2, now: clock.now, sleep: clock.sleep });
    const [a, b, c, d] = Array.from({ length: 4 }, () => track(gate, clock));
    const granted = () => [a, b, c, d].map((x) => x?.release !== undefined);
    await flush();
    assert.deepEqual(granted(), [true, true, false, false]);
    assert.equal(gate.inFlight, 2);
    a?.release?.();
    a?.release?.(); // idempotent
    await flush();
    assert.deepEqual(granted(), [true, true, true, false]);
    assert.equal(gate.inFlight, 2);
    b?.release?.();
    c?.release?.();
    await flush();
    assert.deepEqual(granted(), [true, true, true, true]);
    d?.release?.();
    assert.equal(gate.inFlight, 0);
  });

  it('drops a caller that aborts while queued for a slot', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: Infinity, maxConcurrency: 1, now: clock.now, sleep: clock.sleep });
    const first = track(gate, clock);
    const controller = new AbortController();
    const quitter = track(gate, clock, controller.signal);
    const patient = track(gate, clock);
    await flush();
    controller.abort();
    await flush();
    assert.ok(isIdCloudError(quitter.error) && quitter.error.kind === 'cancelled');
    first.release?.();
    await flush();
    assert.ok(patient.release, 'the slot went to the next caller still waiting');
    assert.equal(gate.inFlight, 1);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(gate.acquire(aborted.signal), CancelledError);
  });

  it('treats a rate that is not positive as no limit and a cap below one as one', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 0, maxConcurrency: 0, now: clock.now, sleep: clock.sleep });
    const first = track(gate, clock);
    const second = track(gate, clock);
    await flush();
    assert.ok(first.release);
    assert.equal(second.release, undefined);
    first.release();
    await flush();
    assert.ok(second.release);
    assert.deepEqual(clock.sleeps, []);
  });
});
