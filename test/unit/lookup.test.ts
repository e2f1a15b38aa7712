import * as assert from 'node:assert/strict';
import { webSdkProcess } from '../../src/core/fetched';
import { ProcessLookup, type ProcessLookupOptions } from '../../src/core/lookup';
import { CancelledError, NotFoundError, ServerError } from '../../src/core/errors';
import type { FetchedProcess } from '../../src/core/types';
import { A, B, fetched, flush, ManualSource } from './lookup.helpers';
import { pid } from './pid.helpers';

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
    const pending = l.get(pid(value.process.id));
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
    const all = Array.from({ length: 100 }, (_, i) => l.get(i % 2 ? A : pid(A.toUpperCase())));
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
    assert.equal(webSdkProcess(l.peek(A)!)?.services?.[0]?.documents?.[0]?.signed_url, 'https://docs.test/old');
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED', 'https://docs.test/new', 'PROCESS_RESULT_OK'));
    await refetch;
    assert.equal(webSdkProcess(l.peek(A)!)?.services?.[0]?.documents?.[0]?.signed_url, 'https://docs.test/new');
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
    const ids = [pid('00000000-0000-4000-8000-000000000001'), pid('00000000-0000-4000-8000-000000000002'), pid('00000000-0000-4000-8000-000000000003'), pid('00000000-0000-4000-8000-000000000004')];
    for (const id of ids.slice(0, 3)) await fill(l, fetched(id, 'PROCESS_STATE_FINISHED'));
    assert.ok(l.peek(pid(ids[0] ?? ''))); // touch: now the youngest
    await fill(l, fetched(ids[3] ?? '', 'PROCESS_STATE_FINISHED'));
    assert.equal(l.size, 3);
    assert.equal(l.peek(pid(ids[1] ?? '')), undefined, 'the least recently used went');
    assert.ok(l.peek(pid(ids[0] ?? '')));
    assert.ok(l.peek(pid(ids[2] ?? '')));
    assert.ok(l.peek(pid(ids[3] ?? '')));
  });

  it('invalidates one entry or all', async () => {
    const l = lookup();
    await fill(l, fetched(A, 'PROCESS_STATE_FINISHED'));
    await fill(l, fetched(B, 'PROCESS_STATE_FINISHED'));
    l.invalidate(pid(A.toUpperCase()));
    assert.equal(l.peek(A), undefined);
    assert.equal(l.size, 1);
    l.invalidate();
    assert.equal(l.size, 0);
  });

  it('passes a failure to load the network half to every waiter', async () => {
    const l = new ProcessLookup({ source: () => Promise.reject(new Error('bundle missing')) });
    await assert.rejects(Promise.all([l.get(A), l.get(A)]), /bundle missing/);
  });

  it('reports each fetch once, after storing it, and no fetch that was cancelled or never made', async () => {
    const seen: { id: string; cached: boolean }[] = [];
    const l: ProcessLookup = lookup({ onFetch: (id) => seen.push({ id, cached: l.peek(id) !== undefined }) });
    const waiters = [l.get(A), l.get(pid(A.toUpperCase())), l.get(A)];
    await flush();
    source.last().resolve(fetched(A, 'PROCESS_STATE_FINISHED'));
    await Promise.all(waiters);
    assert.deepEqual(seen, [{ id: A, cached: true }]);

    const failing = l.get(B);
    await flush();
    source.last().reject(new ServerError(500, 99999, 'Internal failure! Try again later'));
    await assert.rejects(failing);
    assert.deepEqual(seen.map((s) => s.id), [A, B]);

    const quitter = new AbortController();
    const left = l.get(B, { signal: quitter.signal, force: true });
    await flush();
    quitter.abort();
    await assert.rejects(left, CancelledError);
    await flush();
    const noSource = new ProcessLookup({ source: () => Promise.reject(new Error('bundle missing')), onFetch: (id) => seen.push({ id, cached: false }) });
    await assert.rejects(noSource.get(A), /bundle missing/);
    assert.deepEqual(seen.map((s) => s.id), [A, B]);
  });
});
