/**
 * The whole-file scan on bytes: the rules of processId.ts (the 8-4-4-4-12 shape, either case, and
 * the same "stands alone" context rules) applied to UTF-8 without decoding it. Process IDs are
 * ASCII, and in UTF-8 every byte of a multi-byte character is >= 0x80, which the rules read as
 * "a word character that is not hex" exactly as they read the decoded character; so the byte scan
 * finds the same IDs as the string scan of the decoded text. UTF-16 columns are computed only for
 * the first occurrence of each ID, by decoding that line's prefix.
 *
 * Speed: an ID is a run of 36 hex-or-dash bytes, so the scan samples one byte in 36 and looks
 * around only where the sample is hex or a dash; a maximal hex-or-dash run of 36 bytes or more
 * always contains a sample. Chunks may split an ID, its context, a line or a character anywhere.
 */
import { CLASS, GROUP_LIMIT, PROCESS_ID_CONTEXT, PROCESS_ID_LENGTH, type ProcessId } from './processId';

export interface ByteIdOccurrence {
  readonly id: ProcessId;
  readonly count: number;
  readonly firstLine: number;
  readonly firstColumn: number;
}

const DASH = 45;
const NEWLINE = 10;
/** Per byte: 1 hex, 2 word-not-hex (g-z G-Z _ and every byte >= 0x80), 3 dash, 0 anything else. */
const KIND = new Uint8Array(256);
for (let b = 0; b < 256; b++) KIND[b] = b >= 128 ? 2 : b === DASH ? 3 : (CLASS[b] ?? 0);
const HEX = 1;
const WORD = 2;

/** KIND of buf[i]; undefined outside the buffer, which no test below accepts (as the string scanner reads NaN). */
function kind(buf: Uint8Array, i: number): number {
  return KIND[buf[i] as number] as number;
}

function inRun(k: number): boolean {
  return k === HEX || k === 3;
}

function hasShape(buf: Uint8Array, s: number): boolean {
  for (let i = 0; i < PROCESS_ID_LENGTH; i++) {
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (kind(buf, s + i) !== (dash ? 3 : HEX)) return false;
  }
  return true;
}

function standsAloneBefore(buf: Uint8Array, s: number): boolean {
  const c = kind(buf, s - 1);
  if (c === HEX) return false;
  if (c !== 3) return true;
  let i = s - 2;
  while (kind(buf, i) === HEX) {
    if (s - 2 - i >= GROUP_LIMIT) return false;
    i--;
  }
  return i === s - 2 || kind(buf, i) === WORD;
}

function standsAloneAfter(buf: Uint8Array, e: number): boolean {
  const c = kind(buf, e);
  if (c === HEX) return false;
  if (c !== 3) return true;
  let i = e + 1;
  while (kind(buf, i) === HEX) {
    if (i - e - 1 >= GROUP_LIMIT) return false;
    i++;
  }
  return i === e + 1 || kind(buf, i) === WORD;
}

/**
 * Calls `found(start)` for every ID in buf that starts at or after `from` and ends at or before
 * `to` (context outside from..to, within buf, still counts), in order.
 */
