/**
 * Masking the raw JSON: the personal values of a process (the person's document number, name and
 * any other person field, the OCR fields the model marks personal, the SDK token and the documents'
 * pre-signed URLs) are replaced wherever they
 * occur in the response — as a whole value or inside a longer string (a clientReference that
 * embeds the CPF) — so the JSON tree is as safe on a shared screen as the rest of the panel.
 */
import { maskValue } from './mask';
import { Needles } from './needles';
import { redact } from './redact';
import type { Process } from './types';

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

/** Keys whose whole subtree is personal or bearer material in an answer read without its schema. */
const PERSONAL_SUBTREES = new Set(['person', 'data', 'token', 'signed_url', 'signedUrl', 'access_token', 'assertion']);

function collectUnknown(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectUnknown(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (PERSONAL_SUBTREES.has(k)) collect(v, out);
      else collectUnknown(v, out);
    }
  }
}

/**
 * A body the extension could not read (not JSON, cut off, unexpected status, schema drift), safe
 * for a shared screen: JSON has the values under personal keys masked wherever they occur; any
 * text then goes through `redact` (CPFs, JWTs, e-mails, signatures, key material).
 */
export function maskBody(body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return redact(body);
  }
  const secrets = new Set<string>();
  collectUnknown(value, secrets);
  return redact(`${JSON.stringify(maskJson(value, secrets, maskValue), null, 2)}\n`);
}
