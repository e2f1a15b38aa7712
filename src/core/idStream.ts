/**
 * The whole-file scan: every process ID in a file of any size (VS Code never hands files over
 * 50 MB to extensions), read as a stream, with a count and the first position of each ID.
 * Files are scanned as bytes (idBytes.ts); ProcessIdStreamScanner is the same scan on text,
 * for text already in memory, and the reference the byte scanner is tested against.
 *
 * A file that is not on this machine's disk (a virtual workspace's) arrives as one Uint8Array
 * (vscode.workspace.fs.readFile): scanBytesForProcessIds scans it in slices with the same byte scanner.
 *
 * Chunks may split an ID, its surrounding context or a "\r\n" anywhere: the scanner only
 * decides an ID once the context that decides it (PROCESS_ID_CONTEXT characters on either
 * side) has arrived, and keeps just that much text between chunks.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CancelledError } from './errors';
import { ProcessIdByteScanner } from './idBytes';
import { findProcessIds, PROCESS_ID_CONTEXT, PROCESS_ID_LENGTH, type ProcessId } from './processId';

export interface IdOccurrence {
  readonly id: ProcessId;
  readonly count: number;
  /** 0-based line of the first occurrence (lines end at "\n"; a "\r" before it belongs to the line). */
  readonly firstLine: number;
  /** 0-based UTF-16 column of the first occurrence. */
  readonly firstColumn: number;
}

interface Tally {
  count: number;
  readonly firstLine: number;
  readonly firstColumn: number;
}

export class ProcessIdStreamScanner {
  /** Text not yet discarded; buf[0] is at absolute offset bufStart. */
  private buf = '';
  private bufStart = 0;
  /** Absolute offset: every ID starting before it has been decided. */
  private scanFrom = 0;
  /** Absolute offsets of the "\n"s in buf not yet passed by `line`. */
  private newlineAt: number[] = [];
  private newlineHead = 0;
  private newlines = 0;
  private line = 0;
  private lineStart = 0;
  private ended = false;
  private readonly tally = new Map<ProcessId, Tally>();

  /** Lines seen so far, as an editor counts them (newlines + 1); final after end(). */
  get lines(): number {
    return this.newlines + 1;
  }

  push(chunk: string): void {
    if (this.ended) throw new Error('ProcessIdStreamScanner: push() after end()');
    const base = this.bufStart + this.buf.length;
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) {
      this.newlineAt.push(base + i);
      this.newlines++;
    }
    this.buf += chunk;
    this.decide(this.bufStart + this.buf.length - PROCESS_ID_CONTEXT);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.decide(this.bufStart + this.buf.length);
    this.buf = '';
    this.newlineAt = [];
    this.newlineHead = 0;
  }

  /** One entry per distinct ID, in order of first appearance. */
  results(): IdOccurrence[] {
    return Array.from(this.tally, ([id, t]) => ({ id, count: t.count, firstLine: t.firstLine, firstColumn: t.firstColumn }));
  }

  /** Records every ID that ends at or before `limit` (absolute), then drops text no longer needed. */
  private decide(limit: number): void {
    const from = this.scanFrom - this.bufStart;
    const to = limit - this.bufStart;
    if (to - from < PROCESS_ID_LENGTH) return;
    for (const m of findProcessIds(this.buf, { from, to })) this.record(m.id, this.bufStart + m.start);
    this.scanFrom = limit - PROCESS_ID_LENGTH + 1;
    const keep = this.scanFrom - PROCESS_ID_CONTEXT;
    if (keep > this.bufStart) {
      this.advanceLine(keep);
      this.newlineAt.splice(0, this.newlineHead);
      this.newlineHead = 0;
      this.buf = this.buf.slice(keep - this.bufStart);
      this.bufStart = keep;
    }
  }

  private record(id: ProcessId, at: number): void {
    const seen = this.tally.get(id);
    if (seen) {
      seen.count++;
      return;
    }
    this.advanceLine(at);
    this.tally.set(id, { count: 1, firstLine: this.line, firstColumn: at - this.lineStart });
  }

  /** Moves `line`/`lineStart` to the line that contains absolute offset `at`. */
  private advanceLine(at: number): void {
    for (;;) {
      const nl = this.newlineAt[this.newlineHead];
      if (nl === undefined || nl >= at) return;
      this.line++;
      this.lineStart = nl + 1;
      this.newlineHead++;
    }
  }
}

export interface ScanFileOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Streams a UTF-8 file through ProcessIdByteScanner: bytes, never decoded but for the line prefix
 * of each ID's first occurrence; the same answer as ProcessIdStreamScanner on the decoded text.
 * Rejects with CancelledError when aborted.
 */
export async function scanFileForProcessIds(
  path: string,
  options?: ScanFileOptions,
): Promise<{ ids: IdOccurrence[]; bytes: number; lines: number }> {
  const signal = options?.signal;
  if (signal?.aborted) throw new CancelledError();
  const { size } = await stat(path);
  const scanner = new ProcessIdByteScanner();
  const stream = createReadStream(path, { highWaterMark: 1 << 20, signal });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      scanner.push(chunk);
      options?.onProgress?.(stream.bytesRead, size);
    }
  } catch (e) {
    if (signal?.aborted) throw new CancelledError();
    throw e;
  }
  scanner.end();
  return { ids: scanner.results(), bytes: stream.bytesRead, lines: scanner.lines };
}

/** Bytes scanned between two yields to the event loop: a few milliseconds of work. */
const BYTES_SLICE = 1 << 22;

/**
 * The whole-file scan of bytes already in memory (a file read through vscode.workspace.fs): the
 * same answer as scanFileForProcessIds on the same bytes. Scans in slices and yields between them,
 * so a large file neither blocks the extension host nor ignores Cancel; the bytes are not copied.
 * Rejects with CancelledError when aborted.
 */
export async function scanBytesForProcessIds(
  bytes: Uint8Array,
  options?: ScanFileOptions,
): Promise<{ ids: IdOccurrence[]; bytes: number; lines: number }> {
  const signal = options?.signal;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const scanner = new ProcessIdByteScanner();
  if (signal?.aborted) throw new CancelledError();
  for (let at = 0; at < buffer.length; at += BYTES_SLICE) {
    if (at > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new CancelledError();
    }
    const end = Math.min(buffer.length, at + BYTES_SLICE);
    scanner.push(buffer.subarray(at, end));
    options?.onProgress?.(end, buffer.length);
  }
  scanner.end();
  return { ids: scanner.results(), bytes: buffer.length, lines: scanner.lines };
}
