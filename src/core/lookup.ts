/**
 * ProcessLookup: the cache in front of the client. One request per ID at a time, shared by every
 * concurrent caller; answers kept by state (finished/failed are stable; an unsettled answer is
 * fresh for an explicit `get` for seconds, but `peek` and background callers keep showing it, so
 * only an explicit refresh or a watch fetches it again; a stable answer with documents is
 * refetched before its signed_url dies); an LRU bound; a synchronous `peek` for hovers; and a
 * per-ID failure backoff that background callers obey (DESIGN.md §15).
 *
 * Pure: part of the activation bundle, so no undici, zod, schema or client at run time.
 */
import { abortable } from './abort';
import { CancelledError, isIdCloudError } from './errors';
import { isFetchedSettled } from './fetched';
import type { ProcessId } from './processId';
import type { FetchedProcess, ProcessSource } from './types';

export interface ProcessLookupOptions {
  /** The network half, loaded on first use (called once per request; it should memoise). */
  readonly source: () => Promise<ProcessSource>;
  readonly now?: () => number;
  /** Default 500. */
  readonly maxEntries?: number;
  /** How long an unfinished process is fresh. Default 5 000. */
  readonly unfinishedTtlMs?: number;
  /** How long a stable answer with documents serves `get` (signed_url lives 5 min). Default 270 000. */
  readonly signedUrlTtlMs?: number;
  /** How long a 404 is remembered. Default 30 000. */
  readonly notFoundTtlMs?: number;
  /** A background caller's first wait after a failure (429 without Retry-After included); doubles per failure. Default 30 000. */
  readonly failureBackoffMs?: number;
  /** The longest wait after repeated failures. Default 600 000. */
  readonly maxFailureBackoffMs?: number;
  /**
   * Told once per request that reached the source (not per waiter), after its answer is stored or
   * its failure remembered, so a listener that peeks sees it. Not for a cancelled request.
   */
  readonly onFetch?: (id: ProcessId) => void;
}

export interface GetOptions {
  readonly signal?: AbortSignal;
  /** Bypass the cache and every remembered failure (Refresh, a watch, stale signed_url). */
  readonly force?: boolean;
  /**
   * A background surface (hover, lens, decoration) asks: any cached answer serves, however old
   * (an unsettled one too), and a remembered failure is the answer until its backoff has passed.
   */
  readonly background?: boolean;
}

/** A failure remembered per ID: its error, until when background callers get it, and how many in a row. */
interface Failure {
  readonly error: Error;
  readonly until: number;
  readonly count: number;
  /** A 404 holds off every non-forced caller, not only background ones. */
  readonly notFound: boolean;
}

interface Entry {
  readonly value: FetchedProcess;
  readonly storedAt: number;
  readonly stable: boolean;
  readonly signedUrls: boolean;
}

interface Flight {
  readonly promise: Promise<FetchedProcess>;
  readonly controller: AbortController;
  waiters: number;
}

export class ProcessLookup {
  private readonly entries = new Map<ProcessId, Entry>();
  private readonly failures = new Map<ProcessId, Failure>();
  private readonly flights = new Map<ProcessId, Flight>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly unfinishedTtlMs: number;
  private readonly signedUrlTtlMs: number;
  private readonly notFoundTtlMs: number;
  private readonly failureBackoffMs: number;
  private readonly maxFailureBackoffMs: number;

