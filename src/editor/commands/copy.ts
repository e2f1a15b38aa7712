/**
 * Copy Process ID, Copy as JSON and Copy as cURL (the request that fetches it, with `$TOKEN`
 * where the bearer token goes: the token itself is never copied). Copy as JSON copies what the
 * screen shows: the masked JSON while personal data is hidden (the person, the personal OCR values,
 * the SDK token and the signed URLs all masked), the exact body only once personal data is
 * revealed — and for a production profile only after a modal confirmation. From the palette
 * (no argument) they copy the process on screen: the active panel's, else the selected row's of the
 * Processes view; only when there is none do they ask for an ID.
 */
import * as vscode from 'vscode';
import { UnknownProfileError } from '../../core/errors';
import type { FetchedProcess } from '../../core/types';
import type { ProcessRef } from '../services';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { rawJsonText } from './rawJson';
import { fetchWithProgress, shortId } from './lookUp';
import { registerProcessCommand } from './register';

const CONFIRM_MS = 3000;

/** POSIX shell single quotes: safe for any character the URL may hold. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The API contract's request carries the APIKEY as `$APIKEY`: the key itself is never copied. */
export function curlCommand(apiBaseUrl: string, id: string, contract?: 'api'): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const url = contract === 'api' ? `${base}/processes/v1/${encodeURIComponent(id)}` : `${base}/client/v1/process/${encodeURIComponent(id)}`;
  const apiKey = contract === 'api' ? ' -H "APIKEY: $APIKEY"' : '';
  return `curl -sS ${shellQuote(url)} -H 'Accept: application/json' -H "Authorization: Bearer $TOKEN"${apiKey}`;
}

async function copied(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${what}`, CONFIRM_MS);
}

/** The profile's API base URL; the emulator's is known only once it runs, which a lookup ensures. */
async function apiBaseUrl(deps: CommandDeps, ref: ProcessRef): Promise<string> {
  const known = deps.lookups.profile(ref.profileId)?.apiBaseUrl;
  if (known) return known;
  await fetchWithProgress(deps, ref);
  const started = deps.lookups.profile(ref.profileId)?.apiBaseUrl;
  if (!started) throw new UnknownProfileError(ref.profileId); // removed while it was looked up
  return started;
}

/** The masked JSON while personal data is hidden; the exact body when revealed (production: confirmed first). */
async function jsonToCopy(deps: CommandDeps, ref: ProcessRef, fetched: FetchedProcess): Promise<string | undefined> {
  if (!deps.privacy.revealed) return rawJsonText(fetched, false);
  const profile = deps.lookups.profile(ref.profileId);
  if (profile?.production) {
    const copy = vscode.l10n.t('Copy Exact JSON');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Copy the exact JSON of {0} from {1}?', shortId(ref.id), profile.label),
      { modal: true, detail: vscode.l10n.t("It holds a real person's personal data, the SDK token and signed document links: whoever reads the clipboard can use them.") },
      copy,
    );
    if (answer !== copy) return undefined;
  }
  return fetched.rawJson;
}

export function registerCopy(deps: CommandDeps): vscode.Disposable {
  const onScreen = (): ProcessRef | undefined => deps.activePanel?.() ?? deps.tree.selected();
  return vscode.Disposable.from(
    registerProcessCommand(deps, Commands.copyProcessId, async (ref) => {
      await copied(ref.id, vscode.l10n.t('Copied process ID {0}…', shortId(ref.id)));
      return ref.id;
    }, undefined, onScreen),
    registerProcessCommand(deps, Commands.copyAsJson, async (ref) => {
      const fetched = await fetchWithProgress(deps, ref);
      const text = await jsonToCopy(deps, ref, fetched);
      if (text === undefined) return undefined;
      await copied(text, deps.privacy.revealed
        ? vscode.l10n.t('Copied the JSON of {0}…', shortId(ref.id))
        : vscode.l10n.t('Copied the JSON of {0} with personal data hidden…', shortId(ref.id)));
      return text;
    }, undefined, onScreen),
    registerProcessCommand(deps, Commands.copyAsCurl, async (ref) => {
      const contract = deps.lookups.profile(ref.profileId)?.contract;
      const curl = curlCommand(await apiBaseUrl(deps, ref), ref.id, contract);
      await copied(curl, contract === 'api'
        ? vscode.l10n.t('Copied as cURL; set $TOKEN to an access token and $APIKEY to your APIKEY first')
        : vscode.l10n.t('Copied as cURL; set $TOKEN to an access token first'));
      return curl;
    }, undefined, onScreen),
  );
}
