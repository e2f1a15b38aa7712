/**
 * The RS256 JWT-bearer assertion unico's identity service expects (unico-api.md §2.2), signed with
 * node:crypto only. Exactly five claims — any other claim is refused with 1.2.22 — and a fresh
 * assertion for every token request (a reused one is refused with 1.2.7).
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

export interface ServiceAccount {
  readonly tenantId: string;
  readonly accountName: string;
  readonly privateKeyPem: string;
}

/** unico's ceiling: `exp` at most `iat` + 3600. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const MIN_RSA_BITS = 2048;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/;

export function issuerFor(account: Pick<ServiceAccount, 'tenantId' | 'accountName'>): string {
  return `${account.accountName.trim()}@${account.tenantId.trim()}.iam.acesso.io`;
}

/** `aud` must match the token host with no trailing slash. */
export function audienceFor(identityUrl: string): string {
  return identityUrl.trim().replace(/\/+$/, '');
}

/**
 * Why a PEM cannot sign unico's assertion, as a code the editor puts into words in the user's
 * language (src/editor/errorMessages.ts keyProblemText). Never any part of the key.
 */
export type PrivateKeyProblem =
  /** No `-----BEGIN … -----END …` block at all. */
  | { readonly reason: 'notPem' }
  /** `ENCRYPTED PRIVATE KEY`: needs a passphrase this extension never asks for. */
  | { readonly reason: 'encrypted' }
  /** A public key or a certificate instead of the private key. */
  | { readonly reason: 'publicKey' }
  /** Another PEM block (`EC PRIVATE KEY`, `OPENSSH PRIVATE KEY`, …): its label, A–Z, 0–9 and spaces only. */
  | { readonly reason: 'unsupportedBlock'; readonly label: string }
  /** The block's content is not a readable private key (damaged or cut). */
  | { readonly reason: 'unreadable' }
  /** A private key of another type (`ec`, `ed25519`, …): RS256 signs only with RSA. */
  | { readonly reason: 'notRsa'; readonly keyType: string }
  /** An RSA key shorter than RS256's minimum. */
  | { readonly reason: 'tooSmall'; readonly bits: number; readonly minBits: number };

export type PrivateKeyCheck = { readonly ok: true; readonly bits: number } | ({ readonly ok: false } & PrivateKeyProblem);

/** Checks that `pem` is an unencrypted RSA private key of at least 2048 bits in PEM (PKCS#1 or PKCS#8). */
export function validatePrivateKey(pem: string): PrivateKeyCheck {
  const label = PEM_BLOCK.exec(pem)?.[1];
  if (label === undefined) return { ok: false, reason: 'notPem' };
  if (label === 'ENCRYPTED PRIVATE KEY') return { ok: false, reason: 'encrypted' };
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE') return { ok: false, reason: 'publicKey' };
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') return { ok: false, reason: 'unsupportedBlock', label };
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (key.asymmetricKeyType !== 'rsa') return { ok: false, reason: 'notRsa', keyType: key.asymmetricKeyType ?? 'unknown' };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) return { ok: false, reason: 'tooSmall', bits, minBits: MIN_RSA_BITS };
  return { ok: true, bits };
}

function base64url(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Signs `{"alg":"RS256","typ":"JWT"}.{iss,aud,scope,iat,exp}` with the account's key. */
export function signAssertion(
  account: ServiceAccount,
  identityUrl: string,
  nowSeconds: number,
  lifetimeSeconds: number = MAX_ASSERTION_LIFETIME_SECONDS,
): string {
  const iat = Math.floor(nowSeconds);
  const lifetime = Math.max(1, Math.min(MAX_ASSERTION_LIFETIME_SECONDS, Math.floor(lifetimeSeconds)));
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ iss: issuerFor(account), aud: audienceFor(identityUrl), scope: '*', iat, exp: iat + lifetime }),
  );
  const signingInput = `${header}.${payload}`;
  const signature = sign('sha256', Buffer.from(signingInput), createPrivateKey({ key: account.privateKeyPem, format: 'pem' }));
  return `${signingInput}.${signature.toString('base64url')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload of a compact JWT, NOT verified (for showing a pasted token's expiry). */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
