import * as assert from 'node:assert/strict';
import { CancelledError, isIdCloudError, NotFoundError, RateLimitedError, ServerError } from '../../src/core/errors';
import { ResolveQueue, type QueueProgress } from '../../src/core/resolveQueue';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `id-${i}`);

/** A fetch whose calls are answered by the test, one by one, on a fake clock. */
function controlled(): {
  fetch: (id: string, signal: AbortSignal) => Promise<string>;
  calls: string[];
  inFlight: () => number;
  answer: (id: string, outcome: string | Error) => Promise<void>;
  clock: { t: number };
} {
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const calls: string[] = [];
  const clock = { t: 0 };
  return {
    calls,
    clock,
    inFlight: () => pending.size,
    fetch: (id, signal) => new Promise<string>((resolve, reject) => {
      calls.push(id);
      pending.set(id, { resolve, reject });
      signal.addEventListener('abort', () => {
        pending.delete(id);
        reject(new CancelledError());
      });
    }),
    answer: async (id, outcome) => {
      const p = pending.get(id);
      assert.ok(p, `${id} is not in flight`);
      pending.delete(id);
      if (outcome instanceof Error) p.reject(outcome);
      else p.resolve(outcome);
      // let the worker record it and start the next
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

const isFinal = (e: unknown): boolean => isIdCloudError(e) && e.kind === 'notFound';
const isRetryable = (e: unknown): boolean => isIdCloudError(e) && e.kind === 'rateLimited';

describe('ResolveQueue', () => {
  it('keeps at most `concurrency` lookups in flight and reports N of M with an ETA from the pace so far', async () => {
    const c = controlled();
    const q = new ResolveQueue(ids(5), { fetch: c.fetch, concurrency: 2, now: () => c.clock.t });
    const progress: QueueProgress[] = [];
    const run = q.run({ onProgress: (p) => progress.push(p) });
    await Promise.resolve();
    assert.equal(c.inFlight(), 2);
    assert.deepEqual(c.calls, ['id-0', 'id-1']);
    c.clock.t = 1000;
    await c.answer('id-0', 'a');
    assert.equal(c.inFlight(), 2);
    c.clock.t = 2000;
    await c.answer('id-1', 'b');
    for (const id of ['id-2', 'id-3', 'id-4']) await c.answer(id, id);
    const summary = await run;
    assert.deepEqual(summary, { fetched: 5, settled: 5, total: 5, cancelled: false });
    assert.deepEqual(progress[0], { done: 0, total: 5, etaMs: undefined });
    // 1 done in 1 s → 4 left ≈ 4 s; 2 done in 2 s → 3 left ≈ 3 s
    assert.deepEqual(progress[1], { done: 1, total: 5, etaMs: 4000 });
    assert.deepEqual(progress[2], { done: 2, total: 5, etaMs: 3000 });
    assert.deepEqual(progress.at(-1), { done: 5, total: 5, etaMs: 0 });
  });

  it('cancel stops starting lookups, aborts those in flight, and keeps what was fetched', async () => {
    const c = controlled();
    const q = new ResolveQueue(ids(6), { fetch: c.fetch, concurrency: 2, now: () => c.clock.t });
    const controller = new AbortController();
    const seen: string[] = [];
    const run = q.run({ signal: controller.signal, onOutcome: (id) => seen.push(id) });
    await Promise.resolve();
    await c.answer('id-0', 'zero');
    await c.answer('id-1', 'one');
    controller.abort();
    const summary = await run;
    assert.equal(summary.cancelled, true);
    assert.equal(summary.settled, 2);
    assert.deepEqual(seen, ['id-0', 'id-1']);
    assert.equal(c.inFlight(), 0);
    assert.deepEqual(q.outcome('id-0'), { ok: true, value: 'zero' });
    assert.equal(q.outcome('id-2'), undefined, 'an aborted lookup is not an outcome');
    assert.deepEqual(q.remaining(), ['id-2', 'id-3', 'id-4', 'id-5']);
  });

  it('resume: a second run fetches only what is not settled (transient errors again, 404s not)', async () => {
    const calls: string[] = [];
    let round = 1;
    const fetch = (id: string): Promise<string> => {
      calls.push(id);
      if (id === 'id-1') return Promise.reject(new NotFoundError(id, ''));
      if (id === 'id-2' && round === 1) return Promise.reject(new ServerError(503, undefined, ''));
      return Promise.resolve(id);
    };
    const q = new ResolveQueue(ids(4), { fetch, isFinal, now: () => 0 });
    const controller = new AbortController();
    await q.run({ signal: controller.signal, onOutcome: (id) => { if (id === 'id-3') controller.abort(); } });
    assert.equal(q.outcome('id-2')?.ok, false, 'the 503 is kept for display');
    assert.deepEqual(q.remaining(), ['id-2']);
    calls.length = 0;
    round = 2;
    const second = await q.run();
    assert.deepEqual(calls, ['id-2']);
    assert.deepEqual(second, { fetched: 1, settled: 4, total: 4, cancelled: false });
    assert.deepEqual(q.remaining(), []);
    calls.length = 0;
    assert.equal((await q.run()).fetched, 0);
    assert.deepEqual(calls, []);
  });

  it('a rate-limited lookup goes back to the end of the queue instead of failing, up to maxAttempts', async () => {
    const calls: string[] = [];
    let limited = 2;
    const fetch = (id: string): Promise<string> => {
      calls.push(id);
      if (id === 'id-0' && limited-- > 0) return Promise.reject(new RateLimitedError(1000));
      if (id === 'id-2') return Promise.reject(new RateLimitedError(1000));
      return Promise.resolve(id);
    };
    const q = new ResolveQueue(ids(3), { fetch, isRetryable, concurrency: 1, maxAttempts: 3, now: () => 0 });
    const summary = await q.run();
    assert.deepEqual(calls, ['id-0', 'id-1', 'id-2', 'id-0', 'id-2', 'id-0', 'id-2']);
    assert.deepEqual(q.outcome('id-0'), { ok: true, value: 'id-0' });
    const last = q.outcome('id-2');
    assert.ok(last && !last.ok && isRetryable(last.error) && !last.final, 'still limited after 3 tries: kept, not settled');
    assert.equal(summary.settled, 2);
    assert.deepEqual(q.remaining(), ['id-2']);
  });

  it('counts each ID once, whatever the input repeats', async () => {
    const calls: string[] = [];
    const q = new ResolveQueue(['a', 'b', 'a'], { fetch: (id) => { calls.push(id); return Promise.resolve(id); }, now: () => 0 });
    assert.equal(q.total, 2);
    await q.run();
    assert.deepEqual(calls.sort(), ['a', 'b']);
  });
});
