// The ID surfaces' cost on big inputs, through their pure halves (no vscode needed):
//   - provideCodeLenses on a 300k-line (~34 MB) log with ~60k IDs: the capped scan
//     (planLenses) against an in-memory document shaped like the extension host's;
//   - the "N process IDs in this file — list" lens: the whole-document tally (tallyDocument);
//   - a hover on a cached ID: processIdAt on the line + cache read + the markdown summary;
//   - a hover in a 5 MB single-line log (the case that froze another extension's host).
// Medians of repeated runs; figures are reported, never asserted.
import { performance } from 'node:perf_hooks';
import { processIdAt } from '../../src/core/processId';
import { parseProcessResponse } from '../../src/core/schema';
import type { FetchedProcess } from '../../src/core/types';
import { REFERENCE_EXAMPLE, REFERENCE_EXAMPLE_ID } from '../../src/emulator/reference';
import type { DocumentLike } from '../../src/editor/ids/scan';
import { planLenses, tallyDocument } from '../../src/editor/ids/scan';
import { hoverMarkdown, lensTitle, type L10n } from '../../src/editor/ids/summaryText';
import type { Profile } from '../../src/editor/services';

const LINES = 300_000;
const ID_EVERY = 5; // one line in five carries an ID: ~60k IDs
const DEFAULT_CAP = 200; // idcloud.codeLens.maxPerDocument's default
const SINGLE_LINE_BYTES = 5 * 1024 * 1024;

const l10n: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? '')),
};
const sandbox: Profile = {
  id: 'sandbox', label: 'Sandbox', kind: 'sandbox', apiBaseUrl: 'https://api.example', identityUrl: 'https://id.example', production: false,
};

/** Deterministic pseudo-random UUIDs (a 32-bit LCG): the same log on every run. */
function uuids(): () => string {
  let seed = 0x2f6b1d3;
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      s += (seed >>> 28).toString(16);
    }
    return s;
  };
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function generateLog(): string[] {
  const next = uuids();
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const time = `${new Date(Date.UTC(2026, 10, 26, 12, 0, 0, i * 37)).toISOString()} svc=idcloud`;
    lines.push(
      i % ID_EVERY === 0
        ? `${time} INFO  [worker-${i % 8}] process callback received processId=${next()} state=PROCESS_STATE_FINISHED ms=${i % 997}`
        : `${time} DEBUG [worker-${i % 8}] GET /client/v1/health 200 ms=${i % 313} bytes=${(i * 7919) % 100_000} ok`,
    );
  }
  return lines;
}

/** Like ExtHostDocumentData's TextDocument: lineAt allocates a line object each call. */
function documentOf(lines: readonly string[]): DocumentLike {
  return {
    version: 1,
    lineCount: lines.length,
    lineAt(line: number) {
      const text = lines[line];
      if (text === undefined) throw new Error(`no line ${line}`);
      return { lineNumber: line, text, isEmptyOrWhitespace: text.length === 0 };
    },
  };
}