  constructor(private readonly options: ProcessLookupOptions) {
    this.now = options.now ?? Date.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? 500);
    this.unfinishedTtlMs = options.unfinishedTtlMs ?? 5_000;
    this.signedUrlTtlMs = options.signedUrlTtlMs ?? 270_000;
    this.notFoundTtlMs = options.notFoundTtlMs ?? 30_000;
    this.failureBackoffMs = options.failureBackoffMs ?? 30_000;
    this.maxFailureBackoffMs = options.maxFailureBackoffMs ?? 600_000;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: ProcessId, options?: GetOptions): Promise<FetchedProcess> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (options?.force !== true) {
      const background = options?.background === true;
      const entry = background ? this.touch(key) : this.fresh(key);
      if (entry) return Promise.resolve(entry.value);
      const failure = this.failures.get(key);
      if (failure && (background || failure.notFound) && this.now() < failure.until) return Promise.reject(failure.error);
    }
    return this.join(this.flights.get(key) ?? this.launch(key), key, signal);
  }

  /** The cached answer, however old (an unsettled one too): surfaces show it, only an explicit get or a watch refreshes it. */
  peek(id: ProcessId): FetchedProcess | undefined {
    return this.touch(id)?.value;
  }

  /** The failure remembered for this ID while background callers still wait on it. */
  peekFailure(id: ProcessId): Error | undefined {
    const failure = this.failures.get(id);
    return failure && this.now() < failure.until ? failure.error : undefined;
  }

  invalidate(id?: ProcessId): void {
    if (id === undefined) {
      this.entries.clear();
      this.failures.clear();
      return;
    }
    this.entries.delete(id);
    this.failures.delete(id);
  }

  /** The cached entry, moved to the young end of the LRU order. */
  private touch(key: ProcessId): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The cached entry if still fresh for an explicit get. */
  private fresh(key: ProcessId): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const ttl = !entry.stable ? this.unfinishedTtlMs : entry.signedUrls ? this.signedUrlTtlMs : Infinity;
    return this.now() - entry.storedAt < ttl ? this.touch(key) : undefined;
  }

  /** Remembers a failure: a 404 for notFoundTtlMs, a 429 for its Retry-After, others 30 s doubling to 10 min. */
  private remember(key: ProcessId, e: unknown): void {
    if (isIdCloudError(e) && e.kind === 'cancelled') return;
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const notFound = isIdCloudError(e) && e.kind === 'notFound';
    const retryAfter = isIdCloudError(e) && e.kind === 'rateLimited' ? (e as { retryAfterMs?: number }).retryAfterMs : undefined;
    const wait = notFound ? this.notFoundTtlMs
      : retryAfter !== undefined ? retryAfter
      : Math.min(this.maxFailureBackoffMs, this.failureBackoffMs * 2 ** Math.min(count - 1, 30));
    const error = e instanceof Error ? e : new Error(String(e));
    this.failures.set(key, { error, until: this.now() + wait, count, notFound });
  }

  private launch(key: ProcessId): Flight {
    const controller = new AbortController();
    const promise = this.options
      .source()
      .then(
        (source) => source.getProcess(key, { signal: controller.signal }).then(
          (value) => {
            this.store(key, value);
            this.options.onFetch?.(key);
            return value;
          },
          (e: unknown) => {
            this.remember(key, e);
            if (!(isIdCloudError(e) && e.kind === 'cancelled')) this.options.onFetch?.(key);
            throw e;
          },
        ),
        (e: unknown) => {
          this.remember(key, e); // no source (no credentials, the emulator did not start): nothing was fetched
          throw e;
        },
      )
      .finally(() => {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      });
    // Every waiter may have left; the outcome is still observed here.
    promise.catch(() => undefined);
    const flight: Flight = { promise, controller, waiters: 0 };
    this.flights.set(key, flight);
    return flight;
  }

  /** This caller's view of the shared request: it may leave early; the request is aborted when the last one does. */
  private join(flight: Flight, key: ProcessId, signal?: AbortSignal): Promise<FetchedProcess> {
    flight.waiters++;
    return abortable(flight.promise, signal, () => {
      if (--flight.waiters === 0) {
        if (this.flights.get(key) === flight) this.flights.delete(key);
        flight.controller.abort();
      }
    });
  }

  private store(key: ProcessId, value: FetchedProcess): void {
    this.failures.delete(key);
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      storedAt: this.now(),
      stable: isFetchedSettled(value),
      signedUrls: value.contract !== 'api' && hasSignedUrls(value.process),
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }
}

/** Whether any document carries a signed_url (it dies 5 minutes after the answer). */
function hasSignedUrls(process: { readonly services?: unknown }): boolean {
  const services: unknown = process.services;
  const list: unknown[] = Array.isArray(services) ? services : typeof services === 'object' && services !== null ? Object.values(services) : [];
  return list.some((service) => {
    if (typeof service !== 'object' || service === null || !('documents' in service)) return false;
    const documents = service.documents;
    return Array.isArray(documents) && documents.some((d: unknown) => typeof d === 'object' && d !== null && 'signed_url' in d && typeof d.signed_url === 'string' && d.signed_url !== '');
  });
}
