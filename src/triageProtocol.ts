/**
 * The typed protocol between the triage view's host (src/editor/triage) and its webview
 * (src/webview/triage). Types and hand-written guards only: both bundles import it.
 *
 * Rows are plain text prepared by the host (localised, dates in the user's locale, personal data
 * masked unless revealed); the webview inserts every string with textContent. Messages from the
 * webview are untrusted and pass `isTriageMessage` first.
 */
import { isTableQuery, type Bucket, type Column, type TableQuery, type TriageRow } from './core/triageTable';

export const TRIAGE_LABEL_KEYS = [
  'filter', 'allStates', 'allFlows', 'exportCsv', 'exportJsonl', 'watchUnfinished', 'resolve', 'cancel',
  'reveal', 'hide', 'noRows', 'shown', 'openHint', 'lineHint', 'toolbar', 'counts',
] as const;
export type TriageLabelKey = (typeof TRIAGE_LABEL_KEYS)[number];

export interface TriageInit {
  readonly title: string;
  readonly profile: { readonly label: string; readonly production: boolean };
  readonly labels: Readonly<Record<TriageLabelKey, string>>;
  readonly bucketLabels: Readonly<Record<Bucket, string>>;
  readonly columnLabels: Readonly<Record<Column, string>>;
  /** Whether the "Watch all unfinished" button is offered (a Watches service is present). */
  readonly canWatch: boolean;
}

export interface TriageStatus {
  /** "1,204 of 3,214 · about 2 min left", or '' when idle. */
  readonly text: string;
  readonly running: boolean;
  readonly revealed: boolean;
}

export type TriageHostMessage =
  | { readonly type: 'init'; readonly init: TriageInit }
  /** `replace`: these are all the rows; otherwise rows to add or update by id. */
  | { readonly type: 'rows'; readonly rows: readonly TriageRow[]; readonly replace: boolean }
  | { readonly type: 'status'; readonly status: TriageStatus };

export type TriageWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'goToLine'; readonly id: string }
  | { readonly type: 'export'; readonly format: 'csv' | 'jsonl'; readonly query: TableQuery }
  | { readonly type: 'watchUnfinished' }
  | { readonly type: 'toggleReveal' }
  | { readonly type: 'resolve' }
  | { readonly type: 'cancel' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

export function isTriageMessage(value: unknown): value is TriageWebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready':
    case 'watchUnfinished':
    case 'toggleReveal':
    case 'resolve':
    case 'cancel':
      return only(value, ['type']);
    case 'open':
    case 'goToLine':
      return only(value, ['type', 'id']) && typeof value.id === 'string' && UUID.test(value.id);
    case 'export':
      return only(value, ['type', 'format', 'query']) && (value.format === 'csv' || value.format === 'jsonl') && isTableQuery(value.query);
    default:
      return false;
  }
}

/** The webview's check of what the host posts (the host is trusted; this guards against stale shapes). */
export function isTriageHostMessage(value: unknown): value is TriageHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'init': return isRecord(value.init);
    case 'rows': return Array.isArray(value.rows) && typeof value.replace === 'boolean';
    case 'status': return isRecord(value.status);
    default: return false;
  }
}
