/**
 * Set Credentials… and Clear Credentials. A service account (tenant ID, account name, and the
 * private key from a .pem file or pasted into a password box) or a pasted access token. The key
 * is checked as an RSA private key before it is stored, and never shown back.
 */
import * as vscode from 'vscode';
import { decodeJwtPayload, validatePrivateKey } from '../../core/jwt';
import { formatDateTime } from '../../core/localeFormat';
import type { Profile } from '../services';
import type { Credentials, CredentialStore } from './credentials';
import type { ProfileService } from './profileService';

const MAX_KEY_FILE_BYTES = 64 * 1024;

/** A PEM pasted into a one-line box arrives with its line breaks turned to spaces or "\n": rebuild it. */
export function normalisePem(text: string): string {
  const unescaped = text.replace(/\\n/g, '\n').trim();
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(unescaped);
  const label = match?.[1];
  const body = match?.[2]?.replace(/\s+/g, '');
  if (label === undefined || body === undefined || body === '') return unescaped;
  return `-----BEGIN ${label}-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
}

function keyProblem(pem: string): string | undefined {
  const result = validatePrivateKey(pem);
  return result.ok ? undefined : vscode.l10n.t('Not usable: {0}.', result.reason);
}

/** The profile an argument names, else the active one, else (emulator active) a choice. */
export async function pickProfile(
  profiles: ProfileService,
  arg: unknown,
  filter: (p: Profile) => boolean | Promise<boolean>,
  placeholder: string,
): Promise<Profile | undefined> {
  const named = typeof arg === 'string' ? profiles.profile(arg) : undefined;
  if (named) return named;
  const candidates: Profile[] = [];
  for (const p of profiles.profiles()) if (await filter(p)) candidates.push(p);
  const active = profiles.active();
  if (candidates.some((p) => p.id === active.id)) return active;
  if (candidates.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(
    candidates.map((p) => ({ label: p.label, description: p.apiBaseUrl, profile: p })),
    { placeHolder: placeholder },
  );
  return picked?.profile;
}

async function readKeyFile(): Promise<string | undefined> {
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import Key'),
    title: vscode.l10n.t('The service account private key (.pem)'),
    filters: { [vscode.l10n.t('Private key')]: ['pem', 'key'], [vscode.l10n.t('All files')]: ['*'] },
  });
  const uri = uris?.[0];
  if (!uri) return undefined;
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_KEY_FILE_BYTES) throw new Error(vscode.l10n.t('{0} is too large to be a private key.', uri.path.split('/').pop() ?? ''));
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function askServiceAccount(profile: Profile, previous: Credentials | undefined, fromFile: boolean): Promise<Credentials | undefined> {
  const before = previous?.kind === 'serviceAccount' ? previous : undefined;
  const title = vscode.l10n.t('Service account for {0}', profile.label);
  const noSpaces = (v: string): string | undefined => (/^[^\s@]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Required, without spaces or @.'));
  const tenantId = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Tenant ID (from unico)'), value: before?.tenantId, ignoreFocusOut: true, validateInput: noSpaces });
  if (tenantId === undefined) return undefined;
  const accountName = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Service account name'), value: before?.accountName, ignoreFocusOut: true, validateInput: noSpaces });
  if (accountName === undefined) return undefined;
  let pem: string | undefined;
  if (fromFile) {
    pem = await readKeyFile();
    if (pem === undefined) return undefined;
    const problem = keyProblem(pem);
    if (problem !== undefined) throw new Error(problem);
  } else {
    const pasted = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Paste the private key (the whole -----BEGIN … PRIVATE KEY----- block)'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? undefined : keyProblem(normalisePem(v))),
    });
    if (pasted === undefined || pasted.trim() === '') return undefined;
    pem = normalisePem(pasted);
  }
  return { kind: 'serviceAccount', tenantId: tenantId.trim(), accountName: accountName.trim(), privateKeyPem: pem };
}

async function askToken(profile: Profile): Promise<Credentials | undefined> {
  const pasted = await vscode.window.showInputBox({
    title: vscode.l10n.t('Access token for {0}', profile.label),
    prompt: vscode.l10n.t('Paste an access token (it cannot be renewed: prefer a service account)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Required.') : undefined),
  });
  if (pasted === undefined) return undefined;
  const token = pasted.trim().replace(/^Bearer\s+/i, '');
  const exp = decodeJwtPayload(token)?.exp;
  if (typeof exp === 'number' && exp * 1000 <= Date.now()) {
    const save = vscode.l10n.t('Save Anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('This token expired on {0}.', formatDateTime(exp * 1000, vscode.env.language, true)),
      { modal: true, detail: vscode.l10n.t('Lookups with it will be refused. A service account renews its tokens by itself.') },
      save,
    );
    if (answer !== save) return undefined;
  }
  return { kind: 'token', token };
}

/** Resolves to the profile whose credentials were saved, or undefined when the user stopped. */
export async function setCredentials(profiles: ProfileService, store: CredentialStore, arg: unknown): Promise<Profile | undefined> {
  const profile = await pickProfile(profiles, arg, (p) => p.kind !== 'emulator', vscode.l10n.t('Set credentials for which profile?'));
  if (!profile) return undefined;
  if (profile.kind === 'emulator') {
    void vscode.window.showInformationMessage(vscode.l10n.t('The Local emulator needs no credentials: it uses its own service account.'));
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(
    [
      { label: `$(file) ${vscode.l10n.t('Service account, key from a .pem file')}`, method: 'file' as const },
      { label: `$(lock) ${vscode.l10n.t('Service account, paste the private key')}`, method: 'paste' as const },
      { label: `$(key) ${vscode.l10n.t('Access token, pasted')}`, detail: vscode.l10n.t('Expires within the hour and cannot be renewed'), method: 'token' as const },
    ],
    { title: vscode.l10n.t('Credentials for {0}', profile.label), placeHolder: vscode.l10n.t('What did unico give you?'), ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  const previous = await store.get(profile.id);
  const credentials = choice.method === 'token' ? await askToken(profile) : await askServiceAccount(profile, previous, choice.method === 'file');
  if (!credentials) return undefined;
  await store.set(profile.id, credentials);
  return profile;
}

/** Resolves to the profile whose credentials were cleared, or undefined. */
export async function clearCredentials(profiles: ProfileService, store: CredentialStore, arg: unknown): Promise<Profile | undefined> {
  const withCredentials = async (p: Profile): Promise<boolean> => p.kind !== 'emulator' && (await store.has(p.id));
  const stored = await Promise.all(profiles.profiles().map(withCredentials));
  if (!stored.includes(true)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No profile has credentials to clear.'));
    return undefined;
  }
  const profile = await pickProfile(profiles, arg, withCredentials, vscode.l10n.t('Clear the credentials of which profile?'));
  if (!profile) return undefined;
  const clear = vscode.l10n.t('Clear');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Clear the credentials of {0}?', profile.label),
    { modal: true, detail: vscode.l10n.t('They are removed from this computer\'s secret storage, for every window.') },
    clear,
  );
  if (answer !== clear) return undefined;
  await store.clear(profile.id);
  return profile;
}
