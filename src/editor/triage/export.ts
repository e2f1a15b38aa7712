/**
 * Export the triage table as the user sees it (the webview's filter and sort, applied again here
 * to the host's rows) to CSV or JSON Lines through a save dialog. Personal data is masked unless
 * revealed, exactly as on screen.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writableFolder } from '../../core/saveFolder';
import { toCsv, toJsonLines } from '../../core/tableExport';
import { queryRows, type TableQuery } from '../../core/triageTable';
import type { TriageDeps } from './deps';
import { EXPORT_COLUMNS, exportRecord, RowBuilder } from './rows';
import type { TriageSession } from './session';

export type ExportFormat = 'csv' | 'jsonl';

/** The file's bytes for the table as filtered and sorted by `query`. */
export function exportText(session: TriageSession, query: TableQuery, format: ExportFormat, revealed: boolean): { text: string; rows: number } {
  const rows = queryRows(new RowBuilder(vscode.env.language, revealed).rows(session), query);
  const records = rows.map(exportRecord);
  const text = format === 'csv'
    ? toCsv(EXPORT_COLUMNS, records.map((r) => EXPORT_COLUMNS.map((c) => (r[c] === null ? '' : String(r[c])))))
    : toJsonLines(records);
  return { text, rows: rows.length };
}

/** Where the save dialog opens: the first workspace folder that takes writes (not a read-only virtual workspace), else the home folder. */
export function defaultExportUri(log: vscode.Uri, format: ExportFormat, folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)): vscode.Uri {
  const base = path.basename(log.path).replace(/\.[^.]*$/, '');
  const folder = writableFolder(folders, vscode.Uri.file(os.homedir()), (scheme) => vscode.workspace.fs.isWritableFileSystem(scheme));
  return vscode.Uri.joinPath(folder, `${base}-triage.${format}`);
}

/**
 * Asks where to save and writes the rows there; when the write fails, says so and offers the
 * dialog again (the rows taken at the first choice), proposing the home folder if it failed in the default one.
 */
export async function exportTable(deps: TriageDeps, session: TriageSession, format: ExportFormat, query: TableQuery): Promise<vscode.Uri | undefined> {
  let defaultUri = defaultExportUri(session.uri, format);
  let exported: { text: string; rows: number } | undefined;
  for (;;) {
    const uri = await (deps.showSaveDialog ?? vscode.window.showSaveDialog)({
      defaultUri,
      filters: format === 'csv' ? { CSV: ['csv'] } : { [vscode.l10n.t('JSON Lines')]: ['jsonl', 'ndjson'] },
      saveLabel: vscode.l10n.t('Export'),
      title: format === 'csv' ? vscode.l10n.t('Export as CSV') : vscode.l10n.t('Export as JSON Lines'),
    });
    if (!uri) return undefined;
    exported ??= exportText(session, query, format, deps.privacy.revealed);
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from(exported.text, 'utf8'));
    } catch (e) {
      deps.log.warn(`triage: writing the ${format} export failed (${e instanceof vscode.FileSystemError ? e.code : 'error'})`);
      const again = vscode.l10n.t('Choose Another Folder…');
      const answer = await (deps.showErrorMessage ?? vscode.window.showErrorMessage)(
        vscode.l10n.t('{0} could not be written in that folder. Choose another folder for the export.', path.basename(uri.path)), again);
      if (answer !== again) return undefined;
      const failedIn = vscode.Uri.joinPath(uri, '..');
      const folder = failedIn.toString() === vscode.Uri.joinPath(defaultUri, '..').toString() ? vscode.Uri.file(os.homedir()) : vscode.Uri.joinPath(defaultUri, '..');
      defaultUri = vscode.Uri.joinPath(folder, path.basename(uri.path));
      continue;
    }
    deps.log.info(`triage: exported ${exported.rows} rows as ${format}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', exported.rows, path.basename(uri.path)));
    return uri;
  }
}
