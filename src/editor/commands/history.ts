/** Clear History: forgets Recent; pinned processes stay (they were pinned on purpose). */
import type * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { registerCommand } from './register';

export function registerHistory(deps: CommandDeps): vscode.Disposable {
  return registerCommand(deps, Commands.clearHistory, async () => {
    await deps.tree.history.clearRecent();
  });
}
