/**
 * "3 minutes ago", "in 2 days", "há 2 anos": one relative-time formatter for every surface
 * (tree, hover, lens, panel), in the editor's display language via Intl. Pure: no vscode, no DOM.
 */

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

function formatFor(locale: string, style: Intl.RelativeTimeFormatStyle): Intl.RelativeTimeFormat {
  const key = `${locale}\u0000${style}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style });
    } catch {
      format = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style });
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * `at` relative to `now` (both epoch ms), rounded by magnitude so 90 s ago and in 90 s both read
 * "2 minutes". `short` ("2 hr. ago") suits code lenses; `long` the tree, hover and panel.
 */
export function relativeTime(at: number, now: number, locale: string, style: 'long' | 'short' = 'long'): string {
  const diff = at - now;
  const format = formatFor(locale, style);
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return format.format(Math.sign(diff) * Math.round(Math.abs(diff) / ms), unit);
  }
  return format.format(0, 'second');
}
