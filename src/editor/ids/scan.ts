/**
 * The pure half of the ID surfaces: where the process IDs of a document are, under the limits
 * that keep the editor fast. No `vscode` import (type or value), so the benchmark runs it
 * against an in-memory document. The providers wrap these results in vscode objects.
 *
 * Limits: scans stop at a cap (lenses, links) and check cancellation every few thousand lines.
 */
import { findProcessIds, type ProcessId } from '../../core/processId';

/** The part of vscode.TextDocument the scans read. */
export interface DocumentLike {
  readonly version: number;
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

/** The part of vscode.CancellationToken the scans read. */
export interface CancelLike {
  readonly isCancellationRequested: boolean;
}

export interface IdOccurrence {
  readonly id: ProcessId;
  readonly line: number;
  readonly start: number; // character offsets within the line
  readonly end: number;
}

export interface LensPlan {
  /** One entry per distinct ID per line, in document order, at most `max`. */
  readonly occurrences: readonly IdOccurrence[];
  /** True when the document holds more IDs than the cap. */
  readonly capped: boolean;
  /** The distinct IDs of `occurrences` (to know which fetches concern this document). */
  readonly ids: ReadonlySet<string>;
}

export interface IdTally {
  readonly id: ProcessId;
  readonly count: number;
  readonly firstLine: number; // zero-based
  readonly firstColumn: number; // zero-based
}

/** How many lines to scan between two looks at the cancellation token. */
const CANCEL_STRIDE = 4096;
/** A UUID is 36 characters: shorter lines cannot hold one. */
const ID_LENGTH = 36;

function cancelled(line: number, token: CancelLike | undefined): boolean {
  return token !== undefined && line % CANCEL_STRIDE === 0 && token.isCancellationRequested;
}

/**
 * The code lenses of a document: one per distinct ID per line, stopping after `max` (plus one
 * look-ahead to know whether the cap was hit). Undefined when cancelled.
 */
export function planLenses(doc: DocumentLike, max: number, token?: CancelLike): LensPlan | undefined {
  const occurrences: IdOccurrence[] = [];
  const ids = new Set<string>();
  let capped = false;
  outer: for (let line = 0; line < doc.lineCount; line++) {
    if (cancelled(line, token)) return undefined;
    const text = doc.lineAt(line).text;
    if (text.length < ID_LENGTH) continue;
    // +1 so a line alone can reveal that the cap is exceeded; `max` bounds work on huge lines
    const found = findProcessIds(text, { max: max - occurrences.length + 1 });
    let seenOnLine: Set<string> | undefined;
    for (const m of found) {
      if (found.length > 1) {
        seenOnLine ??= new Set();
        if (seenOnLine.has(m.id)) continue;
        seenOnLine.add(m.id);
      }
      if (occurrences.length === max) {
        capped = true;
        break outer;
      }
      occurrences.push({ id: m.id, line, start: m.start, end: m.end });
      ids.add(m.id);
    }
  }
  return { occurrences, capped, ids };
}

/** Every occurrence (not only distinct ones), for document links, up to `max`. Undefined when cancelled. */
export function planLinks(doc: DocumentLike, max: number, token?: CancelLike): IdOccurrence[] | undefined {
  const links: IdOccurrence[] = [];
  for (let line = 0; line < doc.lineCount && links.length < max; line++) {
    if (cancelled(line, token)) return undefined;
    const text = doc.lineAt(line).text;
    if (text.length < ID_LENGTH) continue;
    for (const m of findProcessIds(text, { max: max - links.length })) {
      links.push({ id: m.id, line, start: m.start, end: m.end });
    }
  }
  return links;
}

/** Lines tallied between two yields to the event loop: a few milliseconds of work. */
const TALLY_SLICE_LINES = 10_000;

/**
 * Distinct IDs of the whole document with their counts and first position, in order of first
 * appearance. Works in slices and yields between them, so even a 34 MB log never blocks the
 * extension host for long. Undefined when cancelled or when the document changed meanwhile.
 */
export async function tallyDocument(doc: DocumentLike, token?: CancelLike): Promise<IdTally[] | undefined> {
  const version = doc.version;
  const tally = new Map<ProcessId, { id: ProcessId; count: number; firstLine: number; firstColumn: number }>();
  for (let from = 0; from < doc.lineCount; from += TALLY_SLICE_LINES) {
    if (from > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token?.isCancellationRequested || doc.version !== version) return undefined;
    }
    const to = Math.min(doc.lineCount, from + TALLY_SLICE_LINES);
    for (let line = from; line < to; line++) {
      const text = doc.lineAt(line).text;
      if (text.length < ID_LENGTH) continue;
      for (const m of findProcessIds(text)) {
        const entry = tally.get(m.id);
        if (entry) entry.count++;
        else tally.set(m.id, { id: m.id, count: 1, firstLine: line, firstColumn: m.start });
      }
    }
  }
  return [...tally.values()];
}
