/**
 * Copy Process ID, Copy as JSON (the body exactly as received) and Copy as cURL (the request
 * that fetches it, with `$TOKEN` where the bearer token goes: the token itself is never copied).
 */
import * as vscode from 'vscode';
import type { ProcessRef } from '../services';
import type { CommandDeps } from './deps';
import { Commands } from './ids';
import { fetchWithProgress, shortId } from './lookUp';
import { registerProcessCommand } from './register';

const CONFIRM_MS = 3000;

/** POSIX shell single quotes: safe for any character the URL may hold. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(apiBaseUrl: string, id: string): string {
  const url = `${apiBaseUrl.replace(/\/+$/, '')}/client/v1/process/${encodeURIComponent(id)}`;
  return `curl -sS ${shellQuote(url)} -H 'Accept: application/json' -H "Authorization: Bearer $TOKEN"`;
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
  if (!started) throw new Error(`profile ${ref.profileId} has no API base URL`);
  return started;
}

export function registerCopy(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    registerProcessCommand(deps, Commands.copyProcessId, async (ref) => {
      await copied(ref.id, vscode.l10n.t('Copied process ID {0}…', shortId(ref.id)));
      return ref.id;
    }),
    registerProcessCommand(deps, Commands.copyAsJson, async (ref) => {
      const fetched = await fetchWithProgress(deps, ref);
      await copied(fetched.rawJson, vscode.l10n.t('Copied the JSON of {0}…', shortId(ref.id)));
      return fetched.rawJson;
    }),
    registerProcessCommand(deps, Commands.copyAsCurl, async (ref) => {
      const curl = curlCommand(await apiBaseUrl(deps, ref), ref.id);
      await copied(curl, vscode.l10n.t('Copied as cURL; set $TOKEN to an access token first'));
      return curl;
    }),
  );
}
