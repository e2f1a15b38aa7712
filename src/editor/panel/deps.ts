/** What the process panels need from the rest of the editor (built once by the composition root). */
import type * as vscode from 'vscode';
import type { SaveSeams } from '../saveFile';
import type { Lookups, Privacy, ProcessRef, Watches } from '../services';

export const PANEL_VIEW_TYPE = 'idcloud.process';

export interface PanelDeps extends SaveSeams {
  readonly extensionUri: vscode.Uri;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly log: vscode.LogOutputChannel;
  /** When given, an unfinished process gets a Watch button (idcloud.watch / idcloud.unwatch). */
  readonly watches?: Pick<Watches, 'isWatched' | 'onDidChange'>;
  /**
   * Where a process the user opens is remembered (the tree's Recent). Every surface opens through
   * `showProcess`, so recording here means no path can forget; panels restored after a reload are not
   * opened by the user and are not recorded.
   */
  readonly recent?: { add(ref: ProcessRef): Promise<void> };
  /** Test seams (with the save dialog's, SaveSeams): default to opening the URL string in the system browser and Date.now. */
  readonly openExternal?: (url: string) => Thenable<boolean>;
  readonly now?: () => number;
}
