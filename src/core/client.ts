/**
 * IdCloudClient: Get Process, Get Selfie and Get Evidence Set over undici (dispatcher injected,
 * AbortSignal on every call). Every answer is mapped once to a value or a typed error; retries
 * only where safe (429, 5xx, connection reset; one token renewal on 401), each attempt through
 * the client's rate limit and concurrency cap.
 */
import type { Dispatcher } from 'undici';
import { apiContractForbidden } from './apiContract/errors';
import { parseApiProcess } from './apiContract/schema';
import { header, send, type RawResponse } from './http';
import { RequestGate } from './rateLimit';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep as realSleep, type RetryPolicy } from './retry';
import { isProcessId } from './processId';
import { parseErrorBody, parseMediaResponse, parseProcess } from './schema';
import {
  CancelledError,
  ForbiddenError,
  InvalidProcessIdError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  UnexpectedResponseError,
  type IdCloudError,
  type UnauthorizedReason,
} from './errors';
import type { FetchedProcess, MediaFile, ProcessSource, TokenSource } from './types';

export interface ClientEvent {
  readonly type: 'request' | 'response' | 'retry';
  readonly method: 'GET';
  /** The API path, e.g. /client/v1/process/<id>/selfie: never a token, never a query. */
  readonly path: string;
  readonly attempt: number;
  readonly status?: number;
  readonly ms?: number;
  readonly delayMs?: number;
  readonly reason?: 'rateLimited' | 'server' | 'reset' | 'unauthorized';
}

export interface ClientOptions {
  readonly apiBaseUrl: string;
  /** 'api': unico's API contract, `GET /processes/v1/{id}` with the `APIKEY` header. Default 'webSdk'. */
  readonly contract?: 'webSdk' | 'api';
  /** The API contract's APIKEY: sent as a header, never logged or put in an event. */
  readonly apiKey?: string;
  readonly tokenSource: TokenSource;
  readonly dispatcher?: Dispatcher;
  /**
   * Each attempt's overall deadline (connecting, waiting and reading the whole body), also its
   * idle timeout. Selfie and evidence-set downloads get MEDIA_TIME_FACTOR times as long. Default 15 000.
   */
  readonly timeoutMs?: number;
  /** Default 10 (unico's documented tenant limit). */
  readonly rateLimitPerSecond?: number;
  /** Default 4. */
  readonly maxConcurrency?: number;
  /** Get Process body cap. Default 5 MiB. */
  readonly maxBodyBytes?: number;
  /** Selfie / evidence set body cap (base64 files). Default 40 MiB. */
  readonly maxMediaBodyBytes?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly onEvent?: (e: ClientEvent) => void;
}

/** How much of a body an error keeps for "Open Raw Response". */
const RAW_BODY_CAP = 256 * 1024;
const DETAIL_CAP = 500;
/** Selfie and evidence-set bodies run to tens of MiB: their deadline is this many times longer. */
export const MEDIA_TIME_FACTOR = 4;

interface JsonAnswer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

type Verdict = { readonly error: IdCloudError; readonly retry?: 'rateLimited' | 'server' | 'unauthorized'; readonly delayMs?: number };

