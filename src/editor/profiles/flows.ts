/**
 * Entry of dist/features.js (its `profiles` export): the flows behind the profile commands (Switch Profile,
 * Set/Clear Credentials, Test Connection, Look Up in All Profiles). Activation registers the
 * commands (index.ts) and requires this bundle on the first one run (editor/lazy.ts).
 */
import * as vscode from 'vscode';
import { showError } from '../errorMessages';
import type { ProfileCommandDeps } from './deps';
import { pickProfile } from './credentialFlows';
import { testConnection, type ConnectionReport } from './testConnection';

export { lookUpInAllProfiles } from '../commands/allProfiles';
export { clearCredentials, setCredentials } from './credentialFlows';
export { switchProfile } from './switchProfile';

function minutesUntil(at: number | undefined): string {
  return at === undefined ? vscode.l10n.t('unknown') : vscode.l10n.t('{0} min', Math.max(0, Math.round((at - Date.now()) / 60_000)));
}

export async function runTestConnection(deps: ProfileCommandDeps, arg: unknown): Promise<ConnectionReport | undefined> {
  const profile = await pickProfile(deps.profiles, arg, () => true, vscode.l10n.t('Test the connection of which profile?'));
  if (!profile) return undefined;
  const log = deps.commands.log;
  try {
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing the connection to {0}…', profile.label), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => { abort.abort(); });
        try {
          return await testConnection(profile, await deps.connections.connection(profile.id), abort.signal);
        } finally {
          sub.dispose();
        }
      },
    );
    const message = report.tokenMs === undefined
      ? vscode.l10n.t('Connected to {0}: API {1} ms, pasted token valid {2}.', profile.label, report.apiMs, minutesUntil(report.expiresAt))
      : vscode.l10n.t('Connected to {0}: token {1} ms, API {2} ms, valid {3}.', profile.label, report.tokenMs, report.apiMs, minutesUntil(report.expiresAt));
    log.info(`[${profile.id}] test connection: token ${String(report.tokenMs ?? '-')} ms, API ${report.apiMs} ms`);
    void vscode.window.showInformationMessage(message);
    return report;
  } catch (err) {
    void showError(err, { profile }, log);
    return undefined;
  }
}
