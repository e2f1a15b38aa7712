import * as assert from 'node:assert/strict';
import { type CheckResult, type PollerClock, type WatchEnd, WatchPoller, type WatchPollerOptions } from '../../src/core/watchPoller';

/** Fake time: timers fire only when the test advances the clock. */
class FakeClock implements PollerClock {
  t = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now(): number {
    return this.t;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, run });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Moves to the next timer (running it) and lets the checks' promises settle; false when none. */
  async step(): Promise<boolean> {
    const first = [...this.timers.entries()].sort(([, a], [, b]) => a.at - b.at)[0];
    if (!first) return false;
    this.timers.delete(first[0]);
    this.t = Math.max(this.t, first[1].at);
    first[1].run();
    await flush();
    return true;
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

interface Check {
  readonly key: string;
  readonly at: number;
  readonly signal: AbortSignal;
}

describe('WatchPoller', () => {
  let clock: FakeClock;
  let checks: Check[];
  let ends: { key: string; end: WatchEnd; at: number }[];
  /** What the next checks answer, per key (default: unsettled). */
  let answers: Map<string, CheckResult[]>;

  beforeEach(() => {
    clock = new FakeClock();
    checks = [];
    ends = [];
    answers = new Map();
  });

  function poller(extra?: Partial<WatchPollerOptions>): WatchPoller {
    return new WatchPoller({
      clock,
      random: () => 0.5, // jitter factor exactly 1
      check: (key, signal) => {
        checks.push({ key, at: clock.t, signal });
        return Promise.resolve(answers.get(key)?.shift() ?? { kind: 'unsettled' });
      },
      onEnd: (key, end) => { ends.push({ key, end, at: clock.t }); },
      ...extra,
    });
  }

  const times = (key = 'a'): number[] => checks.filter((c) => c.key === key).map((c) => c.at);

  it('polls after 5 s, then doubles the wait up to 60 s', async () => {
    const p = poller();
    p.add('a');
    for (let i = 0; i < 8; i++) await clock.step();
    assert.deepEqual(times(), [5_000, 15_000, 35_000, 75_000, 135_000, 195_000, 255_000, 315_000]);
    p.dispose();
    assert.equal(clock.pending, 0);
  });

  it('spreads each wait by the jitter, both ways', async () => {
    const low = poller({ random: () => 0, jitter: 0.2 });
    low.add('a');
    await clock.step();
    assert.equal(clock.t, 4_000);
    low.dispose();
    clock = new FakeClock();
    const high = poller({ random: () => 0.999_999, jitter: 0.2 });
    high.add('a');
    await clock.step();
    assert.equal(clock.t, 6_000);
    high.dispose();
  });

  it('ends a settled watch once and polls it no more', async () => {
    const p = poller();
    answers.set('a', [{ kind: 'unsettled' }, { kind: 'settled' }]);
    p.add('a');
    while (await clock.step()) { /* run until no timer is left */ }
    assert.deepEqual(ends, [{ key: 'a', end: { kind: 'settled' }, at: 15_000 }]);
    assert.equal(checks.length, 2);
    assert.equal(p.size, 0);
    p.add('b'); // the poller still works for new keys
    await clock.step();
    assert.equal(times('b').length, 1);
    p.dispose();
  });

  it('stops after the overall limit with a timed-out end, counted from when the watch began', async () => {
    const p = poller({ maxDurationMs: 3 * 60_000 });
    p.add('a');
    while (await clock.step()) { /* until the limit ends it */ }
    assert.deepEqual(ends, [{ key: 'a', end: { kind: 'timedOut', afterMs: 180_000 }, at: 180_000 }]);
    assert.ok(times().every((t) => t < 180_000));
    // A resumed watch keeps its own start: begun 170 s ago, it has 10 s left.
    clock.t = 1_000_000;
    ends = [];
    p.add('r', clock.t - 170_000);
    while (await clock.step()) { /* until the limit ends it */ }
    assert.deepEqual(ends, [{ key: 'r', end: { kind: 'timedOut', afterMs: 180_000 }, at: 1_010_000 }]);
    assert.deepEqual(times('r'), [1_005_000]);
    p.dispose();
  });

  it('backs off further after failures and returns to the schedule after an answer', async () => {
    const p = poller();
    answers.set('a', [{ kind: 'failed' }, { kind: 'failed' }, { kind: 'unsettled' }, { kind: 'unsettled' }]);
    p.add('a');
    for (let i = 0; i < 5; i++) await clock.step();
    // 5 s; failed → 5·2 = 10 s; failed → 5·4 = 20 s; unsettled → 10 s; unsettled → 20 s
    assert.deepEqual(times(), [5_000, 15_000, 35_000, 45_000, 65_000]);
    p.dispose();
  });

  it('caps the failure backoff', async () => {
    const p = poller({ maxFailureDelayMs: 30_000 });
    answers.set('a', Array.from({ length: 6 }, (): CheckResult => ({ kind: 'failed' })));
    p.add('a');
    for (let i = 0; i < 6; i++) await clock.step();
    const gaps = times().slice(1).map((t, i) => t - (times()[i] ?? 0));
    assert.deepEqual(gaps, [10_000, 20_000, 30_000, 30_000, 30_000]);
    p.dispose();
  });

  it('waits exactly the Retry-After of a rate-limited check (plus at most the jitter)', async () => {
    const p = poller({ jitter: 0 });
    answers.set('a', [{ kind: 'failed', retryAfterMs: 42_000 }]);
    p.add('a');
    await clock.step();
    await clock.step();
    assert.deepEqual(times(), [5_000, 47_000]);
    p.dispose();
    // With jitter the wait is never shorter than Retry-After.
    clock = new FakeClock();
    checks = [];
    const q = poller({ jitter: 0.2, random: () => 0.999 });
    answers.set('a', [{ kind: 'failed', retryAfterMs: 42_000 }]);
    q.add('a');
    await clock.step(); // at 5 999
    await clock.step();
    const [first, second] = times();
    assert.ok(first !== undefined && second !== undefined);
    assert.ok(second - first >= 42_000 && second - first <= 43_000, `waited ${second - first} ms`);
    q.dispose();
  });

  it('runs at most maxInFlight checks at once and starts the rest as slots free', async () => {
    const pending: { key: string; resolve: (r: CheckResult) => void }[] = [];
    const p = poller({
      maxInFlight: 2,
      check: (key, signal) => new Promise((resolve) => {
        checks.push({ key, at: clock.t, signal });
        pending.push({ key, resolve });
      }),
    });
    for (const k of ['a', 'b', 'c', 'd']) p.add(k);
    await clock.step();
    assert.deepEqual(checks.map((c) => c.key), ['a', 'b']);
    assert.equal(clock.pending, 0, 'no timer while every slot is busy');
    pending.shift()?.resolve({ kind: 'settled' });
    await flush();
    await clock.step(); // c is overdue: a zero-delay timer starts it
    assert.deepEqual(checks.map((c) => c.key), ['a', 'b', 'c']);
    pending.shift()?.resolve({ kind: 'unsettled' });
    await flush();
    await clock.step();
    assert.deepEqual(checks.map((c) => c.key), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ends.map((e) => e.key), ['a']);
    p.dispose();
    assert.ok(checks.slice(2).every((c) => c.signal.aborted), 'dispose aborts the checks in flight');
  });

  it('ignores the answer of a check whose watch was removed, even if it is added again', async () => {
    let release: ((r: CheckResult) => void) | undefined;
    const p = poller({
      check: (key, signal) => new Promise((resolve) => {
        checks.push({ key, at: clock.t, signal });
        release = resolve;
      }),
    });
    p.add('a');
    await clock.step();
    p.remove('a');
    assert.ok(checks[0]?.signal.aborted);
    p.add('a');
    release?.({ kind: 'settled' });
    await flush();
    assert.deepEqual(ends, [], 'the old answer does not end the new watch');
    assert.ok(p.has('a'));
    p.dispose();
  });

  it('never ends a key twice, and a check that throws counts as a failure', async () => {
    let calls = 0;
    const p = poller({
      check: (key, signal) => {
        checks.push({ key, at: clock.t, signal });
        calls++;
        if (calls === 1) throw new Error('boom');
        return Promise.resolve({ kind: 'settled' });
      },
    });
    p.add('a');
    p.add('a'); // already watched: no second schedule
    while (await clock.step()) { /* until done */ }
    assert.deepEqual(times(), [5_000, 15_000]);
    assert.equal(ends.length, 1);
    p.dispose();
  });

  it('applies a new overall limit to running watches', async () => {
    const p = poller();
    p.add('a');
    await clock.step(); // 5 s
    p.setMaxDuration(8_000);
    while (await clock.step()) { /* until the new limit */ }
    assert.deepEqual(ends, [{ key: 'a', end: { kind: 'timedOut', afterMs: 8_000 }, at: 8_000 }]);
    p.dispose();
  });
});
