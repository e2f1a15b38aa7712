/**
 * Typed errors, mapped once (in the client) from HTTP status, body and transport failures.
 *
 * Every error carries a `kind` discriminant. The editor branches on `kind` (an exhaustive
 * switch), not on message text — and not on `instanceof` alone, because the core is bundled
 * twice (the activation bundle and the lazily loaded network bundle), so two copies of each
 * class exist at run time. `isIdCloudError` works across both.
 *
 * Messages are plain English for logs and tests; the editor builds the localised, actionable
 * text from `kind` and the fields. No message ever contains a token, key, CPF or name.
 */
import type { PrivateKeyProblem } from './jwt';

export type IdCloudErrorKind =
  | 'invalidId'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'unexpectedResponse'
  | 'token'
  | 'cancelled'
  | 'unknownProfile'
  | 'invalidKey';

export abstract class IdCloudError extends Error {
  abstract readonly kind: IdCloudErrorKind;
  /** HTTP status when the error came from a response. */
  readonly status: number | undefined;

  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }

  override get name(): string {
    return `IdCloudError(${this.kind})`;
  }
}

const KINDS: ReadonlySet<string> = new Set<IdCloudErrorKind>([
  'invalidId', 'unauthorized', 'forbidden', 'notFound', 'rateLimited', 'server',
  'network', 'timeout', 'unexpectedResponse', 'token', 'cancelled', 'unknownProfile', 'invalidKey',
]);

/** True for an IdCloudError from either bundle. */
export function isIdCloudError(e: unknown): e is IdCloudError {
  return e instanceof Error && KINDS.has((e as { kind?: unknown }).kind as string);
}

/** 400 / code 3, or rejected locally before any request. */
export class InvalidProcessIdError extends IdCloudError {
  readonly kind = 'invalidId';
  constructor(readonly processId: string, status?: number) {
    super('process id is invalid', status);
  }
}

export type UnauthorizedReason = 'expired' | 'missing' | 'verificationFailed' | 'malformed' | 'other';

/** 401 from the API (after one renewal and retry). `detail` is the server's text (e.g. "Jwt is expired"). */
export class UnauthorizedError extends IdCloudError {
  readonly kind = 'unauthorized';
  constructor(readonly reason: UnauthorizedReason, readonly detail: string) {
    super(`unauthorized: ${detail || reason}`, 401);
  }
}

/** 403 / code 7: the credentials work but lack the permission (e.g. selfie, evidence set). */
export class ForbiddenError extends IdCloudError {
  readonly kind = 'forbidden';
  constructor(readonly detail: string) {
    super(`forbidden: ${detail}`, 403);
  }
}

/** 404 / code 5: no such process for this tenant. */
export class NotFoundError extends IdCloudError {
  readonly kind = 'notFound';
  constructor(readonly processId: string, readonly detail: string) {
    super(`process not found: ${processId}`, 404);
  }
}

