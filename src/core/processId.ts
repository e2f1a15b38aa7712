/**
 * Recognise process IDs (UUIDs of any version, either case) in arbitrary text, fast.
 *
 * The scan is dash-anchored: it jumps from '-' to '-' with indexOf, and only where the
 * next three dashes sit at +5, +10 and +15 does it check the 32 hex digits around them.
 * No regex runs and nothing is allocated except the matches themselves.
 *
 * An ID is not reported when it is part of a longer hex/UUID-like run: a hex digit right
 * before or after it, or a dash joining it to a group of hex digits ("ab12-<id>",
 * "<id>-0001"). A dash joining it to a word that merely ends or starts with hex letters
 * ("trace-<id>", "<id>-done") does not disqualify it: those are labels, not hex groups.
 */

/**
 * A process ID known to be a lower-case UUID. Made only here (normalizeProcessId, parseProcessId,
 * the scanners) and by the byte scanner (idBytes.ts): code holding one never lower-cases it again.
 */
export type ProcessId = string & { readonly __brand: 'ProcessId' };

export interface ProcessIdMatch {
  readonly id: ProcessId;
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** Offset just past the last character (start + 36). */
  readonly end: number;
}

export interface FindOptions {
  /** Stop after this many matches. */
  readonly max?: number;
  /** Only IDs that start at or after this offset (context before it still counts). */
  readonly from?: number;
  /** Only IDs that end at or before this offset (context after it still counts). */
  readonly to?: number;
}

/** unico's own Get Process example ID (the reference example): what messages show a process ID looks like. */
export const EXAMPLE_PROCESS_ID = '53060f52-f146-4c12-a234-5bb5031f6f5b' as ProcessId;

export const PROCESS_ID_LENGTH = 36;
/** How far the boundary rule looks past a dash for a hex group; longer runs are hex blobs. */
export const GROUP_LIMIT = 32;
/** Characters of context on either side that decide whether an ID stands alone. */
export const PROCESS_ID_CONTEXT = GROUP_LIMIT + 2;

const DASH = 45;
/** 1 for 0-9 a-f A-F, 2 for the other ASCII word characters (g-z G-Z _). Shared with the byte scanner (idBytes.ts). */
export const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[0-9a-fA-F]/.test(ch)) CLASS[c] = 1;
  else if (/[g-zG-Z_]/.test(ch)) CLASS[c] = 2;
}

function isHex(c: number): boolean {
  return CLASS[c] === 1; // NaN (past either end) and non-ASCII read as undefined
}

/** A letter, digit or underscore that is not hex — including any non-ASCII letter. */
function isWordNotHex(c: number): boolean {
  return c >= 128 || CLASS[c] === 2;
}

function hexRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (CLASS[text.charCodeAt(i)] !== 1) return false;
  }
  return true;
}

/** text[s, s+36) has the 8-4-4-4-12 shape (bounds are the caller's concern). */
function hasShape(text: string, s: number): boolean {
  return (
    text.charCodeAt(s + 8) === DASH &&
    text.charCodeAt(s + 13) === DASH &&
    text.charCodeAt(s + 18) === DASH &&
    text.charCodeAt(s + 23) === DASH &&
    hexRun(text, s, s + 8) &&
    hexRun(text, s + 9, s + 13) &&
    hexRun(text, s + 14, s + 18) &&
    hexRun(text, s + 19, s + 23) &&
    hexRun(text, s + 24, s + 36)
  );
}

function standsAloneBefore(text: string, s: number): boolean {
  const c = text.charCodeAt(s - 1);
  if (isHex(c)) return false;
  if (c !== DASH) return true;
  let i = s - 2;
  while (isHex(text.charCodeAt(i))) {
    if (s - 2 - i >= GROUP_LIMIT) return false;
    i--;
  }
  return i === s - 2 || isWordNotHex(text.charCodeAt(i));
}

function standsAloneAfter(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (isHex(c)) return false;
  if (c !== DASH) return true;
  let i = e + 1;
  while (isHex(text.charCodeAt(i))) {
    if (i - e - 1 >= GROUP_LIMIT) return false;
    i++;
  }
  return i === e + 1 || isWordNotHex(text.charCodeAt(i));
}

