/** What the process panels need from the rest of the editor (built once by the composition root). */
import type * as vscode from 'vscode';
import type { Lookups, Privacy, Watches } from '../services';

export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly log: vscode.LogOutputChannel;
  /** When given, an unfinished process gets a Watch button (idcloud.watch / idcloud.unwatch). */
  readonly watches?: Pick<Watches, 'isWatched' | 'onDidChange'>;
  /** Test seams: default to opening the URL string in the system browser, vscode.window.showSaveDialog and Date.now. */
  readonly openExternal?: (url: string) => Thenable<boolean>;
  readonly showSaveDialog?: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  readonly now?: () => number;
}