/** 429 after the retry budget was spent. `retryAfterMs` is what the server asked for, if anything. */
export class RateLimitedError extends IdCloudError {
  readonly kind = 'rateLimited';
  constructor(readonly retryAfterMs: number | undefined) {
    super(`rate limited${retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`}`, 429);
  }
}

/** 5xx (code 99999 "Internal failure! Try again later") after the retry budget was spent. */
export class ServerError extends IdCloudError {
  readonly kind = 'server';
  constructor(status: number, readonly code: number | string | undefined, readonly detail: string) {
    super(`server error ${status}${code === undefined ? '' : ` (code ${String(code)})`}: ${detail}`, status);
  }
}

export type NetworkFailure = 'dns' | 'refused' | 'reset' | 'tls' | 'other';

/**
 * What a TLS failure's code says (OpenSSL's X509_V_ERR_* names as Node reports them, and Node's
 * ERR_TLS_CERT_ALTNAME_INVALID; nodejs.org/api/tls.html "X509 certificate error codes"):
 * a CA this computer does not trust (typically a proxy that inspects TLS), a certificate out of
 * its validity dates, or one issued for another host name.
 */
export type TlsProblem = 'untrusted' | 'expired' | 'hostname' | 'other';

const UNTRUSTED_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);

export function tlsProblem(code: string | undefined): TlsProblem {
  if (code === undefined) return 'other';
  if (UNTRUSTED_CODES.has(code)) return 'untrusted';
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'expired';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'hostname';
  return 'other';
}

/** The request never got an HTTP answer: DNS, connection refused/reset, TLS. */
export class NetworkError extends IdCloudError {
  readonly kind = 'network';
  constructor(readonly failure: NetworkFailure, readonly host: string, readonly code: string | undefined, cause?: unknown) {
    super(`network error (${failure}${code ? `, ${code}` : ''}) reaching ${host}`, undefined, { cause });
  }
}

export class TimeoutError extends IdCloudError {
  readonly kind = 'timeout';
  constructor(readonly timeoutMs: number, readonly host: string) {
    super(`no answer from ${host} within ${Math.round(timeoutMs / 1000)} s`);
  }
}

export type UnexpectedReason = 'notJson' | 'schema' | 'tooLarge' | 'status';

/** An answer we cannot use. `body` is the (size-capped) raw text, for "Open Raw Response". */
export class UnexpectedResponseError extends IdCloudError {
  readonly kind = 'unexpectedResponse';
  constructor(readonly reason: UnexpectedReason, status: number | undefined, readonly body: string, readonly detail: string) {
    super(`unexpected response (${reason}${status === undefined ? '' : `, HTTP ${status}`}): ${detail}`, status);
  }
}

/** The identity endpoint refused the assertion, or could not be used. `unicoCode` is e.g. "1.2.7". */
export class TokenError extends IdCloudError {
  readonly kind = 'token';
  /** 'noToken': a 2xx answer without a usable token; 'refused': any other failure. */
  readonly failure: 'refused' | 'noToken';
  /** The identity service's own words (error_description, error or text), '' when it gave none. */
  readonly said: string;
  /** `meaning` is English, for the log and tests; the editor words the failure from the fields. */
  constructor(
    readonly unicoCode: string | undefined,
    readonly meaning: string,
    status?: number,
    options: { readonly cause?: unknown; readonly failure?: 'refused' | 'noToken'; readonly said?: string } = {},
  ) {
    super(`token request failed${unicoCode ? ` (${unicoCode})` : ''}: ${meaning}`, status, { cause: options.cause });
    this.failure = options.failure ?? 'refused';
    this.said = options.said ?? '';
  }
}

/** The caller aborted (user cancelled, hover moved away). Surfaces treat it as silence. */
export class CancelledError extends IdCloudError {
  readonly kind = 'cancelled';
  constructor() {
    super('cancelled');
  }
}

/** A profile ID that names no profile (a custom profile removed from the settings since). */
export class UnknownProfileError extends IdCloudError {
  readonly kind = 'unknownProfile';
  constructor(readonly profileId: string) {
    super(`no profile "${profileId}"`);
  }
}

export type InvalidKeyReason = 'tooLarge' | 'unusable';

/** A service account's private key that cannot be used: a file too large to be one, or what validatePrivateKey says. */
export class InvalidKeyError extends IdCloudError {
  readonly kind = 'invalidKey';
  readonly reason: InvalidKeyReason;
  /** 'tooLarge': the file's name. */
  readonly fileName: string;
  /** 'unusable': why, as a code the editor words (never any part of the key). */
  readonly problem: PrivateKeyProblem | undefined;
  constructor(what: { readonly fileName: string } | PrivateKeyProblem) {
    const tooLarge = 'fileName' in what;
    super(tooLarge ? `private key file too large: ${what.fileName}` : `private key not usable: ${what.reason}`);
    this.reason = tooLarge ? 'tooLarge' : 'unusable';
    this.fileName = tooLarge ? what.fileName : '';
    this.problem = tooLarge ? undefined : what;
  }
}
