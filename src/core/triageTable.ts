/**
 * The triage table's rows and the one query (filter + sort) that both the webview (what the user
 * sees) and the host (what Export writes) apply, so an export is exactly the table as filtered and
 * sorted. Pure and dependency-free: it is bundled into the browser side too.
 */

/** The counts at the top of the view, in this order; `unresolved` = not looked up (yet). */
export const BUCKETS = ['ok', 'invalidIdentity', 'expired', 'pending', 'notFound', 'error', 'unresolved'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** One ID of the file, as shown: every text already localised, person data already masked unless revealed. */
export interface TriageRow {
  readonly id: string;
  readonly bucket: Bucket;
  /** The verdict word (or why there is none: "Not found", "Rate limited"…). */
  readonly verdict: string;
  readonly state: string;
  readonly result: string;
  readonly flow: string;
  /** Epoch ms, for sorting and export; the text is the user's locale. */
  readonly created: number | null;
  readonly createdText: string;
  readonly finished: number | null;
  readonly finishedText: string;
  readonly occurrences: number;
  /** 1-based line of the first occurrence. */
  readonly line: number;
  /** The person's name, masked unless revealed; '' when none. */
  readonly person: string;
}

export const COLUMNS = ['verdict', 'id', 'state', 'result', 'flow', 'created', 'finished', 'occurrences', 'line', 'person'] as const;
export type Column = (typeof COLUMNS)[number];

export interface TableQuery {
  /** Case-insensitive substring of any shown text. */
  readonly text: string;
  /** '' = any. */
  readonly bucket: Bucket | '';
  readonly state: string;
  readonly flow: string;
  readonly sort: Column;
  readonly descending: boolean;
}

export const DEFAULT_QUERY: TableQuery = { text: '', bucket: '', state: '', flow: '', sort: 'line', descending: false };

export function countBuckets(rows: Iterable<TriageRow>): Record<Bucket, number> {
  const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
  for (const r of rows) counts[r.bucket]++;
  return counts;
}

/** The lower-case text a row is searched in (the webview memoises it per row). */
export function haystack(r: TriageRow): string {
  return `${r.id}\n${r.verdict}\n${r.state}\n${r.result}\n${r.flow}\n${r.createdText}\n${r.finishedText}\n${r.person}`.toLowerCase();
}

const ORDER: Readonly<Record<Bucket, number>> = Object.fromEntries(BUCKETS.map((b, i) => [b, i])) as Record<Bucket, number>;

function compare(column: Column): (a: TriageRow, b: TriageRow) => number {
  switch (column) {
    case 'verdict': return (a, b) => ORDER[a.bucket] - ORDER[b.bucket] || a.verdict.localeCompare(b.verdict);
    case 'created': return (a, b) => nullsLast(a.created, b.created);
    case 'finished': return (a, b) => nullsLast(a.finished, b.finished);
    case 'occurrences': return (a, b) => a.occurrences - b.occurrences;
    case 'line': return (a, b) => a.line - b.line;
    default: return (a, b) => (a[column] < b[column] ? -1 : a[column] > b[column] ? 1 : 0);
  }
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  return b === null ? -1 : a - b;
}

/** The rows the query keeps, sorted (stable; ties keep file order). */
export function queryRows(rows: readonly TriageRow[], q: TableQuery, searchText: (r: TriageRow) => string = haystack): TriageRow[] {
  const text = q.text.trim().toLowerCase();
  const kept = rows.filter((r) => (q.bucket === '' || r.bucket === q.bucket)
    && (q.state === '' || r.state === q.state)
    && (q.flow === '' || r.flow === q.flow)
    && (text === '' || searchText(r).includes(text)));
  const by = compare(q.sort);
  const sign = q.descending ? -1 : 1;
  return kept.sort((a, b) => sign * by(a, b) || a.line - b.line);
}

/** The distinct non-empty values of a column, sorted (the state and flow filter menus). */
export function distinct(rows: readonly TriageRow[], column: 'state' | 'flow'): string[] {
  return [...new Set(rows.map((r) => r[column]).filter((v) => v !== ''))].sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SHORT = 500;

/** A query from the webview (untrusted): exactly these keys, known enums, short strings. */
export function isTableQuery(value: unknown): value is TableQuery {
  if (!isRecord(value)) return false;
  const keys = Object.keys(DEFAULT_QUERY);
  if (Object.keys(value).length !== keys.length || !Object.keys(value).every((k) => keys.includes(k))) return false;
  const str = (v: unknown): v is string => typeof v === 'string' && v.length <= SHORT;
  return str(value.text) && str(value.state) && str(value.flow)
    && (value.bucket === '' || (BUCKETS as readonly unknown[]).includes(value.bucket))
    && (COLUMNS as readonly unknown[]).includes(value.sort)
    && typeof value.descending === 'boolean';
}