function isIdAt(text: string, s: number): boolean {
  return (
    s >= 0 &&
    s + PROCESS_ID_LENGTH <= text.length &&
    hasShape(text, s) &&
    standsAloneBefore(text, s) &&
    standsAloneAfter(text, s + PROCESS_ID_LENGTH)
  );
}

/** The whole string is a UUID (any version, either case). */
export function isProcessId(text: string): boolean {
  return text.length === PROCESS_ID_LENGTH && hasShape(text, 0);
}

/** Every process ID in `text`, in order (up to `max`, within `from`..`to`). */
export function findProcessIds(text: string, options?: FindOptions): ProcessIdMatch[] {
  const from = Math.max(0, options?.from ?? 0);
  const to = Math.min(text.length, options?.to ?? text.length);
  const max = options?.max ?? Infinity;
  const out: ProcessIdMatch[] = [];
  if (max <= 0) return out;
  const lastDash = to - (PROCESS_ID_LENGTH - 8); // the first dash of an ID ending at `to`
  let d = text.indexOf('-', from + 8);
  while (d !== -1 && d <= lastDash) {
    if (
      text.charCodeAt(d + 5) === DASH &&
      text.charCodeAt(d + 10) === DASH &&
      text.charCodeAt(d + 15) === DASH &&
      isIdAt(text, d - 8)
    ) {
      const start = d - 8;
      const end = start + PROCESS_ID_LENGTH;
      out.push({ id: text.slice(start, end).toLowerCase() as ProcessId, start, end });
      if (out.length >= max) break;
      d = text.indexOf('-', end + 8);
    } else {
      d = text.indexOf('-', d + 1);
    }
  }
  return out;
}

/**
 * The process ID that covers `offset` (start <= offset <= end), if any. Reads only a window of
 * about a hundred characters around `offset`, so it is safe on a 5 MB line.
 */
export function processIdAt(text: string, offset: number): ProcessIdMatch | undefined {
  const first = Math.max(0, offset - PROCESS_ID_LENGTH);
  const last = Math.min(offset, text.length - PROCESS_ID_LENGTH);
  for (let s = first; s <= last; s++) {
    if (text.charCodeAt(s + 8) === DASH && isIdAt(text, s)) {
      return { id: text.slice(s, s + PROCESS_ID_LENGTH).toLowerCase() as ProcessId, start: s, end: s + PROCESS_ID_LENGTH };
    }
  }
  return undefined;
}

const WRAPPERS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '{': '}', '(': ')', '[': ']', '<': '>' };
const URN = 'urn:uuid:';
const PROCESS_PATH = '/process/';

/**
 * What a user pasted or selected, as a lower-case process ID: trims; accepts quotes, braces,
 * "urn:uuid:" and a URL or path containing /process/<id>. Undefined if it is not an ID.
 */
export function normalizeProcessId(input: string): ProcessId | undefined {
  let s = input.trim();
  let close = WRAPPERS[s.charAt(0)];
  while (close !== undefined && s.length >= 2 && s.endsWith(close)) {
    s = s.slice(1, -1).trim();
    close = WRAPPERS[s.charAt(0)];
  }
  if (s.slice(0, URN.length).toLowerCase() === URN) s = s.slice(URN.length);
  const path = s.lastIndexOf(PROCESS_PATH);
  if (path !== -1) s = s.slice(path + PROCESS_PATH.length, path + PROCESS_PATH.length + PROCESS_ID_LENGTH + 1).replace(/[/?#]$/, '');
  return parseProcessId(s);
}

/**
 * A value read back from outside (a memento, a restored panel's state, a webhook payload, a
 * command argument) as a ProcessId: only an exact UUID string, either case, lower-cased here.
 */
export function parseProcessId(value: unknown): ProcessId | undefined {
  return typeof value === 'string' && isProcessId(value) ? (value.toLowerCase() as ProcessId) : undefined;
}
