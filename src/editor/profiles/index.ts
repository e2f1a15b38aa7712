/**
 * The commands of the profiles area: Switch Profile, Set/Clear Credentials, Test Connection,
 * Show Log and Toggle Personal Data, through the commands' one registration wrapper.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { type CommandContext, registerCommand } from '../commands/register';
import { showError } from '../errorMessages';
import type { Connections, Privacy } from '../services';
import type { CredentialStore } from './credentials';
import { clearCredentials, pickProfile, setCredentials } from './credentialFlows';
import type { ProfileService } from './profileService';
import { switchProfile } from './switchProfile';
import { testConnection, type ConnectionReport } from './testConnection';

export interface ProfileCommandDeps {
  readonly commands: CommandContext;
  readonly profiles: ProfileService;
  readonly credentials: CredentialStore;
  readonly privacy: Privacy;
  readonly connections: Connections;
}

function minutesUntil(at: number | undefined): string {
  return at === undefined ? vscode.l10n.t('unknown') : vscode.l10n.t('{0} min', Math.max(0, Math.round((at - Date.now()) / 60_000)));
}

async function runTestConnection(deps: ProfileCommandDeps, arg: unknown): Promise<ConnectionReport | undefined> {
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

export function registerProfileCommands(deps: ProfileCommandDeps): vscode.Disposable {
  const { commands, profiles, credentials, privacy } = deps;
  return vscode.Disposable.from(
    registerCommand(commands, Commands.switchProfile, () => switchProfile(profiles, credentials)),
    registerCommand(commands, Commands.setCredentials, async (arg) => {
      const profile = await setCredentials(profiles, credentials, arg);
      if (profile) {
        const test = vscode.l10n.t('Test Connection');
        void vscode.window
          .showInformationMessage(vscode.l10n.t('Credentials for {0} saved in the secret storage of this computer.', profile.label), test)
          .then((picked) => picked === test && vscode.commands.executeCommand(Commands.testConnection, profile.id));
      }
      return profile?.id;
    }),
    registerCommand(commands, Commands.clearCredentials, async (arg) => {
      const profile = await clearCredentials(profiles, credentials, arg);
      if (profile) void vscode.window.showInformationMessage(vscode.l10n.t('Credentials for {0} cleared.', profile.label));
      return profile?.id;
    }),
    registerCommand(commands, Commands.testConnection, (arg) => runTestConnection(deps, arg)),
    registerCommand(commands, Commands.showLog, () => {
      commands.log.show(true);
      return Promise.resolve();
    }),
    registerCommand(commands, Commands.togglePersonalData, () => {
      privacy.toggle();
      return Promise.resolve(privacy.revealed);
    }),
  );
}
