/**
 * The edge in front of `client/v1`: Envoy's jwt_authn filter. It answers a request without a
 * valid access token with 401, `text/plain`, one of Envoy's status strings, and
 * `WWW-Authenticate: Bearer realm="<url>"` (+ `, error="invalid_token"` unless the token is
 * missing) — the strings unico documents are Envoy's. Checks run in Envoy's order: parse,
 * issuer, expiry, signature. No clock skew (Envoy allows 60 s): the emulator is the stricter.
 */
import { decodeBase64url, parseJsonObject, splitJws, verifyHs256 } from './jwt';

export const ENVOY = {
  missing: 'Jwt is missing',
  expired: 'Jwt is expired',
  badFormat: 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections',
  headerBadBase64: 'Jwt header is an invalid Base64url encoded',
  headerBadJson: 'Jwt header is an invalid JSON',
  headerBadAlg: 'Jwt header [alg] field is required and must be a string',
  headerAlgNotSupported: 'Jwt header [alg] is not supported',
  payloadBadBase64: 'Jwt payload is an invalid Base64url encoded',
  payloadBadJson: 'Jwt payload is an invalid JSON',
  issNotString: 'Jwt payload [iss] field is not a string',
  expNotInteger: 'Jwt payload [exp] field is not an integer',
  signatureBadBase64: 'Jwt signature is an invalid Base64url encoded',
  unknownIssuer: 'Jwt issuer is not configured',
  noMatchingKey: "Jwks doesn't have key to match kid or alg from Jwt",
  verificationFails: 'Jwt verification fails',
} as const;

const SUPPORTED_ALGS = new Set([
  'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA',
]);

export interface AccessTokenIssuer {
  readonly issuer: string;
  /** The HS256 key (an `oct` JWK, in Envoy's terms). */
  readonly secret: Buffer;
}

/** Envoy's status string for the request's Authorization header, or undefined when it passes. */
export function checkAccessToken(authorization: string | undefined, trusted: AccessTokenIssuer, nowSeconds: number): string | undefined {
  const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const token = match?.[1];
  if (token === undefined) return ENVOY.missing;
  const parts = splitJws(token);
  if (!parts) return ENVOY.badFormat;
  const headerBytes = decodeBase64url(parts.header);
  if (!headerBytes) return ENVOY.headerBadBase64;
  const header = parseJsonObject(headerBytes);
  if (!header) return ENVOY.headerBadJson;
  if (typeof header.alg !== 'string') return ENVOY.headerBadAlg;
  if (!SUPPORTED_ALGS.has(header.alg)) return ENVOY.headerAlgNotSupported;
  const payloadBytes = decodeBase64url(parts.payload);
  if (!payloadBytes) return ENVOY.payloadBadBase64;
  const payload = parseJsonObject(payloadBytes);
  if (!payload) return ENVOY.payloadBadJson;
  if (payload.iss !== undefined && typeof payload.iss !== 'string') return ENVOY.issNotString;
  if (payload.exp !== undefined && !Number.isInteger(payload.exp)) return ENVOY.expNotInteger;
  if (!decodeBase64url(parts.signature)) return ENVOY.signatureBadBase64;
  if (payload.iss !== trusted.issuer) return ENVOY.unknownIssuer;
  if (typeof payload.exp === 'number' && nowSeconds >= payload.exp) return ENVOY.expired;
  if (header.alg !== 'HS256') return ENVOY.noMatchingKey;
  return verifyHs256(parts, trusted.secret) ? undefined : ENVOY.verificationFails;
}

/** The WWW-Authenticate value Envoy sends with `status` for a request to `url`. */
export function wwwAuthenticate(url: string, status: string): string {
  const realm = `Bearer realm="${url.slice(0, 256)}"`;
  return status === ENVOY.missing ? realm : `${realm}, error="invalid_token"`;
}
