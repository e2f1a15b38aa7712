/**
 * Token sources. ServiceAccountTokenSource runs unico's JWT-bearer flow (a freshly signed
 * assertion per token request, POSTed as a form to `/oauth2/token`) and caches the access token
 * until shortly before it expires; concurrent callers share one refresh, which has its own
 * deadline (a stalled identity host fails it with TimeoutError; the next caller starts afresh). PastedTokenSource hands
 * out a token the user pasted; it cannot renew, so after `invalidate` it returns the same token
 * and the client knows not to retry a 401.
 */
import type { Dispatcher } from 'undici';
import { hostOf, send } from './http';
import { audienceFor, decodeJwtPayload, MAX_ASSERTION_LIFETIME_SECONDS, signAssertion, type ServiceAccount } from './jwt';
import { tokenErrorFrom } from './tokenErrors';
import { parseTokenResponse } from './schema';
import { abortable } from './abort';
import { CancelledError, TimeoutError, TokenError } from './errors';
import type { TokenSource } from './types';

export type { ServiceAccount };

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
/** unico's "assertion already used". */
const REUSED_ASSERTION = '1.2.7';

export interface ServiceAccountTokenSourceOptions {
  readonly account: ServiceAccount;
  readonly identityUrl: string;
  readonly dispatcher?: Dispatcher;
  /**
   * Each token request's deadline, and the whole refresh's (a second signing after 1.2.7
   * included): past it the refresh fails with TimeoutError and the next caller starts a fresh one.
   * Default 15 000.
   */
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** Renew this long before expiry (default 60 000; at most half the token's lifetime). */
  readonly refreshSkewMs?: number;
  /** For the assertion lifetime's spread (default Math.random). */
  readonly random?: () => number;
}

export interface FreshToken {
  readonly accessToken: string;
  /** now() + expires_in, measured from when the request was sent. */
  readonly expiresAt: number;
  readonly latencyMs: number;
}

export class ServiceAccountTokenSource implements TokenSource {
  private cached: { readonly token: string; readonly renewAt: number } | undefined;
  private refreshing: Promise<string> | undefined;
  private last: { readonly iat: number; readonly lifetime: number } | undefined;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: ServiceAccountTokenSourceOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  getToken(signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.token);
    // Not tied to any one caller's signal: a caller that gives up does not cancel the others' refresh.
    this.refreshing ??= this.fetchToken()
      .then((t) => t.accessToken)
      .finally(() => {
        this.refreshing = undefined;
      });
    return abortable(this.refreshing, signal);
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /**
   * Always requests a new token (Test Connection); the cache keeps it. Another window or source
   * with the same account may have sent a byte-identical assertion in the same second (RS256 is
   * deterministic and no jti is allowed), which unico refuses as reused (1.2.7): then sign again
   * (with a different exp) once.
   */
  async fetchToken(signal?: AbortSignal): Promise<FreshToken> {
    if (signal?.aborted) throw new CancelledError();
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const stop = new AbortController();
    const deadline = setTimeout(() => {
      stop.abort();
    }, timeoutMs);
    const cancel = (): void => {
      stop.abort();
    };
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      try {
        return await this.requestToken(stop.signal);
      } catch (e) {
        if (e instanceof TokenError && e.unicoCode === REUSED_ASSERTION) return await this.requestToken(stop.signal);
        throw e;
      }
    } catch (e) {
      if (signal?.aborted) throw new CancelledError();
      if (stop.signal.aborted) throw new TimeoutError(timeoutMs, hostOf(this.options.identityUrl));
      throw e;
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', cancel);
    }
  }

  private async requestToken(signal?: AbortSignal): Promise<FreshToken> {
    const { account, identityUrl, dispatcher, timeoutMs = 15_000, refreshSkewMs = 60_000 } = this.options;
    const audience = audienceFor(identityUrl);
    const sentAt = this.now();
    const assertion = signAssertion(account, audience, sentAt / 1000, this.nextLifetime(Math.floor(sentAt / 1000)));
    const res = await send({
      url: `${audience}/oauth2/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: GRANT_TYPE, assertion }).toString(),
      dispatcher,
      timeoutMs,
      maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES,
      signal,
    });
    const latencyMs = this.now() - sentAt;
    const text = res.body.toString('utf8');
    const body = jsonOrText(text);
    if (res.status < 200 || res.status > 299) throw tokenErrorFrom(res.status, body);
    let token: { accessToken: string; expiresIn: number };
    try {
      if (res.tooLarge) throw new Error('token response too large');
      token = parseTokenResponse(body);
    } catch (e) {
      throw new TokenError(undefined, 'The identity service answered without a token: check the identity URL.', res.status, { cause: e, failure: 'noToken' });
    }
    const lifetimeMs = token.expiresIn * 1000;
    const expiresAt = sentAt + lifetimeMs;
    this.cached = { token: token.accessToken, renewAt: expiresAt - Math.min(refreshSkewMs, lifetimeMs / 2) };
    return { accessToken: token.accessToken, expiresAt, latencyMs };
  }

  /**
   * RS256 is deterministic: two assertions signed in the same second would be identical, and unico
   * refuses a reused one (1.2.7). No extra claim is allowed (1.2.22), so the next one in the same
   * second expires a second earlier instead.
   */
  private nextLifetime(iat: number): number {
    // The first lifetime is drawn from the last ten minutes of the allowed hour, so two sources
    // (two windows) signing in the same second rarely collide; the retry above covers the rest.
    const first = (): number => MAX_ASSERTION_LIFETIME_SECONDS - Math.floor(this.random() * 600);
    const lifetime = this.last?.iat === iat ? Math.max(60, this.last.lifetime - 1) : first();
    this.last = { iat, lifetime };
    return lifetime;
  }
}

export class PastedTokenSource implements TokenSource {
  private readonly token: string;

  constructor(token: string, private readonly now: () => number = Date.now) {
    this.token = token.trim().replace(/^Bearer\s+/i, '');
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return signal?.aborted ? Promise.reject(new CancelledError()) : Promise.resolve(this.token);
  }

  /** A pasted token cannot be renewed: getToken keeps returning it, so the client reports the 401. */
  invalidate(_token: string): void {
    return;
  }

  /** The JWT's `exp` in milliseconds (unverified), or undefined when the token is not a JWT with one. */
  expiresAt(): number | undefined {
    const exp = decodeJwtPayload(this.token)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  }

  isExpired(): boolean {
    const at = this.expiresAt();
    return at !== undefined && this.now() >= at;
  }
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
