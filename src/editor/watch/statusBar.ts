/**
 * The watched count in the status bar (`$(eye) 3`), hidden when nothing is watched. Clicking it
 * runs Show Watched Processes (the list below).
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { Disposable } from '../lifecycle';
import type { Watches } from '../services';

export const WATCH_STATUS_BAR_ID = 'idcloud.watches';

export class WatchStatusBar extends Disposable {
  /** Made when something is first watched: most windows never need it (and activate() stays short). */
  private item: vscode.StatusBarItem | undefined;

  constructor(private readonly watches: Pick<Watches, 'size' | 'onDidChange'>) {
    super();
    this._register(watches.onDidChange(() => { this.render(); }));
    this.render();
  }

  /** What the item shows right now (host tests read it). */
  get state(): { readonly text: string; readonly visible: boolean } {
    return { text: this.item?.text ?? '', visible: this.watches.size > 0 };
  }

  private render(): void {
    const n = this.watches.size;
    if (n === 0) {
      this.item?.hide();
      return;
    }
    const item = (this.item ??= this.create());
    item.text = `$(eye) ${n}`;
    const text = n === 1
      ? vscode.l10n.t('Watching 1 unfinished IDCloud process. Click to list it.')
      : vscode.l10n.t('Watching {0} unfinished IDCloud processes. Click to list them.', n);
    item.tooltip = text;
    item.accessibilityInformation = { label: text };
    item.show();
  }

  private create(): vscode.StatusBarItem {
    const item = this._register(vscode.window.createStatusBarItem(WATCH_STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 49));
    item.name = vscode.l10n.t('IDCloud Watched Processes');
    item.command = Commands.showWatches;
    return item;
  }
}
