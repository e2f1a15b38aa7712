/**
 * What a pasted access token looks like before it is saved: a compact JWS (three base64url parts,
 * a JSON header and a JSON payload) with a numeric `exp`, and whether that has passed. Pure.
 */
export type TokenShape =
  | { readonly kind: 'valid'; readonly expiresAt: number }
  | { readonly kind: 'expired'; readonly expiresAt: number }
  /** A JWS whose payload has no numeric `exp`: when it stops working is unknown. */
  | { readonly kind: 'noExpiry' }
  /** Not three base64url parts with a JSON header and payload (an opaque string, a JWE, a typo). */
  | { readonly kind: 'notJwt' };

const PART = /^[A-Za-z0-9_-]{1,16384}$/;

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function tokenShape(token: string, now: number): TokenShape {
  const parts = token.split('.');
  const [header = '', payload = ''] = parts;
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) return { kind: 'notJwt' };
  const claims = jsonObject(payload);
  if (jsonObject(header) === undefined || claims === undefined) return { kind: 'notJwt' };
  const exp = claims.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { kind: 'noExpiry' };
  const expiresAt = exp * 1000;
  return expiresAt <= now ? { kind: 'expired', expiresAt } : { kind: 'valid', expiresAt };
}
