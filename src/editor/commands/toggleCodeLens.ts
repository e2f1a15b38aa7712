/**
 * Toggle Code Lenses: flips `idcloud.codeLens.enabled` where it takes effect. A workspace value
 * wins over the user's, so when the workspace sets it, the workspace's value is flipped; otherwise
 * the user's. Says what it did; the ID controller follows the setting by itself.
 */
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { registerCommand } from './register';

const SECTION = 'idcloud';
const KEY = 'codeLens.enabled';

export function registerToggleCodeLens(deps: CommandDeps): vscode.Disposable {
  return registerCommand(deps, Commands.toggleCodeLens, async (): Promise<boolean> => {
    const config = vscode.workspace.getConfiguration(SECTION);
    const inWorkspace = config.inspect<unknown>(KEY)?.workspaceValue !== undefined;
    const on = config.get<unknown>(KEY) === false; // the new value: the setting is on unless false
    await config.update(KEY, on, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    const message = on
      ? inWorkspace
        ? vscode.l10n.t('Process-ID code lenses are on in this workspace.')
        : vscode.l10n.t('Process-ID code lenses are on (user settings).')
      : inWorkspace
        ? vscode.l10n.t('Process-ID code lenses are off in this workspace. Hovers and links still work.')
        : vscode.l10n.t('Process-ID code lenses are off (user settings). Hovers and links still work.');
    void vscode.window.showInformationMessage(message);
    return on;
  });
}