function median(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const round = (ms: number, digits = 3): number => Number(ms.toFixed(digits));

export async function run(): Promise<Record<string, number | string>> {
  const lines = generateLog();
  const doc = documentOf(lines);
  const megabytes = lines.reduce((n, l) => n + l.length + 1, 0) / 1e6;

  // the list lens: a whole-document tally in slices that yield to the event loop
  const tallyRuns: number[] = [];
  let distinct = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    distinct = (await tallyDocument(doc))?.length ?? 0;
    tallyRuns.push(performance.now() - t0);
  }
  tallyRuns.sort((a, b) => a - b);
  const tallyMs = tallyRuns[2] ?? NaN;
  const oneSlice = documentOf(lines.slice(0, 10_000)); // a slice's worth: tallied with no yield
  const sliceRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await tallyDocument(oneSlice);
    sliceRuns.push(performance.now() - t0);
  }
  sliceRuns.sort((a, b) => a - b);
  const sliceMs = sliceRuns[2] ?? NaN;
  let lensCount = 0;
  const lensMs = median(21, () => {
    const plan = planLenses(doc, DEFAULT_CAP);
    lensCount = (plan?.occurrences.length ?? 0) + (plan?.capped ? 1 : 0);
  });
  let maxLensCount = 0;
  const maxLensMs = median(11, () => {
    maxLensCount = planLenses(doc, 5000)?.occurrences.length ?? 0;
  });
  // worst case for the capped scan: no ID at all, so it reads every line
  const noIds = documentOf(lines.map((l) => l.replace(/processId=\S+/, 'processId=none')));
  const noIdLensMs = median(11, () => planLenses(noIds, DEFAULT_CAP));

  // hover on a cached ID: find it on its line, read the cache, build the summary
  const fetched: FetchedProcess = {
    process: parseProcessResponse({ process: REFERENCE_EXAMPLE }),
    rawJson: JSON.stringify({ process: REFERENCE_EXAMPLE }),
    fetchedAt: Date.now(),
  };
  const cache = new Map([[`sandbox:${REFERENCE_EXAMPLE_ID}`, fetched]]);
  const logLine = `2026-11-26T12:00:00.000Z INFO process callback received processId=${REFERENCE_EXAMPLE_ID} state=FINISHED`;
  const at = logLine.indexOf(REFERENCE_EXAMPLE_ID) + 10;
  const hover = (text: string, offset: number): string => {
    const m = processIdAt(text, offset);
    const hit = m && cache.get(`sandbox:${m.id}`);
    return hit ? hoverMarkdown(hit, { id: m.id, profileId: sandbox.id }, sandbox, Date.now(), l10n, 'en') : '';
  };
  if (!hover(logLine, at)) throw new Error('the cached hover found nothing');
  const hoverMs = median(2001, () => hover(logLine, at));
  const lensTitleMs = median(2001, () => lensTitle(fetched, sandbox, Date.now(), l10n, 'en'));

  // a 5 MB single-line log with IDs every ~2 KB; hover in the middle of one
  const next = uuids();
  const parts: string[] = [];
  let size = 0;
  while (size < SINGLE_LINE_BYTES) {
    const part = `{"ts":"2026-11-26T12:00:00Z","level":"info","msg":"${'x'.repeat(2000)}","processId":"${next()}"},`;
    parts.push(part);
    size += part.length;
  }
  const middle = Math.floor(parts.length / 2);
  parts[middle] = `{"processId":"${REFERENCE_EXAMPLE_ID}"},`;
  const single = parts.join('');
  const singleAt = single.indexOf(REFERENCE_EXAMPLE_ID) + 3;
  if (!hover(single, singleAt)) throw new Error('the long-line hover found nothing');
  const longLineHoverMs = median(2001, () => hover(single, singleAt));
  const singleDoc = documentOf([single]);
  const longLineLensMs = median(11, () => planLenses(singleDoc, DEFAULT_CAP));

  return {
    'ids: log size (MB)': round(megabytes, 1),
    'ids: log lines': LINES,
    'ids: distinct IDs in the log': distinct,
    'ids: provideCodeLenses, cap 200 (ms, goal ≤ 50)': round(lensMs),
    'ids: lenses returned, cap 200': lensCount,
    'ids: provideCodeLenses, cap 5000 (ms)': round(maxLensMs),
    'ids: lenses returned, cap 5000': maxLensCount,
    'ids: provideCodeLenses, log without IDs (ms)': round(noIdLensMs),
    'ids: "list" lens resolve, whole-file tally, wall (ms)': round(tallyMs),
    'ids: "list" lens resolve, longest slice between yields (ms)': round(sliceMs),
    'ids: hover on a cached ID (ms, goal ≤ 1)': round(hoverMs, 4),
    'ids: lens title from cache (ms)': round(lensTitleMs, 4),
    'ids: hover in a 5 MB single-line log (ms)': round(longLineHoverMs, 4),
    'ids: lenses for a 5 MB single-line log (ms)': round(longLineLensMs),
  };
}
