/**
 * ProcessLookup: the cache in front of the client. One request per ID at a time, shared by every
 * concurrent caller; answers kept by state (finished/failed are stable, unfinished expire in
 * seconds, a stable answer with documents is refetched before its signed_url dies); an LRU bound;
 * and a synchronous `peek` for hovers.
 *
 * Pure: part of the activation bundle, so no undici, zod, schema or client at run time.
 */
import { abortable } from './abort';
import { CancelledError, isIdCloudError } from './errors';
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
}

const STABLE_STATES: ReadonlySet<string> = new Set(['PROCESS_STATE_FINISHED', 'PROCESS_STATE_FAILED', 'PROCESS_STATE_CANCELED']);

/** A state that will not change any more (cached for good; a watch ends on it). */
export function isStableState(state: string | undefined): boolean {
  return STABLE_STATES.has(state ?? '');
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
  private readonly entries = new Map<string, Entry>();
  private readonly notFound = new Map<string, { readonly error: Error; readonly until: number }>();
  private readonly flights = new Map<string, Flight>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly unfinishedTtlMs: number;
  private readonly signedUrlTtlMs: number;
  private readonly notFoundTtlMs: number;

  constructor(private readonly options: ProcessLookupOptions) {
    this.now = options.now ?? Date.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? 500);
    this.unfinishedTtlMs = options.unfinishedTtlMs ?? 5_000;
    this.signedUrlTtlMs = options.signedUrlTtlMs ?? 270_000;
    this.notFoundTtlMs = options.notFoundTtlMs ?? 30_000;
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string, options?: { signal?: AbortSignal; force?: boolean }): Promise<FetchedProcess> {
    const key = id.toLowerCase();
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (options?.force !== true) {
      const entry = this.fresh(key, true);
      if (entry) return Promise.resolve(entry.value);
      const miss = this.notFound.get(key);
      if (miss && this.now() < miss.until) return Promise.reject(miss.error);
    }
    return this.join(this.flights.get(key) ?? this.launch(key), key, signal);
  }

  peek(id: string): FetchedProcess | undefined {
    return this.fresh(id.toLowerCase(), false)?.value;
  }

  invalidate(id?: string): void {
    if (id === undefined) {
      this.entries.clear();
      this.notFound.clear();
      return;
    }
    this.entries.delete(id.toLowerCase());
    this.notFound.delete(id.toLowerCase());
  }

  /** The cached entry if still fresh, moved to the young end of the LRU order. */
  private fresh(key: string, forGet: boolean): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = this.now() - entry.storedAt;
    const ttl = !entry.stable ? this.unfinishedTtlMs : forGet && entry.signedUrls ? this.signedUrlTtlMs : Infinity;
    if (age >= ttl) {
      if (!entry.stable) this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private launch(key: string): Flight {
    const controller = new AbortController();
    const promise = this.options
      .source()
      .then((source) => source.getProcess(key, { signal: controller.signal }))
      .then(
        (value) => {
          this.store(key, value);
          return value;
        },
        (e: unknown) => {
          if (isIdCloudError(e) && e.kind === 'notFound') this.notFound.set(key, { error: e, until: this.now() + this.notFoundTtlMs });
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
  private join(flight: Flight, key: string, signal?: AbortSignal): Promise<FetchedProcess> {
    flight.waiters++;
    return abortable(flight.promise, signal, () => {
      if (--flight.waiters === 0) {
        if (this.flights.get(key) === flight) this.flights.delete(key);
        flight.controller.abort();
      }
    });
  }

  private store(key: string, value: FetchedProcess): void {
    this.notFound.delete(key);
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      storedAt: this.now(),
      stable: STABLE_STATES.has(value.process.state ?? ''),
      signedUrls: hasSignedUrls(value.process),
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
