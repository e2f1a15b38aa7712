/**
 * One HTTP exchange through undici, shared by the token source and the client: a total timeout,
 * the caller's AbortSignal, a body read that stops at a size cap, and transport failures mapped
 * once to CancelledError / TimeoutError / NetworkError.
 */
import { request, type Dispatcher } from 'undici';
import type { Readable } from 'node:stream';
import { CancelledError, NetworkError, TimeoutError, type NetworkFailure } from './errors';

export interface SendOptions {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly dispatcher?: Dispatcher;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly signal?: AbortSignal;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Lower case, without parameters ("application/json"); '' when absent. */
  readonly contentType: string;
  /** At most maxBodyBytes. */
  readonly body: Buffer;
  /** The body was longer than maxBodyBytes; reading stopped there. */
  readonly tooLarge: boolean;
}

export function header(headers: RawResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(body: Readable, max: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > max) {
      chunks.push(chunk.subarray(0, max - size));
      body.destroy();
      return { body: Buffer.concat(chunks), tooLarge: true };
    }
    size += chunk.length;
    chunks.push(chunk);
  }
  return { body: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size), tooLarge: false };
}

const TIMED_OUT = Symbol('timed out');
const CANCELLED = Symbol('cancelled');

export async function send(options: SendOptions): Promise<RawResponse> {
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError();
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(TIMED_OUT);
  }, options.timeoutMs);
  const onAbort = (): void => {
    controller.abort(CANCELLED);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await request(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      dispatcher: options.dispatcher,
      signal: controller.signal,
    });
    const { body, tooLarge } = await readCapped(res.body, options.maxBodyBytes);
    const contentType = (header(res.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    return { status: res.statusCode, headers: res.headers, contentType, body, tooLarge };
  } catch (e) {
    const why: unknown = controller.signal.reason;
    if (why === CANCELLED) throw new CancelledError();
    const host = hostOf(options.url);
    if (why === TIMED_OUT || isTimeoutCode(errorCodes(e))) throw new TimeoutError(options.timeoutMs, host);
    const codes = errorCodes(e);
    throw new NetworkError(networkFailure(codes), host, codes[0], e);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Every `code` on the error, its cause chain and (for happy-eyeballs) its aggregated errors. */
function errorCodes(e: unknown, depth = 0): string[] {
  if (typeof e !== 'object' || e === null || depth > 4) return [];
  const codes: string[] = [];
  if ('code' in e && typeof e.code === 'string') codes.push(e.code);
  if ('cause' in e) codes.push(...errorCodes(e.cause, depth + 1));
  if ('errors' in e && Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...errorCodes(inner, depth + 1));
  return codes;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

function isTimeoutCode(codes: readonly string[]): boolean {
  return codes.some((c) => TIMEOUT_CODES.has(c));
}

export function networkFailure(codes: readonly string[]): NetworkFailure {
  if (codes.some((c) => DNS_CODES.has(c))) return 'dns';
  if (codes.includes('ECONNREFUSED')) return 'refused';
  if (codes.some((c) => TLS_CODES.test(c))) return 'tls';
  if (codes.some((c) => RESET_CODES.has(c))) return 'reset';
  return 'other';
}
