/**
 * CSV (RFC 4180) and JSON Lines for the triage table. Pure.
 *
 * CSV: UTF-8 with a byte-order mark (Excel otherwise reads "João" as "JoÃ£o"), CRLF line ends, a
 * field quoted when it holds a quote, comma, CR or LF (quotes doubled), and a field that starts
 * with =, +, -, @, tab or CR prefixed with ' so a spreadsheet shows it as text instead of running
 * it as a formula (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One JSON object per line; U+2028/U+2029 are escaped by JSON.stringify already (ES2019). */
export function toJsonLines(records: Iterable<Readonly<Record<string, string | number | null>>>): string {
  let out = '';
  for (const r of records) out += `${JSON.stringify(r)}\n`;
  return out;
}