export function findIdsInBytes(buf: Uint8Array, from: number, to: number, found: (start: number) => void): void {
  let runEnd = from; // everything before it was looked at
  for (let p = from; p < to; p += PROCESS_ID_LENGTH) {
    if (p < runEnd || !inRun(KIND[buf[p] as number] as number)) continue;
    let a = p;
    while (a > runEnd && inRun(kind(buf, a - 1))) a--;
    let b = p + 1;
    while (b < to && inRun(kind(buf, b))) b++;
    runEnd = b;
    if (b - a < PROCESS_ID_LENGTH) continue;
    // Every ID lies inside a maximal hex-or-dash run; try each start whose first group ends at a dash.
    for (let s = a; s + PROCESS_ID_LENGTH <= b; s++) {
      if (buf[s + 8] !== DASH || buf[s + 13] !== DASH || buf[s + 18] !== DASH || buf[s + 23] !== DASH) continue;
      if (hasShape(buf, s) && standsAloneBefore(buf, s) && standsAloneAfter(buf, s + PROCESS_ID_LENGTH)) {
        found(s);
        s += PROCESS_ID_LENGTH - 1;
      }
    }
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Streams bytes through findIdsInBytes: a count and the first line and UTF-16 column of each ID,
 * and the number of lines, as ProcessIdStreamScanner gives for the decoded text. A leading UTF-8
 * byte-order mark is skipped (an editor hides it, so columns on line 0 do not count it).
 */
export class ProcessIdByteScanner {
  /** Bytes not yet discarded; buf[0] is at absolute offset bufStart (BOM excluded). */
  private buf: Buffer = Buffer.alloc(0);
  private work: Buffer = Buffer.alloc(0);
  private bufStart = 0;
  /** Every ID starting before it has been decided. */
  private scanFrom = 0;
  /** Newlines before `counted` are counted: `line` is the line that holds `counted`, starting at lineStart. */
  private counted = 0;
  private line = 0;
  /** A point of the current line (>= bufStart) whose UTF-16 column is known. */
  private colPos = 0;
  private colAt = 0;
  /** Up to 3 leading bytes held back while they may still be a byte-order mark. */
  private head: Buffer | undefined = Buffer.alloc(0);
  private ended = false;
  private readonly tally = new Map<ProcessId, { count: number; readonly firstLine: number; readonly firstColumn: number }>();

  /** Lines as an editor counts them (newlines + 1); final after end(). */
  get lines(): number {
    return this.line + 1;
  }

  push(chunk: Buffer): void {
    if (this.ended) throw new Error('ProcessIdByteScanner: push() after end()');
    if (this.head !== undefined) {
      const head: Buffer = Buffer.concat([this.head, chunk]);
      if (head.length < BOM.length && BOM.slice(0, head.length).every((b, i) => head[i] === b)) {
        this.head = head;
        return;
      }
      this.head = undefined;
      chunk = head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2] ? head.subarray(BOM.length) : head;
    }
    // The carry (a few dozen bytes) and the chunk, in one reused buffer: no allocation per chunk.
    const carry = this.buf.length;
    const need = carry + chunk.length;
    if (need > this.work.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.work.length * 2));
      this.buf.copy(bigger, 0);
      this.work = bigger;
    } else if (carry) {
      this.buf.copy(this.work, 0); // overlapping is fine: Buffer#copy moves like memmove
    }
    chunk.copy(this.work, carry);
    this.buf = this.work.subarray(0, need);
    this.decide(this.bufStart + need - PROCESS_ID_CONTEXT);
  }

  end(): void {
    if (this.ended) return;
    if (this.head !== undefined) {
      const head = this.head; // shorter than a BOM: plain bytes
      this.head = undefined;
      this.buf = head;
    }
    this.ended = true;
    const end = this.bufStart + this.buf.length;
    this.decide(end);
    this.countLines(end);
    this.buf = Buffer.alloc(0);
  }

  /** One entry per distinct ID, in order of first appearance. */
  results(): ByteIdOccurrence[] {
    return Array.from(this.tally, ([id, t]) => ({ id, count: t.count, firstLine: t.firstLine, firstColumn: t.firstColumn }));
  }

  /** Records every ID that ends at or before `limit` (absolute), then drops bytes no longer needed. */
  private decide(limit: number): void {
    const buf = this.buf;
    const base = this.bufStart;
    if (limit - this.scanFrom < PROCESS_ID_LENGTH) return;
    findIdsInBytes(buf, this.scanFrom - base, limit - base, (s) => { this.record(s); });
    this.scanFrom = limit - PROCESS_ID_LENGTH + 1;
    let keep = this.scanFrom - PROCESS_ID_CONTEXT;
    // Cut at a character's first byte, so the column of the dropped part decodes exactly.
    for (let k = 0; k < 3 && keep > base && ((buf[keep - base] as number) & 0xc0) === 0x80; k++) keep--;
    if (keep <= base) return;
    this.countLines(keep);
    if (this.colPos < keep) {
      this.colAt += buf.toString('utf8', this.colPos - base, keep - base).length;
      this.colPos = keep;
    }
    this.buf = buf.subarray(keep - base);
    this.bufStart = keep;
  }

  private record(s: number): void {
    const id = this.buf.toString('latin1', s, s + PROCESS_ID_LENGTH).toLowerCase() as ProcessId;
    const seen = this.tally.get(id);
    if (seen) {
      seen.count++;
      return;
    }
    const at = this.bufStart + s;
    this.countLines(at);
    const column = this.colAt + this.buf.toString('utf8', this.colPos - this.bufStart, s).length;
    this.colPos = at;
    this.colAt = column;
    this.tally.set(id, { count: 1, firstLine: this.line, firstColumn: column });
  }

  /** Counts the newlines before `to` (absolute, within buf). */
  private countLines(to: number): void {
    if (to <= this.counted) return;
    const view = this.buf.subarray(0, to - this.bufStart);
    for (let nl = view.indexOf(NEWLINE, this.counted - this.bufStart); nl !== -1; nl = view.indexOf(NEWLINE, nl + 1)) {
      this.line++;
      this.colPos = this.bufStart + nl + 1;
      this.colAt = 0;
    }
    this.counted = to;
  }
}
