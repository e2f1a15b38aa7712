/**
 * Masking the raw JSON: the personal values of a process (the person's document number, name and
 * any other person field, the OCR fields the model marks personal, the SDK token and the documents'
 * pre-signed URLs) are replaced wherever they
 * occur in the response — as a whole value or inside a longer string (a clientReference that
 * embeds the CPF) — so the JSON tree is as safe on a shared screen as the rest of the panel.
 */
import { Needles } from '../../core/needles';
import type { Process } from '../../core/types';

/** Person fields that describe the journey, not the person. */
const NOT_PERSONAL = new Set(['duiType', 'notifications', 'notificationChannel']);
/** Shorter values are not searched inside other strings (too many false hits); they still match whole. */
const MIN_EMBEDDED = 4;

export function personalValues(
  p: Process,
  rows: readonly { readonly signedUrl?: string | undefined; readonly ocr: readonly { readonly value: string; readonly personal: boolean }[] }[],
): Set<string> {
  const out = new Set<string>();
  collect(p.person, out);
  for (const row of rows) for (const o of row.ocr) if (o.personal && o.value !== '') out.add(o.value);
  // Bearer material on a shared screen: the SDK's process token, and each pre-signed document URL
  // (whoever copies it in the next 5 minutes downloads the document).
  if (p.token) out.add(p.token);
  for (const row of rows) if (row.signedUrl) out.add(row.signedUrl);
  return out;
}

function collect(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') out.add(value);
  } else if (typeof value === 'number') {
    out.add(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (!NOT_PERSONAL.has(k)) collect(v, out);
  }
}

/**
 * A copy of `value` with every personal value (whole or embedded) replaced by `mask(value)`, in one
 * pass over the JSON's text whatever the number of personal values (a multi-string search).
 */
export function maskJson(value: unknown, secrets: ReadonlySet<string>, mask: (v: string) => string): unknown {
  if (secrets.size === 0) return value;
  const embedded = new Needles([...secrets].filter((s) => s.length >= MIN_EMBEDDED));
  const maskText = (text: string): string => {
    if (secrets.has(text)) return mask(text);
    const found = embedded.find(text);
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [start, end] of found) {
      out += text.slice(at, start) + mask(text.slice(start, end));
      at = end;
    }
    return out + text.slice(at);
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskText(v);
    if (typeof v === 'number') return secrets.has(String(v)) ? mask(String(v)) : v;
    if (Array.isArray(v)) return v.map(walk);
    // fromEntries defines own properties, so a hostile "__proto__" key stays a plain key.
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    return v;
  };
  return walk(value);
}
