/**
 * Look Up Process from the editor's and the terminal's context menus: the selected process ID is
 * looked up at once. A selection that holds no process ID is said so, in the input box that asks
 * for one.
 */
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { lookUpAndPresent } from './lookUp';
import { askForProcessId, editorProcessId, firstProcessId } from './prompt';
import { registerCommand } from './register';
import type { ProcessRef } from '../services';
import type { ProcessId } from '../../core/processId';

/**
 * The active terminal's selected text, read through the terminal's own Copy command. VS Code 1.100
 * gives extensions no other way: `Terminal.selection` is still a proposed API
 * (vscode.proposed.terminalSelection.d.ts, microsoft/vscode#188173), a terminal/context menu
 * command receives no argument, and a TerminalLinkProvider sees a hovered line, not the selection.
 * Copy replaces the user's clipboard, so its text is read first and put back in every case.
 * The same path works in the browser (code-server's clipboard reads answer "" when the page may
 * not read): an empty read is never "put back", so a failed read leaves the copied selection there
 * rather than emptying the clipboard.
 */
export async function terminalSelection(): Promise<string> {
  const before = await vscode.env.clipboard.readText();
  try {
    await vscode.env.clipboard.writeText(''); // no selection copies nothing: then the empty text says so
    await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
    return await vscode.env.clipboard.readText();
  } finally {
    if (before !== '') await vscode.env.clipboard.writeText(before);
  }
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
