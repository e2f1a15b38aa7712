/**
 * IDCloud JWTs committed in text: access tokens and signed assertions whose claims name a unico
 * host (the identity service at identity(homolog).acesso.io, issuers `…@….iam.acesso.io`, the APIs
 * at *.unico.app; unico-api.md §1, §2). Anchored on "eyJ" (base64url of `{"`) with indexOf; each
 * part is one bounded walk over base64url characters, and the search resumes past what was
 * walked, so the whole scan is linear. Only candidates shaped like a compact JWS are decoded.
 */

export interface TokenClaims {
  /** The first IDCloud host named by iss, aud or sub. */
  readonly host: string;
  /** `exp` in milliseconds, when the token has one. */
  readonly expiresAt?: number;
  /** A client-signed assertion (iss `<account>@<tenant>.iam.acesso.io`), not an access token. */
  readonly assertion: boolean;
}

export interface TokenMatch {
  readonly start: number;
  readonly end: number;
  readonly claims: TokenClaims;
  /** Where an `Authorization: Bearer` header in front of the token starts, if there is one. */
  readonly headerStart?: number;
}

/** Hosts of unico's identity service and APIs (a claim names one of them or a subdomain). */
export const IDCLOUD_DOMAINS = ['acesso.io', 'unico.app', 'unico.io'] as const;

const ANCHOR = 'eyJ';
const MAX_HEADER = 2048;
const MAX_PAYLOAD = 12 * 1024;
const MAX_SIGNATURE = 2048;
/** HS256 gives 43 characters; anything shorter is not a signed token. */
const MIN_SIGNATURE = 40;
const DOT = 46;
const ASSERTION_ISSUER = /^[^@\s]{1,128}@[^@\s]{1,128}\.iam\.acesso\.io$/;
/** What may sit between "Authorization" and "Bearer ": quotes, `:`/`=`, spaces, a curl `-H "`. */
const BEARER_BEFORE = /authorization["'`]?[ \t]{0,4}[:=]?[ \t]{0,4}["'`]?[ \t]{0,4}bearer[ \t]{1,4}$/i;

const B64URL = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') B64URL[ch.charCodeAt(0)] = 1;

function isB64url(c: number): boolean {
  return B64URL[c] === 1;
}

function runEnd(text: string, from: number): number {
  let i = from;
  while (isB64url(text.charCodeAt(i))) i++;
  return i;
}

function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The host a claim value names: a URL's host, the part after '@', or the value itself. */
function hostOf(value: string): string {
  const v = value.trim().toLowerCase();
  const scheme = v.indexOf('://');
  if (scheme !== -1) {
    const rest = v.slice(scheme + 3);
    const host = rest.split(/[/?#]/, 1)[0] ?? '';
    return host.slice(host.lastIndexOf('@') + 1).replace(/:\d+$/, '');
  }
  return v.slice(v.lastIndexOf('@') + 1);
}

export function isIdCloudHost(host: string): boolean {
  return IDCLOUD_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The IDCloud claims of a decoded payload, or undefined when no claim names a unico host. */
export function idCloudClaims(payload: Record<string, unknown>): TokenClaims | undefined {
  const { iss, aud, sub, exp } = payload;
  const values = [iss, ...(Array.isArray(aud) ? (aud as unknown[]) : [aud]), sub].filter((v): v is string => typeof v === 'string');
  const host = values.map(hostOf).find(isIdCloudHost);
  if (host === undefined) return undefined;
  return {
    host,
    expiresAt: typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined,
    assertion: typeof iss === 'string' && ASSERTION_ISSUER.test(iss),
  };
}

function headerStartBefore(text: string, start: number): number | undefined {
  const from = Math.max(0, start - 64);
  const m = BEARER_BEFORE.exec(text.slice(from, start));
  return m ? from + m.index : undefined;
}

/** Every IDCloud JWT in `text[0, to)`, up to `max`. */
export function findIdCloudTokens(text: string, max: number, to: number = text.length): TokenMatch[] {
  const out: TokenMatch[] = [];
  let at = text.indexOf(ANCHOR);
  while (at !== -1 && at < to && out.length < max) {
    // Inside a longer base64url run (a blob, another token's part): skip the whole run.
    if (at > 0 && isB64url(text.charCodeAt(at - 1))) {
      at = text.indexOf(ANCHOR, runEnd(text, at));
      continue;
    }
    const headerEnd = runEnd(text, at);
    const match = headerEnd - at <= MAX_HEADER && text.charCodeAt(headerEnd) === DOT ? tokenAt(text, at, headerEnd) : undefined;
    if (match) out.push(match);
    // Each run is walked at most twice (as a header, then as a payload), so the scan stays linear.
    at = text.indexOf(ANCHOR, match ? match.end : headerEnd);
  }
  return out;
}

function tokenAt(text: string, start: number, headerEnd: number): TokenMatch | undefined {
  const payloadStart = headerEnd + 1;
  if (!text.startsWith(ANCHOR, payloadStart)) return undefined;
  const payloadEnd = runEnd(text, payloadStart);
  if (payloadEnd - payloadStart > MAX_PAYLOAD || text.charCodeAt(payloadEnd) !== DOT) return undefined;
  const signatureEnd = runEnd(text, payloadEnd + 1);
  const signatureLength = signatureEnd - payloadEnd - 1;
  // A fourth dot: a 5-part JWE, whose payload is encrypted; not ours to judge.
  if (signatureLength < MIN_SIGNATURE || signatureLength > MAX_SIGNATURE || text.charCodeAt(signatureEnd) === DOT) return undefined;
  const json = Buffer.from(text.slice(payloadStart, payloadEnd), 'base64url').toString('utf8');
  // Most JWTs in a file are someone else's: look for a unico domain before parsing anything.
  if (!IDCLOUD_DOMAINS.some((d) => json.includes(d))) return undefined;
  const payload = parseObject(json);
  const claims = payload && idCloudClaims(payload);
  if (!claims || typeof parseObject(Buffer.from(text.slice(start, headerEnd), 'base64url').toString('utf8'))?.alg !== 'string') return undefined;
  return { start, end: signatureEnd, claims, headerStart: headerStartBefore(text, start) };
}
