/**
 * One HTTP exchange through undici, shared by the token source and the client: idle timeouts and
 * an overall deadline, the caller's AbortSignal, a body read that stops at a size cap, and transport failures mapped once
 * to CancelledError / TimeoutError / NetworkError.
 */
import { getGlobalDispatcher, type Dispatcher } from 'undici';
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

/** Collects the body up to `max` bytes; past that it stops reading and closes the stream. */
function readCapped(body: Readable, max: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      if (size + chunk.length > max) {
        chunks.push(chunk.subarray(0, max - size));
        body.removeAllListeners('data');
        body.destroy();
        resolve({ body: Buffer.concat(chunks), tooLarge: true });
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
    });
    body.on('end', () => {
      resolve({ body: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size), tooLarge: false });
    });
    body.on('error', reject);
  });
}

/**
 * `timeoutMs` is both undici's idle timeouts (no headers, or a body that stalls, that long) and
 * an overall deadline: the whole exchange, body included, ends within it, so a server that drips
 * bytes cannot hold a request open until the body cap. The caller's signal still wins (Cancelled).
 */
export async function send(options: SendOptions): Promise<RawResponse> {
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError();
  const stop = new AbortController();
  const deadline = setTimeout(() => {
    stop.abort();
  }, options.timeoutMs);
  const cancel = (): void => {
    stop.abort();
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const url = new URL(options.url);
    const res = await (options.dispatcher ?? getGlobalDispatcher()).request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal: stop.signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const { body, tooLarge } = await readCapped(res.body, options.maxBodyBytes);
    const contentType = (header(res.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    return { status: res.statusCode, headers: res.headers, contentType, body, tooLarge };
  } catch (e) {
    if (isAborted(signal)) throw new CancelledError();
    const host = hostOf(options.url);
    const codes = errorCodes(e);
    if (stop.signal.aborted || codes.some((c) => TIMEOUT_CODES.has(c))) throw new TimeoutError(options.timeoutMs, host);
    const failure = networkFailure(codes);
    // A TLS failure is named by its certificate code, not by a wrapper's (the message explains it).
    throw new NetworkError(failure, host, (failure === 'tls' ? codes.find((c) => TLS_CODES.test(c)) : undefined) ?? codes[0], e);
  } finally {
    clearTimeout(deadline);
    signal?.removeEventListener('abort', cancel);
  }
}

/** Read through a call: TypeScript would keep the narrowing from the check above. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export function hostOf(url: string): string {
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

export function networkFailure(codes: readonly string[]): NetworkFailure {
  if (codes.some((c) => DNS_CODES.has(c))) return 'dns';
  if (codes.includes('ECONNREFUSED')) return 'refused';
  if (codes.some((c) => TLS_CODES.test(c))) return 'tls';
  if (codes.some((c) => RESET_CODES.has(c))) return 'reset';
  return 'other';
}
