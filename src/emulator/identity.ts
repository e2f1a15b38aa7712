/**
 * The token endpoint (`POST {identityUrl}/oauth2/token`), checking the JWT-bearer assertion the
 * way unico documents it: RS256 with the service account's key, exactly iss/aud/scope/iat/exp,
 * aud = the identity URL with no trailing slash, exp ≤ iat + 3600, and single use.
 * Errors are 401 `{ error, error_description: "Falha na autenticação 1.x.x" }`; `error` is
 * `server_error`, the only value unico's documentation shows.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { decodeBase64url, parseJsonObject, signHs256, splitJws, verifyRs256, type JsonObject } from './jwt';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ALLOWED_CLAIMS = new Set(['iss', 'aud', 'scope', 'iat', 'exp']);
const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const CLOCK_SKEW_SECONDS = 60;

export interface IdentityConfig {
  readonly identityUrl: string;
  readonly tenantId: string;
  readonly accountName: string;
  /** Verifies assertions: the public half of the key handed to the user. */
  readonly serviceAccountKey: KeyObject;
  /** Signs the access tokens the emulator issues (HS256). */
  readonly accessTokenSecret: Buffer;
  readonly tokenLifetimeSeconds: number;
  readonly now: () => number;
}

export interface TokenReply {
  readonly status: number;
  readonly body: JsonObject;
}

export class TokenEndpoint {
  /** Signature of every assertion already exchanged → its exp, so a replay is refused. */
  private readonly used = new Map<string, number>();

  constructor(private readonly config: IdentityConfig) {}

  /** `contentType` and `form` as received. */
  exchange(contentType: string | undefined, form: string): TokenReply {
    if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' } };
    }
    const params = new URLSearchParams(form);
    if (params.get('grant_type') !== JWT_BEARER_GRANT) {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: `grant_type must be ${JWT_BEARER_GRANT}` } };
    }
    const assertion = params.get('assertion');
    if (!assertion) return { status: 400, body: { error: 'invalid_request', error_description: 'assertion is required' } };
    const code = this.check(assertion);
    return code ? failure(code) : this.issue();
  }

  /** The unico error code for `assertion`, or undefined when it is accepted (and now used). */
  private check(assertion: string): string | undefined {
    const { identityUrl, tenantId, accountName } = this.config;
    const parts = splitJws(assertion);
    const header = parts && decodeJson(parts.header);
    const claims = parts && decodeJson(parts.payload);
    if (!parts || !header || !claims) return '1.2.20';
    const iss = typeof claims.iss === 'string' ? /^([^@]+)@([^@]+)\.iam\.acesso\.io$/.exec(claims.iss) : null;
    if (!iss) return '1.2.20';
    if (iss[2] !== tenantId) return '1.0.1';
    if (iss[1] !== accountName) return '1.2.5';
    if (header.alg !== 'RS256' || !verifyRs256(parts, this.config.serviceAccountKey)) return '1.2.5';
    const extra = Object.keys(claims).filter((name) => !ALLOWED_CLAIMS.has(name));
    if (extra.includes('sub')) return '1.2.19';
    if (extra.length > 0) return '1.2.22';
    if (claims.scope === undefined) return '1.1.1';
    if (claims.scope !== '*') return '1.2.14';
    const { aud, iat, exp } = claims;
    if (typeof aud !== 'string' || typeof iat !== 'number' || typeof exp !== 'number' || !Number.isInteger(iat) || !Number.isInteger(exp)) return '1.2.20';
    if (aud !== identityUrl) return '1.2.5';
    const now = this.nowSeconds();
    if (exp <= now) return '1.2.4';
    if (exp - iat > MAX_ASSERTION_LIFETIME_SECONDS || exp <= iat || iat > now + CLOCK_SKEW_SECONDS) return '1.2.5';
    this.forgetExpired(now);
    if (this.used.has(parts.signature)) return '1.2.7';
    this.used.set(parts.signature, exp);
    return undefined;
  }

  private issue(): TokenReply {
    const { identityUrl, tenantId, accountName, tokenLifetimeSeconds, accessTokenSecret } = this.config;
    const iat = this.nowSeconds();
    const accessToken = signHs256(
      { iss: identityUrl, sub: `${accountName}@${tenantId}.iam.acesso.io`, scope: '*', iat, exp: iat + tokenLifetimeSeconds, jti: randomUUID() },
      accessTokenSecret,
    );
    return { status: 200, body: { access_token: accessToken, expires_in: tokenLifetimeSeconds, token_type: 'Bearer' } };
  }

  private forgetExpired(now: number): void {
    for (const [signature, exp] of this.used) if (exp <= now) this.used.delete(signature);
  }

  private nowSeconds(): number {
    return Math.floor(this.config.now() / 1000);
  }
}

function decodeJson(part: string): JsonObject | undefined {
  const bytes = decodeBase64url(part);
  return bytes && parseJsonObject(bytes);
}

function failure(code: string): TokenReply {
  return { status: 401, body: { error: 'server_error', error_description: `Falha na autenticação ${code}` } };
}
