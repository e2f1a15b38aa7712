/**
 * Absolute dates and times, and numbers, in the editor's display language (vscode.env.language,
 * passed in: pure, no vscode, no DOM). Dates are shown in UTC and say so: the API and the logs
 * a developer compares them with speak UTC. An unknown locale falls back to English.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: (locale: string) => T, locale: string): T {
  let format = cache.get(key);
  if (!format) {
    try {
      format = make(locale);
    } catch {
      format = make('en');
    }
    cache.set(key, format);
  }
  return format;
}

/** "Sep 13, 2020, 12:26 PM UTC" / "13 de set. de 2020, 12:26 UTC"; '' for an invalid time. */
export function formatDateTime(at: number, locale: string, seconds = false): string {
  if (!Number.isFinite(at)) return '';
  const format = cached(dateFormats, `${locale}\u0000${String(seconds)}`, (l) => new Intl.DateTimeFormat(l, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}), timeZone: 'UTC', timeZoneName: 'short',
  }), locale);
  return format.format(at);
}

/** "1,234.5" / "1.234,5": at most `fractionDigits` decimals. */
export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return cached(numberFormats, `${locale}\u0000${String(fractionDigits)}`, (l) => new Intl.NumberFormat(l, { maximumFractionDigits: fractionDigits }), locale).format(value);
}
