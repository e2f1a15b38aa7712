/**
 * "Find Process IDs in File…": every distinct ID of a file with its count and first line, in a
 * quick pick; choosing one opens the process panel, and the item's button reveals its first line.
 *
 * Where the text comes from, for this command and Resolve All alike:
 * - a file on disk (`file:`, also on a remote or in a container, where the extension host runs) is
 *   streamed (`scanFileForProcessIds`) with cancellable progress, so files over 50 MB — which VS Code
 *   never hands to extensions — work too; unless it has unsaved edits in the editor;
 * - a document loaded in the editor (unsaved edits, or a file of a virtual workspace) is read from memory;
 * - any other file (a virtual workspace's, another extension's file system) is read through
 *   `vscode.workspace.fs` and its bytes scanned (virtualFile.ts, up to MAX_VIRTUAL_BYTES).
 * (`workspace.fs.isWritableFileSystem` cannot pick the path: it answers undefined for a provider
 * registered moments ago, until the workbench has echoed it back.)
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatNumber } from '../../core/localeFormat';
import { Commands } from '../commandIds';
import { scanFileForProcessIds } from '../../core/idStream';
import { isCancellation } from '../errorMessages';
import { redact } from '../log';
import type { Lookups, ShowProcess } from '../services';
import { type IdTally, tallyDocument } from './scan';
import { FileTooLargeError, percentProgress, scanVirtualFile } from './virtualFile';
import type { ProcessId } from '../../core/processId';

export interface FindInFileDeps {
  readonly lookups: Lookups;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
}

/** VS Code does not open files above this size for extensions. */
const OPENABLE_BYTES = 50 * 1024 * 1024;
/** More items than this make the quick pick sluggish; the title says how many were left out. */
const MAX_ITEMS = 5000;

export interface FileScan {
  readonly uri: vscode.Uri;
  readonly ids: readonly IdTally[];
  readonly openable: boolean;
}

interface IdItem extends vscode.QuickPickItem {
  readonly tally: IdTally;
}

/** The command (registered by findInFileCommand.ts): the file given, else the active editor's, else one picked. */
export async function findInFile(deps: FindInFileDeps, arg?: unknown): Promise<void> {
  // A file that cannot be read says so in its own words; the command wrapper handles the rest.
  try {
    const uri = arg instanceof vscode.Uri ? arg : await pickTarget();
    if (!uri) return;
    const scan = await findProcessIdsIn(uri);
    if (scan) await showResults(deps, scan);
  } catch (e) {
    if (isCancellation(e)) return;
    deps.log.error(`Find Process IDs in File failed: ${redact(String(e))}`);
    void vscode.window.showErrorMessage(unreadableFile(e));
  }
}

/** Why a file could not be read, in words (the system's own message goes to the log). */
export function unreadableFile(e: unknown): string {
  if (e instanceof FileTooLargeError) {
    const mb = (bytes: number): string => formatNumber(Math.ceil(bytes / (1024 * 1024)), vscode.env.language);
    return vscode.l10n.t(
      'This file is {0} MB. A file that is not on disk (in a virtual workspace) can be searched for process IDs up to {1} MB: copy it to a folder on disk and search it there.',
      mb(e.size),
      mb(e.limit),
    );
  }
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  switch (code) {
    case 'FileNotFound': case 'ENOENT':
      return vscode.l10n.t('The file to search for process IDs no longer exists. Choose another file.');
    case 'NoPermissions': case 'EACCES': case 'EPERM':
      return vscode.l10n.t('You do not have permission to read this file. Check its permissions, or copy it somewhere you can read it.');
    case 'FileIsADirectory': case 'EISDIR':
      return vscode.l10n.t('That is a folder. Choose a file to search for process IDs.');
    default:
      return vscode.l10n.t('The file could not be read to search for process IDs. The log (IDCloud: Show Log) has the details.');
  }
}

async function pickTarget(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Find Process IDs'),
    title: vscode.l10n.t('Find Process IDs in File'),
  });
  return picked?.[0];
}

