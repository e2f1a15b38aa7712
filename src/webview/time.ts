import { formatDateTime } from '../core/localeFormat';
import { relativeTime as formatRelative } from '../core/relativeTime';

/** "3 days ago" / "in 2 hours" for an ISO timestamp, in the editor's language; '' when it does not parse. */
export function relativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : formatRelative(at, now, locale);
}

/** "13 de set. de 2020, 12:26:40 UTC" for an ISO timestamp, in the editor's language; '' when it does not parse. */
export function absoluteTime(iso: string, locale: string): string {
  return formatDateTime(Date.parse(iso), locale, true);
}
