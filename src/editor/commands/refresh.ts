/**
 * Refresh: with a process, fetch it again (bypassing the cache) — the tree, panel and raw JSON
 * follow through `onDidFetch`. Without one (the view's title button), refresh the whole tree.
 */
import type * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { fetchWithProgress } from './lookUp';
import { registerProcessCommand } from './register';

export function registerRefresh(deps: CommandDeps): vscode.Disposable {
  return registerProcessCommand(
    deps,
    Commands.refresh,
    async (ref) => {
      deps.tree.forget(ref);
      await fetchWithProgress(deps, ref, true);
      return ref;
    },
    async () => {
      await deps.tree.refreshAll();
      return undefined;
    },
  );
}