export class IdCloudClient implements ProcessSource {
  private readonly base: string;
  private readonly gate: RequestGate;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: ClientOptions) {
    this.base = options.apiBaseUrl.trim().replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.gate = new RequestGate({
      ratePerSecond: options.rateLimitPerSecond ?? 10,
      maxConcurrency: options.maxConcurrency ?? 4,
      now: this.now,
      sleep: this.sleep,
    });
  }

  async getProcess(id: string, options?: { signal?: AbortSignal }): Promise<FetchedProcess> {
    const answer = await this.getJson(id, '', this.options.maxBodyBytes ?? 5 * 1024 * 1024, options?.signal);
    if (this.options.contract === 'api') {
      const { process, unexpected } = this.parse(answer, parseApiProcess);
      return { contract: 'api', process, rawJson: answer.text, fetchedAt: this.now(), ...(unexpected.length > 0 ? { unexpected } : {}) };
    }
    const { process, unexpected } = this.parse(answer, parseProcess);
    return { process, rawJson: answer.text, fetchedAt: this.now(), ...(unexpected.length > 0 ? { unexpected } : {}) };
  }

  async getSelfie(id: string, options?: { signal?: AbortSignal }): Promise<MediaFile> {
    return this.parse(await this.getJson(id, '/selfie', this.mediaCap(), options?.signal), parseMediaResponse);
  }

  async getEvidenceSet(id: string, options?: { signal?: AbortSignal }): Promise<MediaFile> {
    return this.parse(await this.getJson(id, '/evidenceset', this.mediaCap(), options?.signal), parseMediaResponse);
  }

  private mediaCap(): number {
    return this.options.maxMediaBodyBytes ?? 40 * 1024 * 1024;
  }

  private parse<T>(answer: JsonAnswer, parser: (body: unknown) => T): T {
    try {
      return parser(answer.json);
    } catch (e) {
      // The schema's own error keeps a redacted, capped copy of the body; only the status is ours.
      if (e instanceof UnexpectedResponseError) throw new UnexpectedResponseError('schema', answer.status, e.body, e.detail);
      throw e;
    }
  }

  private async getJson(id: string, suffix: string, maxBodyBytes: number, signal?: AbortSignal): Promise<JsonAnswer> {
    if (!isProcessId(id)) throw new InvalidProcessIdError(id);
    const processId = id.toLowerCase();
    const path = this.options.contract === 'api' ? `/processes/v1/${processId}${suffix}` : `/client/v1/process/${processId}${suffix}`;
    const timeoutMs = (this.options.timeoutMs ?? 15_000) * (suffix === '' ? 1 : MEDIA_TIME_FACTOR);
    let rateLimitRetries = 0;
    let serverRetries = 0;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.options.tokenSource.getToken(signal);
      let res: RawResponse;
      try {
        res = await this.attempt(path, token, { maxBodyBytes, timeoutMs }, attempt, signal);
      } catch (e) {
        if (!(e instanceof NetworkError && e.failure === 'reset' && serverRetries < this.policy.maxServerRetries)) throw e;
        await this.pause(backoffDelay(serverRetries++, this.policy, this.random), 'reset', path, attempt, signal);
        continue;
      }
      if (res.status >= 200 && res.status < 300) return decodeJson(res, maxBodyBytes);
      const verdict = this.judge(res, processId);
      if (verdict.retry === 'unauthorized' && !renewed) {
        renewed = true;
        this.options.tokenSource.invalidate(token);
        // A source that cannot renew (a pasted token) hands back the same token: report the 401.
        if ((await this.options.tokenSource.getToken(signal)) === token) throw verdict.error;
        this.emit({ type: 'retry', method: 'GET', path, attempt, delayMs: 0, reason: 'unauthorized' });
      } else if (verdict.retry === 'rateLimited') {
        // The whole client (the profile) waits: no request starts through the gate before the
        // pause ends, and this one's retry queues there like the others (no second, private wait).
        const delayMs = verdict.delayMs ?? backoffDelay(rateLimitRetries, this.policy, this.random);
        this.gate.pause(delayMs);
        // A server that asks for a long pause gets it from the user, not from a spinner.
        if (rateLimitRetries >= this.policy.maxRateLimitRetries || delayMs > this.policy.maxRetryAfterMs) throw verdict.error;
        this.emit({ type: 'retry', method: 'GET', path, attempt, delayMs, reason: 'rateLimited' });
        rateLimitRetries++;
      } else if (verdict.retry === 'server' && serverRetries < this.policy.maxServerRetries) {
        await this.pause(backoffDelay(serverRetries++, this.policy, this.random), 'server', path, attempt, signal);
      } else {
        throw verdict.error;
      }
    }
  }

  /**
   * How long this client (its profile) is paused by a 429, in ms (0 when it is not). A request
   * made while the pause is longer than the retry policy's `maxRetryAfterMs` fails at once with
   * RateLimitedError(remaining); a shorter pause is waited out in the gate.
   */
  pausedForMs(): number {
    return this.gate.pausedForMs();
  }

  private async attempt(
    path: string,
    token: string,
    { maxBodyBytes, timeoutMs }: { maxBodyBytes: number; timeoutMs: number },
    attempt: number,
    signal?: AbortSignal,
  ): Promise<RawResponse> {
    const paused = this.gate.pausedForMs();
    if (paused > this.policy.maxRetryAfterMs) throw new RateLimitedError(paused);
    const release = await this.gate.acquire(signal);
    const started = this.now();
    this.emit({ type: 'request', method: 'GET', path, attempt });
    try {
      const res = await send({
        url: this.base + path,
        method: 'GET',
        headers: {
          authorization: `Bearer ${token}`, accept: 'application/json',
          ...(this.options.contract === 'api' ? { apikey: this.options.apiKey ?? '' } : {}),
        },
        dispatcher: this.options.dispatcher,
        timeoutMs,
        maxBodyBytes,
        signal,
      });
      this.emit({ type: 'response', method: 'GET', path, attempt, status: res.status, ms: this.now() - started });
      return res;
    } finally {
      release();
    }
  }

  /** Maps a non-2xx answer to its error, and says whether (and after how long) a retry may help. */
  private judge(res: RawResponse, processId: string): Verdict {
    const text = res.body.toString('utf8');
    const { code, message } = parseErrorBody(text, res.contentType);
    const detail = (message ?? text).trim().slice(0, DETAIL_CAP);
    const status = res.status;
    if (status === 400) return { error: new InvalidProcessIdError(processId, status) };
    if (status === 401) return { error: new UnauthorizedError(unauthorizedReason(detail), detail), retry: 'unauthorized' };
    if (status === 403) return this.options.contract === 'api' ? apiContractForbidden(code, detail) : { error: new ForbiddenError(detail) };
    if (status === 404) return { error: new NotFoundError(processId, detail) };
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(header(res.headers, 'retry-after'), this.now());
      return { error: new RateLimitedError(retryAfterMs), retry: 'rateLimited', delayMs: retryAfterMs };
    }
    if (status >= 500) return { error: new ServerError(status, code, detail), retry: 'server' };
    return { error: new UnexpectedResponseError('status', status, text.slice(0, RAW_BODY_CAP), `HTTP ${status}`) };
  }

  private async pause(delayMs: number, reason: ClientEvent['reason'], path: string, attempt: number, signal?: AbortSignal): Promise<void> {
    this.emit({ type: 'retry', method: 'GET', path, attempt, delayMs, reason });
    try {
      await this.sleep(delayMs, signal);
    } catch (e) {
      if (signal?.aborted) throw new CancelledError();
      throw e;
    }
  }

  private emit(event: ClientEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A listener's failure must not fail the lookup.
    }
  }
}

function decodeJson(res: RawResponse, maxBodyBytes: number): JsonAnswer {
  const text = res.body.toString('utf8');
  if (res.tooLarge) {
    throw new UnexpectedResponseError('tooLarge', res.status, text.slice(0, RAW_BODY_CAP), `body larger than ${maxBodyBytes} bytes`);
  }
  try {
    return { status: res.status, text, json: JSON.parse(text) as unknown };
  } catch {
    throw new UnexpectedResponseError('notJson', res.status, text.slice(0, RAW_BODY_CAP), `not JSON (${res.contentType || 'no content type'})`);
  }
}

/** Envoy jwt_authn's text/plain 401 strings (envoy source/common/jwt/status.cc). */
export function unauthorizedReason(detail: string): UnauthorizedReason {
  const d = detail.toLowerCase();
  if (d.includes('jwt is expired')) return 'expired';
  if (d.includes('jwt is missing')) return 'missing';
  if (d.includes('jwt verification fails') || d.includes("jwks doesn't have key")) return 'verificationFailed';
  if (/invalid json|invalid base64url|not in the form|malformed/.test(d)) return 'malformed';
  return 'other';
}

export function createClient(options: ClientOptions): IdCloudClient {
  return new IdCloudClient(options);
}
