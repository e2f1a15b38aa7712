/**
 * Watch / Stop Watching (a ProcessArg, like every process command: tree rows, hover links, the
 * panel) and Show Watched Processes (the status bar item). Watching is an explicit request, so a
 * production profile asks its confirmation here, once per window, like any explicit lookup.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { type CommandContext, registerCommand, registerProcessCommand } from '../commands/register';
import type { Lookups, ShowProcess } from '../services';
import { profileName } from './labels';
import { showWatchList } from './list';
import { isSettled, type WatchService } from './service';

export interface WatchCommandDeps extends CommandContext {
  readonly lookups: Lookups;
  readonly watches: WatchService;
  readonly showProcess: ShowProcess;
}

export function registerWatchCommands(deps: WatchCommandDeps): vscode.Disposable {
  const { watches, lookups } = deps;
  return vscode.Disposable.from(
    registerProcessCommand(deps, Commands.watch, async (ref) => {
      if (watches.isWatched(ref)) return ref;
      // Declining rejects with 'cancelled' (silent): nothing is watched.
      if (lookups.needsConfirmation(ref.profileId)) await lookups.get(ref);
      const cached = lookups.peek(ref);
      const where = profileName(lookups.profile(ref.profileId), ref.profileId);
      if (cached && isSettled(cached)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Process {0} in {1} has already finished; there is nothing to watch.', ref.id, where));
        return ref;
      }
      watches.watch([ref]);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Watching process {0} in {1}', ref.id, where), 5_000);
      return ref;
    }),
    registerProcessCommand(deps, Commands.unwatch, (ref) => {
      watches.unwatch(ref);
      return Promise.resolve(ref);
    }),
    registerCommand(deps, Commands.showWatches, async () => {
      if (watches.size === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No IDCloud process is being watched. Watch an unfinished process from its panel, the Processes view or its hover.'));
        return;
      }
      await showWatchList({ watches, lookups, showProcess: deps.showProcess });
    }),
  );
}
