import type * as vscode from 'vscode';
import type { SaveSeams } from '../saveFile';
import type { Lookups, Privacy, ShowProcess, Watches } from '../services';

export interface TriageDeps extends SaveSeams {
  readonly extensionUri: vscode.Uri;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
  /** The watch list (src/editor/watch); without it the view hides "Watch All Unfinished". */
  readonly watches?: Watches;
  /** Test seam (with the save dialog's, SaveSeams): defaults to Date.now. */
  readonly now?: () => number;
}
