/**
 * Set Credentials… and Clear Credentials. A service account (tenant ID, account name, and the
 * private key from a .pem file or pasted into a password box) or a pasted access token. The key
 * is checked as an RSA private key before it is stored, and never shown back; a pasted token is
 * checked for a JWT's shape and expiry (anything else saved only on an explicit choice); saved
 * credentials of the other kind are replaced only after a modal confirmation.
 */
import * as vscode from 'vscode';
import { InvalidKeyError } from '../../core/errors';
import { validatePrivateKey } from '../../core/jwt';
import { tokenShape } from '../../core/tokenShape';
import { formatDateTime } from '../../core/localeFormat';
import { keyProblemText } from '../errorMessages';
import type { Profile } from '../services';
import type { Credentials, CredentialStore } from './credentials';
import type { ProfileService } from './profileService';

const MAX_KEY_FILE_BYTES = 64 * 1024;

/** The dialogs the flows use; host tests pass scripted answers instead of the real window. */
export interface CredentialUi {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  warn(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
}

export const WINDOW_UI: CredentialUi = {
  pick: (items, options) => vscode.window.showQuickPick(items, options),
  input: (options) => vscode.window.showInputBox(options),
  warn: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
};

function when(ms: number): string {
  return formatDateTime(ms, vscode.env.language, true);
}

/** What the token box says while a token is pasted: when it expires, or why it may not work. */
function tokenHint(value: string): vscode.InputBoxValidationMessage | string | undefined {
  const token = value.trim().replace(/^Bearer\s+/i, '');
  if (token === '') return vscode.l10n.t('Required.');
  const shape = tokenShape(token, Date.now());
  switch (shape.kind) {
    case 'valid': return { message: vscode.l10n.t('A JWT that expires {0}.', when(shape.expiresAt)), severity: vscode.InputBoxValidationSeverity.Info };
    case 'expired': return { message: vscode.l10n.t('This token expired on {0}.', when(shape.expiresAt)), severity: vscode.InputBoxValidationSeverity.Warning };
    case 'noExpiry': return { message: vscode.l10n.t('This JWT has no expiry (exp): it may not be an IDCloud access token.'), severity: vscode.InputBoxValidationSeverity.Warning };
    case 'notJwt': return { message: vscode.l10n.t('Not a JWT (three base64url parts): IDCloud access tokens are JWTs.'), severity: vscode.InputBoxValidationSeverity.Warning };
  }
}
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
  return result.ok ? undefined : vscode.l10n.t('Not usable: {0}.', keyProblemText(result));
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
  if (stat.size > MAX_KEY_FILE_BYTES) throw new InvalidKeyError({ fileName: uri.path.split('/').pop() ?? '' });
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
    const checked = validatePrivateKey(pem);
    if (!checked.ok) throw new InvalidKeyError(checked);
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

async function askToken(profile: Profile, ui: CredentialUi): Promise<Credentials | undefined> {
  const pasted = await ui.input({
    title: vscode.l10n.t('Access token for {0}', profile.label),
    prompt: vscode.l10n.t('Paste an access token (it cannot be renewed: prefer a service account)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: tokenHint,
  });
  if (pasted === undefined || pasted.trim() === '') return undefined;
  const token = pasted.trim().replace(/^Bearer\s+/i, '');
  const shape = tokenShape(token, Date.now());
  if (shape.kind !== 'valid') {
    const save = vscode.l10n.t('Save Anyway');
    const message = shape.kind === 'expired'
      ? vscode.l10n.t('This token expired on {0}.', when(shape.expiresAt))
      : shape.kind === 'noExpiry'
        ? vscode.l10n.t('This JWT has no expiry (exp): it may not be an IDCloud access token.')
        : vscode.l10n.t('This is not a JWT: IDCloud access tokens are JWTs (three base64url parts).');
    const detail = shape.kind === 'expired'
      ? vscode.l10n.t('Lookups with it will be refused. A service account renews its tokens by itself.')
      : vscode.l10n.t('Lookups with it will probably be refused. Check that you pasted the whole access token.');
    if (await ui.warn(message, { modal: true, detail }, save) !== save) return undefined;
  }
  return { kind: 'token', token };
}

function kindName(kind: Credentials['kind']): string {
  return kind === 'token' ? vscode.l10n.t('an access token') : vscode.l10n.t('a service account');
}

/** True when nothing of another kind would be lost, or the user confirmed replacing it. */
async function confirmReplace(profile: Profile, previous: Credentials | undefined, next: Credentials['kind'], ui: CredentialUi): Promise<boolean> {
  if (previous === undefined || previous.kind === next) return true;
  const replace = vscode.l10n.t('Replace');
  const answer = await ui.warn(
    vscode.l10n.t('Replace {0} of {1} with {2}?', kindName(previous.kind), profile.label, kindName(next)),
    { modal: true, detail: vscode.l10n.t('A profile keeps one set of credentials: the saved one is deleted from this computer\'s secret storage.') },
    replace,
  );
  return answer === replace;
}

/** Resolves to the profile whose credentials were saved, or undefined when the user stopped. */
export async function setCredentials(profiles: ProfileService, store: CredentialStore, arg: unknown, ui: CredentialUi = WINDOW_UI): Promise<Profile | undefined> {
  const profile = await pickProfile(profiles, arg, (p) => p.kind !== 'emulator', vscode.l10n.t('Set credentials for which profile?'));
  if (!profile) return undefined;
  if (profile.kind === 'emulator') {
    void vscode.window.showInformationMessage(vscode.l10n.t('The Local emulator needs no credentials: it uses its own service account.'));
    return undefined;
  }
  const choice = await ui.pick(
    [
      { label: `$(file) ${vscode.l10n.t('Service account, key from a .pem file')}`, method: 'file' as const },
      { label: `$(lock) ${vscode.l10n.t('Service account, paste the private key')}`, method: 'paste' as const },
      { label: `$(key) ${vscode.l10n.t('Access token, pasted')}`, detail: vscode.l10n.t('Expires within the hour and cannot be renewed'), method: 'token' as const },
    ],
    { title: vscode.l10n.t('Credentials for {0}', profile.label), placeHolder: vscode.l10n.t('What did unico give you?'), ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  const previous = await store.get(profile.id);
  if (!(await confirmReplace(profile, previous, choice.method === 'token' ? 'token' : 'serviceAccount', ui))) return undefined;
  const credentials = choice.method === 'token' ? await askToken(profile, ui) : await askServiceAccount(profile, previous, choice.method === 'file');
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
