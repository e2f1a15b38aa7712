import * as assert from 'node:assert/strict';
import { RequestGate } from '../../src/core/rateLimit';
import { CancelledError, isIdCloudError } from '../../src/core/errors';
import { FakeClock, flush } from './fakeClock.helpers';


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

/** The most start times in any window [t, t + 1000): the fullest window starts at a start. */
function busiestSecond(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && (sorted[j] ?? Infinity) < (sorted[i] ?? 0) + 1000) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

/** `count` callers that each release at once; resolves to their start times. */
async function drain(gate: RequestGate, clock: FakeClock, count: number, limitMs: number): Promise<number[]> {
  const calls = Array.from({ length: count }, () => track(gate, clock));
  await flush();
  await clock.runUntil(() => calls.every((c) => c.at !== undefined), limitMs);
  calls.forEach((c) => c.release?.());
  return calls.map((c) => c.at ?? NaN);
}

describe('RequestGate', () => {
  it('starts at most ratePerSecond in any 1-second window, from the very first second', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 200, maxConcurrency: 1000, now: clock.now, sleep: clock.sleep });
    const starts = await drain(gate, clock, 1000, 10_000);
    assert.ok(starts.every(Number.isFinite), 'every caller started');
    assert.equal(busiestSecond(starts), 199, 'the 1 % margin leaves one start of room in every second');
    assert.equal(starts[0], 0, 'the first starts at once');
    const last = Math.max(...starts);
    assert.ok(last >= 4995 && last <= 5050, `1,000 starts at 200/s take the ideal 5 s (+1 %), not ${String(last)} ms`);
  });

  it('keeps to the rate when timers fire late, without losing the schedule', async () => {
    let n = 0;
    const clock = new FakeClock(() => [0, 3, 7, 1, 9][n++ % 5] ?? 0);
    const gate = new RequestGate({ ratePerSecond: 50, maxConcurrency: 1000, now: clock.now, sleep: clock.sleep });
    const starts = await drain(gate, clock, 300, 20_000);
    assert.ok(busiestSecond(starts) <= 50, `busiest second held ${String(busiestSecond(starts))}`);
    const last = Math.max(...starts);
    assert.ok(last <= 299 * 20.2 + 10, `late timers do not add up: 300 starts at 50/s took ${String(last)} ms`);
  });

  it('spaces starts evenly: one at once, then one every 1000 / rate ms (+1 %)', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 10, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    const starts = await drain(gate, clock, 4, 1000);
    assert.deepEqual(starts, [0, 101, 202, 303]);
    await clock.advance(5000);
    const quietFrom = clock.t;
    const later = await drain(gate, clock, 2, 10_000);
    assert.deepEqual(later, [quietFrom, quietFrom + 101], 'after a quiet spell the schedule starts again');
  });

  it('gives the turn of a caller that aborts while waiting to the next one', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 1, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    (await gate.acquire())();
    const controller = new AbortController();
    const gone = track(gate, clock, controller.signal);
    const next = track(gate, clock);
    await flush();
    controller.abort();
    await flush();
    assert.ok(gone.error instanceof CancelledError);
    await clock.runUntil(() => next.at !== undefined, 5000);
    assert.equal(next.at, 1010, 'the next caller waits one interval, not two');
  });

  it('pauses every start until a pause has passed, then drains the queue at the rate', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 10, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    (await gate.acquire())();
    gate.pause(3000);
    assert.equal(gate.pausedForMs(), 3000);
    const calls = Array.from({ length: 4 }, () => track(gate, clock));
    await clock.runUntil(() => clock.t >= 1500, 1500);
    gate.pause(1000); // a shorter pause does not shorten the first
    await clock.runUntil(() => calls.every((c) => c.at !== undefined), 10_000);
    assert.deepEqual(calls.map((c) => c.at), [3000, 3101, 3202, 3303]);
    assert.equal(gate.pausedForMs(), 0);
  });

  it('lets a caller waiting through a pause cancel, and leaves no timer behind', async () => {
    const clock = new FakeClock();
    const gate = new RequestGate({ ratePerSecond: 10, maxConcurrency: 100, now: clock.now, sleep: clock.sleep });
    gate.pause(60_000);
    const controller = new AbortController();
    const waiting = track(gate, clock, controller.signal);
    await flush();
    assert.equal(clock.timers.length, 1);
    controller.abort();
    await flush();
    assert.ok(waiting.error instanceof CancelledError);
    assert.equal(clock.timers.length, 0, 'the gate stopped sleeping when its queue emptied');
    const after = track(gate, clock);
    await clock.runUntil(() => after.at !== undefined, 70_000);
    assert.equal(after.at, 60_000);
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
