/**
 * The `idcloud_findProcessIds` language-model tool: the distinct process IDs of a file (a path,
 * relative to a workspace folder or absolute, or a URI), else of the active editor, with the
 * scan Find Process IDs in File uses (`scanProcessIds`: a clean file on disk streamed, an open
 * document read as it is, any other file through workspace.fs). Nothing leaves the machine, so it
 * works in untrusted workspaces too.
 * Read failures are text results; only cancellation throws.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scanProcessIds, unreadableFile } from '../ids/findInFile';
import { redact } from '../log';
import type { LmToolDeps } from './getProcess';
import { text } from './getProcess';
import { idsText } from './idsText';

export interface FindProcessIdsInput {
  readonly file?: unknown;
}

/** A URI with a scheme of two letters or more ("C:\\…" is a path). */
const URI = /^[a-zA-Z][\w+.-]+:/;

/** The file the input names, or the active editor's; undefined when there is neither. */
async function target(input: FindProcessIdsInput | undefined): Promise<vscode.Uri | undefined> {
  const file = typeof input?.file === 'string' ? input.file.trim() : '';
  if (file === '') return vscode.window.activeTextEditor?.document.uri;
  if (URI.test(file)) return vscode.Uri.parse(file, true);
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folders) {
    const candidate = vscode.Uri.joinPath(folder.uri, file);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // not in this folder: try the next
    }
  }
  return folders[0] ? vscode.Uri.joinPath(folders[0].uri, file) : vscode.Uri.file(path.resolve(file));
}

export class FindProcessIdsTool implements vscode.LanguageModelTool<FindProcessIdsInput> {
  constructor(private readonly deps: Pick<LmToolDeps, 'log'>) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<FindProcessIdsInput>): vscode.PreparedToolInvocation {
    const file = typeof options.input.file === 'string' ? options.input.file.trim() : '';
    const active = vscode.window.activeTextEditor?.document.uri;
    const name = file !== '' ? path.basename(file) : active ? path.basename(active.path) : undefined;
    return { invocationMessage: name === undefined ? vscode.l10n.t('Finding process IDs') : vscode.l10n.t('Finding process IDs in {0}', name) };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<FindProcessIdsInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    let uri: vscode.Uri | undefined;
    try {
      uri = await target(options.input);
    } catch {
      return text(`Not a file path or URI: ${JSON.stringify(String(options.input.file).slice(0, 200))}. Pass a path relative to the workspace, an absolute path or a URI.`);
    }
    if (!uri) return text('No file was given and no editor is active. Pass the file\'s path (relative to the workspace, or absolute) or URI.');
    const shown = uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.toString();
    try {
      const ids = (await scanProcessIds(uri, { report: () => undefined }, token))?.ids;
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      if (ids === undefined) return text(`The search of ${JSON.stringify(shown)} stopped: the document changed while it was read. Ask again.`);
      return text(idsText(shown, ids));
    } catch (e) {
      if (token.isCancellationRequested || e instanceof vscode.CancellationError) throw new vscode.CancellationError();
      this.deps.log.warn(redact(`chat tool could not read ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`));
      return text(`Could not search ${JSON.stringify(shown)} for process IDs. Relay this message to the user: ${unreadableFile(e)}`);
    }
  }
}
