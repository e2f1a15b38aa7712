/**
 * Saving what the user asked to save (a triage export, a selfie, an evidence set) without losing
 * it: the save dialog opens in the first workspace folder whose file system takes writes (a
 * read-only virtual workspace's does not), else in the home folder; a write the file system
 * refuses says so and offers the dialog again, with the same content.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writableFolder } from '../core/saveFolder';

/** Test seams of a feature that saves (its deps extend this): default to vscode.window.showSaveDialog and showErrorMessage. */
export interface SaveSeams {
  readonly showSaveDialog?: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  readonly showErrorMessage?: (message: string, ...items: string[]) => Thenable<string | undefined>;
}

export interface SaveUi extends SaveSeams {
  readonly log: Pick<vscode.LogOutputChannel, 'warn'>;
}

/** `fileName` in the first workspace folder that takes writes, else in the home folder. */
export function defaultSaveUri(fileName: string, folders: readonly vscode.Uri[] = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)): vscode.Uri {
  const folder = writableFolder(folders, vscode.Uri.file(os.homedir()), (scheme) => vscode.workspace.fs.isWritableFileSystem(scheme));
  return vscode.Uri.joinPath(folder, fileName);
}

/**
 * Asks where to save `fileName` and writes `content()` there (taken once, at the first choice).
 * When the write fails: says so and offers the dialog again, proposing the home folder if it failed
 * in the folder proposed. Undefined when the user closes the dialog or the message. `what` names
 * the content in the log (never the path: it may hold a name).
 */
export async function saveWithRetry(
  ui: SaveUi,
  fileName: string,
  options: Omit<vscode.SaveDialogOptions, 'defaultUri'>,
  content: () => Uint8Array,
  what: string,
): Promise<vscode.Uri | undefined> {
  let defaultUri = defaultSaveUri(fileName);
  let bytes: Uint8Array | undefined;
  for (;;) {
    const uri = await (ui.showSaveDialog ?? vscode.window.showSaveDialog)({ ...options, defaultUri });
    if (!uri) return undefined;
    bytes ??= content();
    try {
      await vscode.workspace.fs.writeFile(uri, bytes);
      return uri;
    } catch (e) {
      ui.log.warn(`${what}: the write failed (${e instanceof vscode.FileSystemError ? e.code : 'error'})`);
      const again = vscode.l10n.t('Choose Another Folder…');
      const message = vscode.l10n.t('{0} could not be written in that folder. Choose another folder.', path.basename(uri.path));
      if (await (ui.showErrorMessage ?? vscode.window.showErrorMessage)(message, again) !== again) return undefined;
      const proposed = vscode.Uri.joinPath(defaultUri, '..');
      const folder = vscode.Uri.joinPath(uri, '..').toString() === proposed.toString() ? vscode.Uri.file(os.homedir()) : proposed;
      defaultUri = vscode.Uri.joinPath(folder, path.basename(uri.path));
    }
  }
}
