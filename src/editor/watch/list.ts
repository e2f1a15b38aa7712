/**
 * Show Watched Processes: a quick pick of every watch (verdict so far, ID, profile). Choosing one
 * opens its panel; its eye button stops watching it; the last entry stops watching all.
 */
import * as vscode from 'vscode';
import type { Lookups, ProcessRef, ShowProcess } from '../services';
import { profileName, verdictSoFar } from './labels';
import type { WatchService } from './service';

interface Item extends vscode.QuickPickItem {
  readonly ref?: ProcessRef;
}

export interface WatchListDeps {
  readonly watches: WatchService;
  readonly lookups: Pick<Lookups, 'peek' | 'needsConfirmation' | 'profile'>;
  readonly showProcess: ShowProcess;
}

export function showWatchList(deps: WatchListDeps): Promise<void> {
  const { watches, lookups } = deps;
  const stop: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('eye-closed'), tooltip: vscode.l10n.t('Stop Watching') };
  const stopAll: Item = { label: `$(eye-closed) ${vscode.l10n.t('Stop Watching All')}`, alwaysShow: true };
  const items = (): Item[] => {
    const refs = watches.list();
    const rows = refs.map((ref): Item => ({
      label: `$(eye) ${ref.id}`,
      description: `${verdictSoFar(ref, lookups, watches.lastVerdict(ref))} · ${profileName(lookups.profile(ref.profileId), ref.profileId)}`,
      buttons: [stop],
      ref,
    }));
    return rows.length === 0 ? [] : [...rows, { label: '', kind: vscode.QuickPickItemKind.Separator }, stopAll];
  };
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Watched Processes');
  pick.placeholder = vscode.l10n.t('Choose a process to open it; its eye button stops watching it');
  pick.matchOnDescription = true;
  pick.items = items();
  return new Promise((resolve) => {
    const subs = [
      watches.onDidChange(() => {
        pick.items = items();
        if (pick.items.length === 0) pick.hide();
      }),
      pick.onDidTriggerItemButton((e) => {
        if (e.item.ref) watches.unwatch(e.item.ref);
      }),
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems;
        pick.hide();
        if (chosen === stopAll) watches.unwatchAll();
        else if (chosen?.ref) void deps.showProcess(chosen.ref);
      }),
      pick.onDidHide(() => {
        for (const s of subs) s.dispose();
        pick.dispose();
        resolve();
      }),
    ];
    pick.show();
  });
}
