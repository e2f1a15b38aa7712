import type * as vscode from 'vscode';
import type { Lookups, Privacy, ShowProcess, Watches } from '../services';

export interface TriageDeps {
  readonly extensionUri: vscode.Uri;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
  /** The watch list (src/editor/watch); without it the view hides "Watch All Unfinished". */
  readonly watches?: Watches;
  /** Test seams: default to vscode.window.showSaveDialog, vscode.window.showErrorMessage and Date.now. */
  readonly showSaveDialog?: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  readonly showErrorMessage?: (message: string, ...items: string[]) => Thenable<string | undefined>;
  readonly now?: () => number;
}
