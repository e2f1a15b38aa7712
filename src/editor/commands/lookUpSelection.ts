/**
 * Look Up Process from the editor's and the terminal's context menus: the selected process ID is
 * looked up at once. A selection that holds no process ID is said so, in the input box that asks
 * for one. The terminal's selection is read through its Copy command (the stable API has no
 * terminal selection), with the clipboard put back afterwards on the desktop.
 */
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { lookUpAndPresent } from './lookUp';
import { askForProcessId, editorProcessId, firstProcessId } from './prompt';
import { registerCommand } from './register';
import type { ProcessRef } from '../services';
import type { ProcessId } from '../../core/processId';

async function terminalSelection(): Promise<string> {
  const desktop = vscode.env.uiKind === vscode.UIKind.Desktop; // a browser may never answer a clipboard read
  const before = desktop ? await vscode.env.clipboard.readText() : undefined;
  await vscode.env.clipboard.writeText(''); // no selection copies nothing: then the empty text says so
  await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
  const selected = await vscode.env.clipboard.readText();
  if (before !== undefined) await vscode.env.clipboard.writeText(before);
  return selected;
}

async function lookUp(deps: CommandDeps, id: ProcessId | undefined): Promise<ProcessRef | undefined> {
  const ref = id === undefined
    ? await askForProcessId(deps.lookups, vscode.l10n.t('The selection holds no process ID (a UUID like 53060f52-f146-4c12-a234-5bb5031f6f5b). Type or paste one.'))
    : { id, profileId: deps.lookups.activeProfile().id };
  return ref === undefined ? undefined : lookUpAndPresent(deps, ref);
}

export function registerLookUpSelection(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(deps, Commands.lookUpSelection, () => lookUp(deps, editorProcessId())),
    registerCommand(deps, Commands.lookUpTerminalSelection, async () => lookUp(deps, firstProcessId(await terminalSelection()))),
  );
}
