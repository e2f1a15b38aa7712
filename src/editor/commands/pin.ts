/** Pin / Unpin: keep a process at the top of the tree (by ID and profile only). */
import type * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { registerProcessCommand } from './register';

export function registerPin(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerProcessCommand(deps, Commands.pin, async (ref) => {
      await deps.tree.history.pin(ref);
      return ref;
    }),
    registerProcessCommand(deps, Commands.unpin, async (ref) => {
      await deps.tree.history.unpin(ref);
      return ref;
    }),
  ];
}
