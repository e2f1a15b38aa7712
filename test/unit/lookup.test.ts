import * as assert from 'node:assert/strict';
import { isSettled, ProcessLookup, type ProcessLookupOptions } from '../../src/core/lookup';
import { CancelledError, NotFoundError, RateLimitedError, ServerError } from '../../src/core/errors';
import type { FetchedProcess, Process, ProcessSource } from '../../src/core/types';

const A = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const B = '0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11';
const C = '9b1d4ecd-7ac3-40f4-a8aa-44e9034c614b';
const D = 'c805fbe8-8c64-4080-a67b-8ce2add47a51';

interface Call {
  readonly id: string;
  readonly signal: AbortSignal | undefined;
  resolve(value: FetchedProcess): void;
  reject(e: Error): void;
}

/** A ProcessSource whose answers the test hands out by hand. */
class ManualSource implements ProcessSource {
  readonly calls: Call[] = [];
  getProcess(id: string, options?: { signal?: AbortSignal }): Promise<FetchedProcess> {
    return new Promise((resolve, reject) => {
      this.calls.push({ id, signal: options?.signal, resolve, reject });
      options?.signal?.addEventListener('abort', () => {
        reject(new CancelledError());
      });
    });
  }
  last(): Call {
    const call = this.calls.at(-1);
    assert.ok(call, 'a request was made');
    return call;
  }
}

