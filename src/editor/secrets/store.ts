/**
 * "Store in IDCloud Credentials": the committed key (with the tenant and account the file names,
 * or asked for) or access token goes into a chosen profile's SecretStorage through the same
 * CredentialStore as Set Credentials…, after a confirmation when the profile already has
 * credentials; then the text may be deleted from the file (a WorkspaceEdit, confirmed).
 * The file is read again at each step, so an edit in between never deletes the wrong text.
 */
import * as vscode from 'vscode';
import { findCredentialLeaks, leakedSecret, type CredentialLeak } from '../../core/credentialLeaks';
import { validatePrivateKey } from '../../core/jwt';
import { keyProblemText } from '../errorMessages';
import type { Credentials, CredentialStore } from '../profiles/credentials';
import type { ProfileService } from '../profiles/profileService';
import type { Profile } from '../services';
import type { LeakPrompts } from './prompts';

export interface StoreLeakDeps {
  readonly profiles: ProfileService;
  readonly credentials: CredentialStore;
  readonly prompts: () => LeakPrompts;
}

/** What happened, for the caller (and the tests): the profile stored into, and whether the text went. */
export interface StoreLeakResult {
  readonly profileId: string;
  readonly deleted: boolean;
}

function current(document: vscode.TextDocument, fingerprint: string): { leak: CredentialLeak; secret: string } | undefined {
  const text = document.getText();
  const leak = findCredentialLeaks(text).find((l) => l.fingerprint === fingerprint);
  const secret = leak && leakedSecret(text, leak);
  return leak && secret !== undefined ? { leak, secret } : undefined;
}

function gone(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('This credential is no longer in the file.'));
}

async function credentialsFor(deps: StoreLeakDeps, found: { leak: CredentialLeak; secret: string }, profile: Profile): Promise<Credentials | undefined> {
  const { leak, secret } = found;
  if (leak.pemLabel === undefined) return { kind: 'token', token: secret };
  const hint = leak.account ?? {};
  const account = hint.tenantId !== undefined && hint.accountName !== undefined
    ? { tenantId: hint.tenantId, accountName: hint.accountName }
    : await deps.prompts().askAccount(profile, hint);
  return account && { kind: 'serviceAccount', ...account, privateKeyPem: secret };
}

export async function storeLeak(deps: StoreLeakDeps, uri: vscode.Uri, fingerprint: string): Promise<StoreLeakResult | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const found = current(document, fingerprint);
  if (!found) {
    gone();
    return undefined;
  }
  if (found.leak.pemLabel !== undefined) {
    const check = validatePrivateKey(found.secret);
    if (!check.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This key cannot be stored: {0}.', keyProblemText(check)));
      return undefined;
    }
  }
  const candidates = deps.profiles.profiles().filter((p) => p.kind !== 'emulator');
  const withCredentials = new Set<string>();
  for (const p of candidates) if (await deps.credentials.has(p.id)) withCredentials.add(p.id);
  const profile = await deps.prompts().pickProfile(candidates, withCredentials);
  if (!profile) return undefined;
  const credentials = await credentialsFor(deps, found, profile);
  if (!credentials) return undefined;
  const previous = await deps.credentials.get(profile.id);
  if (previous && !(await deps.prompts().confirmReplace(profile, previous.kind))) return undefined;
  await deps.credentials.set(profile.id, credentials);

  const fileName = uri.path.split('/').pop() ?? uri.path;
  if (!(await deps.prompts().confirmDelete(profile, fileName))) return { profileId: profile.id, deleted: false };
  const now = current(document, fingerprint);
  if (!now) {
    gone();
    return { profileId: profile.id, deleted: false };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.delete(uri, new vscode.Range(document.positionAt(now.leak.secretStart), document.positionAt(now.leak.secretEnd)));
  return { profileId: profile.id, deleted: await vscode.workspace.applyEdit(edit) };
}