/**
 * Every distinct ID of `uri`, with progress (where the text comes from: the header above).
 * Undefined when cancelled.
 */
export async function findProcessIdsIn(uri: vscode.Uri): Promise<FileScan | undefined> {
  const title = vscode.l10n.t('Finding process IDs in {0}', path.basename(uri.path));
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => scanProcessIds(uri, progress, token),
  );
}

/** The same scan without a notification of its own (the chat tool's): progress goes to `progress`. */
export async function scanProcessIds(
  uri: vscode.Uri,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<FileScan | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (uri.scheme === 'file' && !open?.isDirty) return streamFile(uri, progress, token);
  if (!open) {
    const scan = await scanVirtualFile(uri, progress, token);
    return { uri, ids: scan.ids, openable: scan.bytes <= OPENABLE_BYTES };
  }
  const ids = await tallyDocument(open, token);
  return ids && { uri, ids, openable: true };
}

async function streamFile(
  uri: vscode.Uri,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<FileScan> {
  const controller = new AbortController();
  const cancellation = token.onCancellationRequested(() => {
    controller.abort();
  });
  try {
    const result = await scanFileForProcessIds(uri.fsPath, { signal: controller.signal, onProgress: percentProgress(progress) });
    return { uri, ids: result.ids, openable: result.bytes <= OPENABLE_BYTES };
  } finally {
    cancellation.dispose();
  }
}

async function showResults(deps: FindInFileDeps, scan: FileScan): Promise<void> {
  const name = path.basename(scan.uri.path);
  if (scan.ids.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No process IDs in {0}.', name));
    return;
  }
  const reveal: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Reveal the first occurrence') };
  const items: IdItem[] = scan.ids.slice(0, MAX_ITEMS).map((tally) => ({
    tally,
    label: tally.id,
    description: vscode.l10n.t('{0}× · first on line {1}', tally.count, tally.firstLine + 1),
    buttons: scan.openable ? [reveal] : [],
  }));
  const pick = vscode.window.createQuickPick<IdItem>();
  pick.title =
    scan.ids.length > MAX_ITEMS
      ? vscode.l10n.t('{0} process IDs in {1} (the first {2} listed)', scan.ids.length, name, MAX_ITEMS)
      : vscode.l10n.t('{0} process IDs in {1}', scan.ids.length, name);
  pick.placeholder = vscode.l10n.t('Choose a process to open it in {0}', deps.lookups.activeProfile().label);
  pick.matchOnDescription = true;
  pick.items = items;
  const resolveAll: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('run-all'), tooltip: vscode.l10n.t('Resolve All: look every ID up and show the verdicts') };
  pick.buttons = [resolveAll];
  pick.onDidTriggerButton((button) => {
    if (button !== resolveAll) return;
    pick.hide();
    void vscode.commands.executeCommand(Commands.resolveAll, scan.uri);
  });
  const done = new Promise<void>((resolve) => {
    pick.onDidHide(() => {
      pick.dispose();
      resolve();
    });
  });
  pick.onDidTriggerItemButton(({ item }) => {
    pick.hide();
    void revealFirst(deps, scan.uri, item.tally);
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    pick.hide();
    if (item) void open(deps, item.tally.id);
  });
  pick.show();
  await done;
}

async function open(deps: FindInFileDeps, id: ProcessId): Promise<void> {
  try {
    await deps.showProcess({ id, profileId: deps.lookups.activeProfile().id });
  } catch (e) {
    deps.log.error(`opening ${id} failed: ${redact(String(e))}`);
  }
}

async function revealFirst(deps: FindInFileDeps, uri: vscode.Uri, tally: IdTally): Promise<void> {
  const start = new vscode.Position(tally.firstLine, tally.firstColumn);
  try {
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start.translate(0, tally.id.length)) });
  } catch (e) {
    deps.log.warn(`could not reveal ${tally.id} in ${uri.toString()}: ${redact(String(e))}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The file cannot be opened in the editor (too large?).'));
  }
}
