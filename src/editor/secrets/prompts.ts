/**
 * The questions "Store in IDCloud Credentials" asks, behind one interface so the host tests can
 * answer them (through the test API) while the product asks the user.
 */
import * as vscode from 'vscode';
import type { AccountHint } from '../../core/credentialLeaks';
import type { Credentials } from '../profiles/credentials';
import type { Profile } from '../services';

export interface LeakPrompts {
  /** Which profile receives the credential; `withCredentials` holds the IDs that already have some. */
  pickProfile(candidates: readonly Profile[], withCredentials: ReadonlySet<string>): Promise<Profile | undefined>;
  /** The tenant ID and account name the file did not give (prefilled with what it did). */
  askAccount(profile: Profile, hint: AccountHint): Promise<{ tenantId: string; accountName: string } | undefined>;
  confirmReplace(profile: Profile, previous: Credentials['kind']): Promise<boolean>;
  /** After saving: delete the credential's text from the file? */
  confirmDelete(profile: Profile, fileName: string): Promise<boolean>;
}

const noSpaces = (v: string): string | undefined => (/^[^\s@]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Required, without spaces or @.'));

export const windowPrompts: LeakPrompts = {
  async pickProfile(candidates, withCredentials) {
    const picked = await vscode.window.showQuickPick(
      candidates.map((p) => ({
        label: p.label,
        description: p.apiBaseUrl,
        detail: withCredentials.has(p.id) ? vscode.l10n.t('Has credentials: you will be asked before they are replaced') : undefined,
        profile: p,
      })),
      { title: vscode.l10n.t('Store in IDCloud Credentials'), placeHolder: vscode.l10n.t('Store this credential for which profile?'), ignoreFocusOut: true },
    );
    return picked?.profile;
  },

  async askAccount(profile, hint) {
    const title = vscode.l10n.t('Service account for {0}', profile.label);
    const tenantId = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Tenant ID (from unico)'), value: hint.tenantId, ignoreFocusOut: true, validateInput: noSpaces });
    if (tenantId === undefined) return undefined;
    const accountName = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Service account name'), value: hint.accountName, ignoreFocusOut: true, validateInput: noSpaces });
    if (accountName === undefined) return undefined;
    return { tenantId: tenantId.trim(), accountName: accountName.trim() };
  },

  async confirmReplace(profile, previous) {
    const replace = vscode.l10n.t('Replace');
    const detail = previous === 'serviceAccount'
      ? vscode.l10n.t('{0} has a service account saved. It will be replaced, for every window.', profile.label)
      : vscode.l10n.t('{0} has an access token saved. It will be replaced, for every window.', profile.label);
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Replace the credentials of {0}?', profile.label), { modal: true, detail }, replace);
    return answer === replace;
  },

  async confirmDelete(profile, fileName) {
    const remove = vscode.l10n.t('Delete from File');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Saved in the credentials of {0}. Delete it from {1}?', profile.label, fileName),
      { modal: true, detail: vscode.l10n.t('The text is removed from the editor; save the file to keep the change. If the file was ever committed or shared, the credential stays in its history: ask unico for new credentials.') },
      remove,
    );
    return answer === remove;
  },
};
