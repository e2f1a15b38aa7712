/**
 * Credentials committed in a text: private keys (with the service account they belong to when the
 * file names it), IDCloud tokens, and `Authorization: Bearer` headers carrying one. Pure and
 * local: nothing is sent anywhere, and a finding carries no secret, only where it is, the last
 * four characters (for messages) and a fingerprint (a truncated SHA-256, for "ignore" lists).
 */
import { createHash } from 'node:crypto';
import { accountNear, type AccountHint } from './leakedAccount';
import { findPrivateKeyPems, rebuildPem } from './leakedPem';
import { findIdCloudTokens, type TokenClaims } from './leakedToken';

export type { AccountHint } from './leakedAccount';
export type { TokenClaims } from './leakedToken';

export type LeakKind = 'privateKey' | 'serviceAccount' | 'token' | 'bearerHeader';

export interface CredentialLeak {
  readonly kind: LeakKind;
  /** What a diagnostic covers (for a header, from "Authorization" on). UTF-16 offsets. */
  readonly start: number;
  readonly end: number;
  /** The secret itself (what "delete from the file" removes). */
  readonly secretStart: number;
  readonly secretEnd: number;
  /** The secret's last four characters, for messages ("…4f2a"). */
  readonly hint: string;
  /** First 16 hex digits of the secret's SHA-256: identifies it without revealing it. */
  readonly fingerprint: string;
  /** privateKey, serviceAccount: the PEM label. */
  readonly pemLabel?: string;
  /** privateKey, serviceAccount: tenant and account found near the key (both for serviceAccount). */
  readonly account?: AccountHint;
  /** token, bearerHeader. */
  readonly claims?: TokenClaims;
}

export interface LeakScanOptions {
  /** Stop after this many findings (default 100). */
  readonly maxFindings?: number;
  /** Scan only the first this many characters (default 16 M). */
  readonly maxLength?: number;
}

export const MAX_LEAK_FINDINGS = 100;
export const MAX_LEAK_SCAN_CHARS = 16 * 1024 * 1024;

export function fingerprintOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}

function hintOf(secretTail: string): string {
  return secretTail.replace(/[=\s"'\\]+$/, '').slice(-4);
}

/** Every committed credential in `text`, in order of position. */
export function findCredentialLeaks(text: string, options?: LeakScanOptions): CredentialLeak[] {
  const max = Math.max(0, options?.maxFindings ?? MAX_LEAK_FINDINGS);
  const to = Math.min(text.length, options?.maxLength ?? MAX_LEAK_SCAN_CHARS);
  const out: CredentialLeak[] = [];
  for (const pem of findPrivateKeyPems(text, max, to)) {
    const account = accountNear(text, pem.start, pem.end);
    const complete = account.tenantId !== undefined && account.accountName !== undefined;
    out.push({
      kind: complete ? 'serviceAccount' : 'privateKey',
      start: pem.start,
      end: pem.end,
      secretStart: pem.start,
      secretEnd: pem.end,
      hint: hintOf(pem.base64),
      fingerprint: fingerprintOf(pem.base64),
      pemLabel: pem.label,
      account,
    });
  }
  for (const token of findIdCloudTokens(text, max, to)) {
    const secret = text.slice(token.start, token.end);
    out.push({
      kind: token.headerStart === undefined ? 'token' : 'bearerHeader',
      start: token.headerStart ?? token.start,
      end: token.end,
      secretStart: token.start,
      secretEnd: token.end,
      hint: hintOf(secret),
      fingerprint: fingerprintOf(secret),
      claims: token.claims,
    });
  }
  out.sort((a, b) => a.start - b.start);
  return out.slice(0, max);
}

/**
 * The credential a finding holds, ready to store: a clean PEM for a key, the bare token for a
 * token. Undefined when `text` no longer holds that finding (the file changed since the scan).
 */
export function leakedSecret(text: string, leak: CredentialLeak): string | undefined {
  const raw = text.slice(leak.secretStart, leak.secretEnd);
  if (leak.pemLabel === undefined) return fingerprintOf(raw) === leak.fingerprint ? raw : undefined;
  const pem = findPrivateKeyPems(raw, 1)[0];
  return pem && fingerprintOf(pem.base64) === leak.fingerprint ? rebuildPem(pem) : undefined;
}
