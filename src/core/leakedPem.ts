/**
 * PEM private keys committed in text, found the way the process-ID scanner finds IDs: anchor on
 * the literal "PRIVATE KEY-----" with indexOf, check the BEGIN line around it, then walk the body
 * once, bounded, and check the END line where the walk stopped. The body may be a plain PEM, a JSON/.env string with `\n` escapes,
 * a YAML block or a string concatenated over several lines of code.
 */

export interface PemMatch {
  readonly label: string;
  readonly start: number;
  /** Just past the END line's closing dashes. */
  readonly end: number;
  /** The body's base64 characters (escapes, quotes and whitespace removed). */
  readonly base64: string;
}

const BEGIN = '-----BEGIN ';
const DASHES = '-----';
const TAIL = 'PRIVATE KEY-----';
/** The brief's list: PKCS#8, PKCS#1, SEC1 and encrypted PKCS#8. */
const LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'] as const;
/** An 8192-bit RSA key in PEM is about 6.5 KB; with escapes and quotes, well under this. */
const MAX_BODY_CHARS = 16 * 1024;
/** The smallest real key here (EC P-256, SEC1) has ~160 base64 characters; placeholders have fewer. */
const MIN_BASE64_CHARS = 100;

const BASE64 = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') BASE64[ch.charCodeAt(0)] = 1;
/** What else may sit between base64 runs: whitespace, escapes, quotes, concatenation, PKCS#1 headers. */
const FILLER = new Uint8Array(128);
for (const ch of ' \t\r\n\\"\'`:,;-') FILLER[ch.charCodeAt(0)] = 1;
const BACKSLASH = 92;

/** The escape letters of `\n`, `\r`, `\t`: not base64 when they follow a backslash. */
const ESCAPE_LETTERS = new Set([110, 114, 116]);

/** The BEGIN line whose label ends at `tail` (where "PRIVATE KEY-----" starts), if there is one. */
function beginBefore(text: string, tail: number): { start: number; label: string } | undefined {
  for (const label of LABELS) {
    const start = tail - (label.length - 'PRIVATE KEY'.length) - BEGIN.length;
    if (start >= 0 && text.startsWith(BEGIN, start) && text.startsWith(label, start + BEGIN.length)) return { start, label };
  }
  return undefined;
}

/**
 * Walks the body from `from`; returns where the END line starts and the base64 seen, or
 * undefined when the walk met a character no key body has, or ran past the cap.
 */
function walkBody(text: string, from: number, label: string): { endAt: number; base64: string } | undefined {
  const limit = Math.min(text.length, from + MAX_BODY_CHARS);
  const runs: string[] = [];
  let runStart = -1; // start of the current run of base64 characters
  let quoteRun = false;
  const closeRun = (at: number): void => {
    if (runStart !== -1) runs.push(text.slice(runStart, at));
    runStart = -1;
  };
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 && text.startsWith(DASHES, i)) {
      closeRun(i);
      return text.startsWith(`${DASHES}END ${label}${DASHES}`, i) ? { endAt: i, base64: runs.join('') } : undefined;
    }
    if (c === BACKSLASH && ESCAPE_LETTERS.has(text.charCodeAt(i + 1))) {
      closeRun(i);
      i++;
    } else if (BASE64[c] === 1 && !(c === 43 && quoteRun)) {
      if (runStart === -1) runStart = i;
      quoteRun = false;
    } else if (FILLER[c] === 1 || c === 43) {
      // "…\n" + "…": a '+' between two quotes is code, not base64.
      closeRun(i);
      if (c === 34 || c === 39 || c === 96) quoteRun = !quoteRun;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Every complete private-key PEM block in `text[from, to)`, up to `max`. */
export function findPrivateKeyPems(text: string, max: number, to: number = text.length): PemMatch[] {
  const out: PemMatch[] = [];
  // Anchored on the label's tail: '-' is common in text (dates, flags), "PRIVATE KEY-----" is not.
  let hit = text.indexOf(TAIL);
  while (hit !== -1 && hit < to && out.length < max) {
    const begin = beginBefore(text, hit);
    if (begin === undefined) {
      hit = text.indexOf(TAIL, hit + TAIL.length);
      continue;
    }
    const { start, label } = begin;
    const bodyStart = hit + TAIL.length;
    const body = walkBody(text, bodyStart, label);
    if (body === undefined || body.base64.length < MIN_BASE64_CHARS) {
      hit = text.indexOf(TAIL, bodyStart);
      continue;
    }
    const end = body.endAt + `${DASHES}END ${label}${DASHES}`.length;
    out.push({ label, start, end, base64: body.base64 });
    hit = text.indexOf(TAIL, end);
  }
  return out;
}

/** A clean PEM (64-character lines) rebuilt from a match, ready for createPrivateKey. */
export function rebuildPem(match: Pick<PemMatch, 'label' | 'base64'>): string {
  const lines = match.base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${match.label}-----\n${lines.join('\n')}\n-----END ${match.label}-----\n`;
}
