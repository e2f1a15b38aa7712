// ProcessLookup for background callers (DESIGN.md §15): unsettled answers served from cache
// however old, and the per-ID failure backoff, on a fake clock.
import * as assert from 'node:assert/strict';
import { ProcessLookup, type ProcessLookupOptions } from '../../src/core/lookup';
import { isSettled } from '../../src/core/model';
import { CancelledError, RateLimitedError, ServerError } from '../../src/core/errors';
import type { FetchedProcess } from '../../src/core/types';
import { A, B, C, D, fetched, flush, ManualSource } from './lookup.helpers';
import { pid } from './pid.helpers';

describe('ProcessLookup: background callers', () => {
  let source: ManualSource;
  let t: number;

  beforeEach(() => {
    source = new ManualSource();
    t = 1_000_000;
  });

  function lookup(extra?: Partial<ProcessLookupOptions>): ProcessLookup {
    return new ProcessLookup({
      source: () => Promise.resolve(source),
      now: () => t,
      ...extra,
    });
  }

  /** get() and answer its request with `value`. */
  async function fill(l: ProcessLookup, value: FetchedProcess): Promise<void> {
    const pending = l.get(pid(value.process.id));
    await flush();
    source.last().resolve(value);
    await pending;
  }

  it('serves any unsettled answer to background callers without a request, however old', async () => {
    const l = lookup({ unfinishedTtlMs: 5000 });
    const unsettled = [
      fetched(A, 'PROCESS_STATE_CREATED'),
      fetched(B, 'AWAITING_FOR_DOCUMENT'),
      fetched(C, 'SOMETHING_NEW'),
      fetched(D, 'PROCESS_STATE_FINISHED', undefined, 'PROCESS_RESULT_UNSPECIFIED'),
    ];
    for (const value of unsettled) await fill(l, value);
    t += 3600_000;
    for (const value of unsettled) assert.equal(await l.get(pid(value.process.id), { background: true }), value);
    assert.equal(source.calls.length, unsettled.length);
  });

  it('treats FINISHED without a result (or RESULT_UNSPECIFIED) as unsettled: an explicit get refetches it', async () => {
    assert.equal(isSettled({ state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_UNSPECIFIED' }), false);
    assert.equal(isSettled({ state: 'PROCESS_STATE_FINISHED' }), false);
    assert.equal(isSettled({ state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK' }), true);
    assert.equal(isSettled({ state: 'PROCESS_STATE_FAILED' }), true);
    assert.equal(isSettled({ state: 'PROCESS_STATE_CREATED' }), false);
    // not in the Get Process reference (older OpenAPI only, deprecated): an undocumented state, not final
    assert.equal(isSettled({ state: 'PROCESS_STATE_CANCELED' }), false);
    const l = lookup({ unfinishedTtlMs: 5000 });
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED', undefined, 'PROCESS_RESULT_UNSPECIFIED'));
    t += 5000;
    const refetch = l.get(A);
    await flush();
    assert.equal(source.calls.length, 2, 'cached as stable forever');
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED', undefined, 'PROCESS_RESULT_OK'));
    await refetch;
  });

  it('backs off a failed ID for background callers: 30 s doubling to 10 min; explicit and forced gets still go', async () => {
    const l = lookup();
    const fail = async (get: Promise<FetchedProcess>): Promise<void> => {
      await flush();
      source.last().reject(new ServerError(500, 99999, 'Internal failure! Try again later'));
      await assert.rejects(get, ServerError);
    };
    await fail(l.get(A, { background: true }));
    const waits = [30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000];
    for (const [i, wait] of waits.entries()) {
      t += wait - 1;
      await assert.rejects(l.get(A, { background: true }), ServerError);
      assert.ok(l.peekFailure(A));
      assert.equal(source.calls.length, i + 1, `a request before ${String(wait)} ms`);
      t += 1;
      assert.equal(l.peekFailure(A), undefined);
      await fail(l.get(A, { background: true }));
    }
    const explicit = l.get(A);
    await flush();
    assert.equal(source.calls.length, waits.length + 2, 'an explicit get waited on the backoff');
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED', undefined, 'PROCESS_RESULT_OK'));
    await explicit;
    assert.equal(l.peekFailure(A), undefined, 'success forgets the failure');
  });

  it('holds a 429 for exactly its Retry-After, for background callers only', async () => {
    const l = lookup();
    const limited = l.get(A, { background: true });
    await flush();
    source.last().reject(new RateLimitedError(7_000));
    await assert.rejects(limited, RateLimitedError);
    for (let i = 0; i < 61; i++) await assert.rejects(l.get(A, { background: true }), RateLimitedError);
    assert.equal(source.calls.length, 1);
    t += 6_999;
    await assert.rejects(l.get(A, { background: true }), RateLimitedError);
    const forced = l.get(A, { force: true });
    await flush();
    assert.equal(source.calls.length, 2, 'force waited on the backoff');
    source.last().reject(new RateLimitedError(7_000));
    await assert.rejects(forced, RateLimitedError);
    t += 7_000;
    const later = l.get(A, { background: true });
    await flush();
    assert.equal(source.calls.length, 3);
    source.last().resolve(fetched(A, 'PROCESS_STATE_CREATED'));
    await later;
  });

  it('remembers no failure for a cancelled lookup', async () => {
    const l = lookup();
    const leaving = new AbortController();
    const get = l.get(A, { background: true, signal: leaving.signal });
    await flush();
    leaving.abort();
    await assert.rejects(get, CancelledError);
    assert.equal(l.peekFailure(A), undefined);
    const again = l.get(A, { background: true });
    await flush();
    assert.equal(source.calls.length, 2);
    source.last().resolve(fetched(A, 'PROCESS_STATE_CREATED'));
    await again;
  });

});
