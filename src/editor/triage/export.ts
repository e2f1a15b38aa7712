/**
 * Export the triage table as the user sees it (the webview's filter and sort, applied again here
 * to the host's rows) to CSV or JSON Lines through a save dialog. Personal data is masked unless
 * revealed, exactly as on screen.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { toCsv, toJsonLines } from '../../core/tableExport';
import { queryRows, type TableQuery } from '../../core/triageTable';
import { defaultSaveUri, saveWithRetry } from '../saveFile';
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

/** The export's file name: the log's, without its extension, then `-triage.csv` or `-triage.jsonl`. */
function exportFileName(log: vscode.Uri, format: ExportFormat): string {
  return `${path.basename(log.path).replace(/\.[^.]*$/, '')}-triage.${format}`;
}

/** Where the save dialog first proposes the export: see saveFile.ts. */
export function defaultExportUri(log: vscode.Uri, format: ExportFormat, folders?: readonly vscode.Uri[]): vscode.Uri {
  return defaultSaveUri(exportFileName(log, format), folders);
}

/** Asks where to save the table as filtered and writes it there (see saveFile.ts for a write that fails). */
export async function exportTable(deps: TriageDeps, session: TriageSession, format: ExportFormat, query: TableQuery): Promise<vscode.Uri | undefined> {
  let rows = 0;
  const uri = await saveWithRetry(
    deps,
    exportFileName(session.uri, format),
    {
      filters: format === 'csv' ? { CSV: ['csv'] } : { [vscode.l10n.t('JSON Lines')]: ['jsonl', 'ndjson'] },
      saveLabel: vscode.l10n.t('Export'),
      title: format === 'csv' ? vscode.l10n.t('Export as CSV') : vscode.l10n.t('Export as JSON Lines'),
    },
    () => {
      const exported = exportText(session, query, format, deps.privacy.revealed);
      rows = exported.rows;
      return Buffer.from(exported.text, 'utf8');
    },
    `triage: the ${format} export`,
  );
  if (!uri) return undefined;
  deps.log.info(`triage: exported ${rows} rows as ${format}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', rows, path.basename(uri.path)));
  return uri;
}
