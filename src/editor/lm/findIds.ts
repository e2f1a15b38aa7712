/**
 * The `idcloud_findProcessIds` language-model tool: the distinct process IDs of a file (a path,
 * relative to a workspace folder or absolute, or a URI), else of the active editor, with the
 * scan Find Process IDs in File uses (`scanProcessIds`: a clean file on disk streamed, an open
 * document read as it is, any other file through workspace.fs). Nothing leaves the machine, so it
 * works in untrusted workspaces too.
 * It reads only a file inside a workspace folder, a document open in the editor, or the active
 * editor's: a chat agent may have been steered (a prompt injection in what it read) into asking for
 * /etc/… or ~/.ssh/…. Anything else is refused before any file system call, not even a stat.
 * Read failures are text results; only cancellation throws.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scanProcessIds, unreadableFile } from '../ids/findInFile';
import { redact } from '../log';
import type { LmToolDeps } from './getProcess';
import { text } from './getProcess';
import { isInside, isSame, normalPath } from './fileScope';
import { idsText } from './idsText';
import { quote } from './processText';

export interface FindProcessIdsInput {
  readonly file?: unknown;
}

/** A URI with a scheme of two letters or more ("C:\\…" is a path). */
const URI = /^[a-zA-Z][\w+.-]+:/;

/**
 * Where the input points, before anything is read: the URIs the tool may search (a relative path
 * gives one per workspace folder, the first that exists wins), else the input it refuses, else why
 * it names nothing (a text for the model).
 */
type Target = { readonly uris: readonly [vscode.Uri, ...vscode.Uri[]] } | { readonly refused: string } | { readonly problem: string };

/** On Windows a `file:` path is case-insensitive and takes backslashes (fileScope.ts). */
const ignoreCase = (uri: vscode.Uri): boolean => uri.scheme === 'file' && process.platform === 'win32';

/**
 * `uri` as the tool may read it — normalized, inside a workspace folder; or an open document's own
 * URI (so the scan reads it from memory) — else undefined. No file system call.
 */
function allowed(uri: vscode.Uri): vscode.Uri | undefined {
  const open = vscode.workspace.textDocuments.find((d) => isSame(d.uri, uri, ignoreCase(uri)));
  if (open) return open.uri;
  const inside = (vscode.workspace.workspaceFolders ?? []).some((f) => isInside(f.uri, uri, ignoreCase(uri)));
  return inside ? uri.with({ path: normalPath(uri.path, ignoreCase(uri)), query: '', fragment: '' }) : undefined;
}

function locate(input: FindProcessIdsInput | undefined): Target {
  const file = typeof input?.file === 'string' ? input.file.trim() : '';
  if (file === '') {
    const active = vscode.window.activeTextEditor?.document.uri;
    return active ? { uris: [active] } : { problem: 'No file was given and no editor is active. Pass the file\'s path (relative to the workspace, or absolute) or URI.' };
  }
  let given: vscode.Uri[];
  try {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (URI.test(file)) given = [vscode.Uri.parse(file, true)];
    else if (path.isAbsolute(file)) given = [vscode.Uri.file(file)];
    else given = folders.length > 0 ? folders.map((f) => vscode.Uri.joinPath(f.uri, file)) : [vscode.Uri.file(path.resolve(file))];
  } catch {
    return { problem: `Not a file path or URI: ${quote(String(input?.file), 200)}. Pass a path relative to the workspace, an absolute path or a URI.` };
  }
  const [first, ...rest] = given.map(allowed).filter((u) => u !== undefined);
  return first ? { uris: [first, ...rest] } : { refused: file };
}

/** The first of `uris` that exists, else the first (its read then says what is wrong). */
async function firstExisting(uris: readonly [vscode.Uri, ...vscode.Uri[]]): Promise<vscode.Uri> {
  if (uris.length > 1) {
    for (const uri of uris) {
      try {
        await vscode.workspace.fs.stat(uri);
        return uri;
      } catch {
        // not in this folder: try the next
      }
    }
  }
  return uris[0];
}

/** Why a refused file was not searched, for the model, with the user's words to relay. */
function refusal(file: string): string {
  const shown = quote(file, 200);
  return `${shown} was not searched, and nothing of it was read: this tool reads only files inside the workspace folders and documents open in the editor. Relay this message to the user: ${
    vscode.l10n.t('{0} is outside the workspace folders and not open in the editor; open it in the editor first, or ask about a file in the workspace.', shown)}`;
}

export class FindProcessIdsTool implements vscode.LanguageModelTool<FindProcessIdsInput> {
  constructor(private readonly deps: Pick<LmToolDeps, 'log'>) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<FindProcessIdsInput>): vscode.PreparedToolInvocation {
    const where = locate(options.input);
    if ('refused' in where) {
      return { invocationMessage: vscode.l10n.t('Not searching {0}: it is outside the workspace folders and not open in the editor', quote(where.refused, 80)) };
    }
    const first = 'uris' in where ? where.uris[0] : undefined;
    return { invocationMessage: first ? vscode.l10n.t('Finding process IDs in {0}', path.basename(first.path)) : vscode.l10n.t('Finding process IDs') };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<FindProcessIdsInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const where = locate(options.input);
    if ('problem' in where) return text(where.problem);
    if ('refused' in where) return text(refusal(where.refused));
    const uri = await firstExisting(where.uris);
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
