/**
 * The words of the credential scan. A message names the kind of credential and its last four
 * characters, never the secret, nor any other text taken from the file.
 */
import * as vscode from 'vscode';
import type { CredentialLeak } from '../../core/credentialLeaks';

/** Diagnostic codes, one per kind of finding (shown in the Problems view). */
export type LeakCode = 'private-key' | 'service-account' | 'access-token' | 'expired-token' | 'assertion' | 'bearer-header';

export function isExpired(leak: CredentialLeak, now: number): boolean {
  const at = leak.claims?.expiresAt;
  return at !== undefined && at <= now;
}

export function leakCode(leak: CredentialLeak, now: number): LeakCode {
  switch (leak.kind) {
    case 'privateKey': return 'private-key';
    case 'serviceAccount': return 'service-account';
    case 'bearerHeader':
    case 'token':
      if (leak.claims?.assertion === true) return 'assertion';
      if (isExpired(leak, now)) return 'expired-token';
      return leak.kind === 'token' ? 'access-token' : 'bearer-header';
  }
}

/** Whether "Store in IDCloud Credentials" can work: an RSA key, or a live access token. */
export function isStorable(leak: CredentialLeak, now: number): boolean {
  const code = leakCode(leak, now);
  if (code === 'private-key' || code === 'service-account') return leak.pemLabel === 'PRIVATE KEY' || leak.pemLabel === 'RSA PRIVATE KEY';
  return code === 'access-token' || code === 'bearer-header';
}

export function leakMessage(leak: CredentialLeak, now: number): string {
  const tail = `…${leak.hint}`;
  switch (leakCode(leak, now)) {
    case 'private-key':
      return vscode.l10n.t('Private key committed in this file ({0}). Store it in the IDCloud credentials (secret storage) and remove it from the file.', tail);
    case 'service-account':
      return vscode.l10n.t('IDCloud service account committed in this file: tenant ID, account name and private key ({0}). Store it in the IDCloud credentials (secret storage) and remove it from the file.', tail);
    case 'access-token':
      return vscode.l10n.t('IDCloud access token committed in this file ({0}). Store it in the IDCloud credentials (secret storage) and remove it from the file.', tail);
    case 'bearer-header':
      return vscode.l10n.t('Authorization header with an IDCloud access token committed in this file ({0}). Store the token in the IDCloud credentials (secret storage) and remove it from the file.', tail);
    case 'expired-token':
      return vscode.l10n.t('Expired IDCloud access token committed in this file ({0}). It names your service account: remove it from the file.', tail);
    case 'assertion':
      return vscode.l10n.t('Signed IDCloud assertion committed in this file ({0}). It names your service account: remove it from the file.', tail);
  }
}