function fetched(id: string, state: string, signedUrl?: string, result?: string): FetchedProcess {
  const process: Process = {
    id,
    state,
    ...(result === undefined ? {} : { result }),
    ...(signedUrl === undefined ? {} : { services: [{ documents: [{ doc_id: 'd', signed_url: signedUrl }] }] }),
  };
  return { process, rawJson: JSON.stringify({ process }), fetchedAt: 0 };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ProcessLookup', () => {
  let source: ManualSource;
  let loads: number;
  let t: number;

  beforeEach(() => {
    source = new ManualSource();
    loads = 0;
    t = 1_000_000;
  });

  function lookup(extra?: Partial<ProcessLookupOptions>): ProcessLookup {
    return new ProcessLookup({
      source: () => {
        loads++;
        return Promise.resolve(source);
      },
      now: () => t,
      ...extra,
    });
  }

  /** get() and answer its request with `value`. */
  async function fill(l: ProcessLookup, value: FetchedProcess): Promise<void> {
    const pending = l.get(value.process.id);
    await flush();
    source.last().resolve(value);
    await pending;
  }

  it('loads the network half only when it first needs it', async () => {
    const l = lookup();
    assert.equal(l.peek(A), undefined);
    assert.equal(loads, 0);
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED'));
    assert.equal(loads, 1);
  });

  it('makes one request for 100 concurrent lookups of one ID, whatever its case', async () => {
    const l = lookup();
    const all = Array.from({ length: 100 }, (_, i) => l.get(i % 2 ? A : A.toUpperCase()));
    await flush();
    assert.equal(source.calls.length, 1);
    assert.equal(source.last().id, A);
    const value = fetched(A, 'PROCESS_STATE_FINISHED');
    source.last().resolve(value);
    for (const got of await Promise.all(all)) assert.equal(got, value);
  });

  it('lets one caller abort without aborting the others', async () => {
    const l = lookup();
    const quitter = new AbortController();
    const first = l.get(A, { signal: quitter.signal });
    const second = l.get(A, { signal: new AbortController().signal });
    const third = l.get(A);
    await flush();
    quitter.abort();
    await assert.rejects(first, CancelledError);
    assert.equal(source.last().signal?.aborted, false);
    const value = fetched(A, 'PROCESS_STATE_FINISHED');
    source.last().resolve(value);
    assert.equal(await second, value);
    assert.equal(await third, value);
    assert.equal(source.calls.length, 1);
  });

  it('aborts the shared request when every waiter has aborted, and starts afresh after', async () => {
    const l = lookup();
    const one = new AbortController();
    const two = new AbortController();
    const gets = [l.get(A, { signal: one.signal }), l.get(A, { signal: two.signal })];
    await flush();
    one.abort();
    assert.equal(source.last().signal?.aborted, false);
    two.abort();
    assert.equal(source.last().signal?.aborted, true);
    for (const g of gets) await assert.rejects(g, CancelledError);
    const again = l.get(A);
    await flush();
    assert.equal(source.calls.length, 2);
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED'));
    assert.equal((await again).process.id, A);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(l.get(B, { signal: aborted.signal }), CancelledError);
    assert.equal(source.calls.length, 2);
  });

  it('keeps finished and failed processes until evicted', async () => {
    const l = lookup();
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED', undefined, 'PROCESS_RESULT_OK'));
    await fill(l, fetched(B, 'PROCESS_STATE_FAILED'));
    t += 7 * 24 * 3600 * 1000;
    assert.equal((await l.get(A)).process.id, A);
    assert.equal(l.peek(B)?.process.state, 'PROCESS_STATE_FAILED');
    assert.equal(source.calls.length, 2);
  });

  it('lets an unfinished process expire after unfinishedTtlMs for an explicit get; peek keeps showing it', async () => {
    const l = lookup({ unfinishedTtlMs: 5000 });
    await fill(l, fetched(A, 'PROCESS_STATE_CREATED'));
    t += 4999;
    assert.ok(l.peek(A));
    await l.get(A);
    assert.equal(source.calls.length, 1);
    t += 1;
    assert.equal(l.peek(A)?.process.state, 'PROCESS_STATE_CREATED');
    const refetch = l.get(A);
    await flush();
    assert.equal(source.calls.length, 2);
    source.last().resolve(fetched(A, 'AWAITING_FOR_DOCUMENT'));
    await refetch;
  });

  it('refetches a stable process with documents before its signed_url dies; peek still shows it', async () => {
    const l = lookup({ signedUrlTtlMs: 270_000 });
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED', 'https://docs.test/old', 'PROCESS_RESULT_OK'));
    t += 269_999;
    await l.get(A);
    assert.equal(source.calls.length, 1);
    t += 1;
    const refetch = l.get(A);
    await flush();
    assert.equal(source.calls.length, 2);
    assert.equal(l.peek(A)?.process.services?.[0]?.documents?.[0]?.signed_url, 'https://docs.test/old');
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED', 'https://docs.test/new', 'PROCESS_RESULT_OK'));
    await refetch;
    assert.equal(l.peek(A)?.process.services?.[0]?.documents?.[0]?.signed_url, 'https://docs.test/new');
  });

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
    for (const value of unsettled) assert.equal(await l.get(value.process.id, { background: true }), value);
    assert.equal(source.calls.length, unsettled.length);
  });

  it('treats FINISHED without a result (or RESULT_UNSPECIFIED) as unsettled: an explicit get refetches it', async () => {
    assert.equal(isSettled({ state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_UNSPECIFIED' }), false);
    assert.equal(isSettled({ state: 'PROCESS_STATE_FINISHED' }), false);
    assert.equal(isSettled({ state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK' }), true);
    assert.equal(isSettled({ state: 'PROCESS_STATE_FAILED' }), true);
    assert.equal(isSettled({ state: 'PROCESS_STATE_CREATED' }), false);
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

  it('does not cache errors, except a not-found for notFoundTtlMs', async () => {
    const l = lookup({ notFoundTtlMs: 30_000 });
    const failing = l.get(A);
    await flush();
    source.last().reject(new ServerError(500, 99999, 'Internal failure! Try again later'));
    await assert.rejects(failing, ServerError);
    const retry = l.get(A);
    await flush();
    assert.equal(source.calls.length, 2);
    source.last().reject(new NotFoundError(A, 'process not found'));
    await assert.rejects(retry, NotFoundError);
    t += 29_999;
    await assert.rejects(l.get(A), NotFoundError);
    assert.equal(source.calls.length, 2);
    t += 1;
    const later = l.get(A);
    await flush();
    assert.equal(source.calls.length, 3);
    source.last().resolve(fetched(A, 'PROCESS_STATE_CREATED'));
    await later;
  });

  it('force bypasses the cache (and the remembered not-found) but joins a request in flight', async () => {
    const l = lookup();
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED'));
    const forced = l.get(A, { force: true });
    const alsoForced = l.get(A, { force: true });
    await flush();
    assert.equal(source.calls.length, 2);
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED'));
    await Promise.all([forced, alsoForced]);
    const missing = l.get(B);
    await flush();
    source.last().reject(new NotFoundError(B, ''));
    await assert.rejects(missing, NotFoundError);
    const forcedMissing = l.get(B, { force: true });
    await flush();
    assert.equal(source.calls.length, 4);
    source.last().resolve(fetched(B, 'PROCESS_STATE_CREATED'));
    await forcedMissing;
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const l = lookup({ maxEntries: 3 });
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004'];
    for (const id of ids.slice(0, 3)) await fill(l, fetched(id, 'PROCESS_STATE_FINISHED'));
    assert.ok(l.peek(ids[0] ?? '')); // touch: now the youngest
    await fill(l, fetched(ids[3] ?? '', 'PROCESS_STATE_FINISHED'));
    assert.equal(l.size, 3);
    assert.equal(l.peek(ids[1] ?? ''), undefined, 'the least recently used went');
    assert.ok(l.peek(ids[0] ?? ''));
    assert.ok(l.peek(ids[2] ?? ''));
    assert.ok(l.peek(ids[3] ?? ''));
  });

  it('invalidates one entry or all', async () => {
    const l = lookup();
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED'));
    await fill(l, fetched(B, 'PROCESS_STATE_FINISHED'));
    l.invalidate(A.toUpperCase());
    assert.equal(l.peek(A), undefined);
    assert.equal(l.size, 1);
    l.invalidate();
    assert.equal(l.size, 0);
  });

  it('passes a failure to load the network half to every waiter', async () => {
    const l = new ProcessLookup({ source: () => Promise.reject(new Error('bundle missing')) });
    await assert.rejects(Promise.all([l.get(A), l.get(A)]), /bundle missing/);
  });
});
