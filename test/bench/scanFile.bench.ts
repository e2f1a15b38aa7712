// The whole-file scan from disk against ripgrep, side by side in one run on the same file:
// a generated log (sample-log generator; BENCH_SCAN_MB, default 400 MB, ~1.1M ID occurrences),
// page cache warmed by one read, then the median of 3 runs each of
//   - scanFileForProcessIds (bytes, what Find Process IDs in File runs),
//   - the previous scan (UTF-8 decoded into strings, then the string scanner),
//   - rg -o '<UUID regex>' FILE | sort | uniq -c   (LC_ALL=C, the fastest sort; through sh).
// Figures are reported, never asserted. No rg at /usr/bin/rg: the comparison is skipped.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProcessIdStreamScanner, scanFileForProcessIds } from '../../src/core/idStream';
import { writeSampleLog } from '../../src/emulator/sampleLog';

const RG = '/usr/bin/rg';
const UUID_REGEX = '\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b';
const RUNS = 3;

/** The scan before the byte scanner: decode to strings, stream through the string scanner. */
async function scanAsText(path: string): Promise<number> {
  const scanner = new ProcessIdStreamScanner();
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    scanner.push(first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk);
    first = false;
  }
  scanner.end();
  return scanner.results().length;
}

/** Distinct IDs per rg | sort | uniq -c (one output line per distinct match). */
function ripgrep(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `${RG} -o '${UUID_REGEX}' "$1" | sort | uniq -c | wc -l`, 'sh', path], { env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => { if (code === 0) resolve(Number(out.trim())); else reject(new Error(`rg pipeline exited ${String(code)}`)); });
  });
}

async function readOnce(path: string): Promise<void> {
  for await (const _ of createReadStream(path, { highWaterMark: 1 << 22 })) { /* warm the page cache */ }
}

async function median(fn: () => Promise<number>): Promise<{ ms: number; value: number }> {
  const times: number[] = [];
  let value = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN, value };
}

const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

export async function run(): Promise<Record<string, number | string>> {
  const megabytes = Number(process.env.BENCH_SCAN_MB ?? 400);
  const dir = mkdtempSync(join(tmpdir(), 'idcloud-scan-bench-'));
  try {
    const path = join(dir, 'bench.log');
    const written = await writeSampleLog(path, { ids: Math.round(megabytes * 625), bytes: megabytes * 1e6, seed: 400 });
    await readOnce(path);
    const mb = written.bytes / 1e6;
    const mbps = (ms: number): number => round(mb / (ms / 1000));
    const bytes = await median(async () => (await scanFileForProcessIds(path)).ids.length);
    const text = await median(() => scanAsText(path));
    const figures: Record<string, number | string> = {
      'scan file: log size (MB = 10^6 bytes)': round(mb),
      'scan file: ID occurrences / distinct IDs (generator)': `${written.occurrences} / ${written.ids.length}`,
      'scan file: distinct IDs, byte scan / previous text scan': `${bytes.value} / ${text.value}`,
      'scan file: byte scan, from disk (MB/s, median of 3)': mbps(bytes.ms),
      'scan file: previous text scan, from disk (MB/s, median of 3)': mbps(text.ms),
    };
    if (!existsSync(RG)) {
      figures['scan file: ripgrep'] = `not found at ${RG}: comparison skipped`;
      return figures;
    }
    const rg = await median(() => ripgrep(path));
    return {
      ...figures,
      'scan file: distinct IDs, rg | sort | uniq -c': rg.value,
      'scan file: same distinct count as rg': rg.value === bytes.value ? 'yes' : 'NO',
      'scan file: rg -o | sort | uniq -c, LC_ALL=C (MB/s, median of 3)': mbps(rg.ms),
      'scan file: byte scan / rg pipeline (time ratio, goal ≤ 1.0)': round(bytes.ms / rg.ms, 2),
      'scan file: previous text scan / rg pipeline (time ratio)': round(text.ms / rg.ms, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
