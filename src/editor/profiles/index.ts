/**
 * The commands of the profiles area: Switch Profile, Set/Clear Credentials, Test Connection,
 * Look Up in All Profiles, Show Log and Toggle Personal Data, through the commands' one
 * registration wrapper. The flows behind the first five are dist/features.js (its `profiles` export)
 * (flows.ts), required on the first one run.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { registerCommand, registerProcessCommand } from '../commands/register';
import { LazyFeature } from '../lazy';
import type { ProfileCommandDeps } from './deps';

export type { ProfileCommandDeps };

type FlowsModule = typeof import('./flows');

export function registerProfileCommands(deps: ProfileCommandDeps): vscode.Disposable {
  const { commands, profiles, credentials, privacy } = deps;
  const flows = new LazyFeature('profiles', (m: FlowsModule) => m, commands.log);
  return vscode.Disposable.from(
    flows,
    registerCommand(commands, Commands.switchProfile, () => flows.get().switchProfile(profiles, credentials)),
    registerCommand(commands, Commands.setCredentials, async (arg) => {
      const profile = await flows.get().setCredentials(profiles, credentials, arg);
      if (profile) {
        const test = vscode.l10n.t('Test Connection');
        void vscode.window
          .showInformationMessage(vscode.l10n.t('Credentials for {0} saved in the secret storage of this computer.', profile.label), test)
          .then((picked) => picked === test && vscode.commands.executeCommand(Commands.testConnection, profile.id));
      }
      return profile?.id;
    }),
    registerCommand(commands, Commands.clearCredentials, async (arg) => {
      const profile = await flows.get().clearCredentials(profiles, credentials, arg);
      if (profile) void vscode.window.showInformationMessage(vscode.l10n.t('Credentials for {0} cleared.', profile.label));
      return profile?.id;
    }),
    registerCommand(commands, Commands.testConnection, (arg) => flows.get().runTestConnection(deps, arg)),
    registerProcessCommand(commands, Commands.lookUpInAllProfiles, (ref) => flows.get().lookUpInAllProfiles(commands, ref)),
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
