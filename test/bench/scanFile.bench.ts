// The whole-file scan from disk against ripgrep, side by side in one run on the same file:
// a generated log (sample-log generator; BENCH_SCAN_MB, default 400 MB, ~1.1M ID occurrences),
// page cache warmed by one read, then the median of 3 runs each of
//   - scanFileForProcessIds (bytes, what Find Process IDs in File runs),
//   - the previous scan (UTF-8 decoded into strings, then the string scanner),
//   - rg -o '<UUID regex>' FILE | sort | uniq -c   (LC_ALL=C, the fastest sort; through sh).
//     The regex uses ASCII word boundaries, (?-u:\b), which keep ripgrep on its fast path (a
//     Unicode \b makes it several times slower) and read multi-byte characters as our rules do.
// Wall time and CPU time are both reported: on a shared, loaded machine wall time mostly measures
// the other tenants, while CPU time (this process, its I/O threads included; for the pipeline,
// the user+system time of rg, sort, uniq and wc from the shell's `times`) measures the work.
// Figures are reported, never asserted. No rg at /usr/bin/rg: the comparison is skipped.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProcessIdStreamScanner, scanFileForProcessIds } from '../../src/core/idStream';
import { writeSampleLog } from '../../src/emulator/sampleLog';

const RG = '/usr/bin/rg';
const UUID_REGEX = '(?-u:\\b)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?-u:\\b)';
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

interface Measured {
  readonly value: number;
  /** CPU ms; undefined to take this process's own. */
  readonly cpuMs?: number;
}

/** Distinct IDs per rg | sort | uniq -c (one output line per distinct match), and the pipeline's CPU time. */
function ripgrep(path: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const script = `${RG} -o '${UUID_REGEX}' "$1" | sort | uniq -c | wc -l; times`;
    const child = spawn('sh', ['-c', script, 'sh', path], { env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      // `times`: the shell's user and system time, then its children's: "0m1.234s 0m0.100s".
      const lines = out.trim().split('\n');
      const seconds = (lines.at(-1) ?? '').split(/\s+/).map((t) => /^(\d+)m([\d.]+)s$/.exec(t)).map((m) => (m ? Number(m[1]) * 60 + Number(m[2]) : NaN));
      if (code === 0) resolve({ value: Number(lines[0]), cpuMs: ((seconds[0] ?? NaN) + (seconds[1] ?? NaN)) * 1000 });
      else reject(new Error(`rg pipeline exited ${String(code)}`));
    });
  });
}

async function readOnce(path: string): Promise<void> {
  for await (const _ of createReadStream(path, { highWaterMark: 1 << 22 })) { /* warm the page cache */ }
}

async function median(fn: () => Promise<number | Measured>): Promise<{ ms: number; cpuMs: number; value: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let value = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await fn();
    const own = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    const measured = typeof result === 'number' ? { value: result } : result;
    cpu.push(measured.cpuMs ?? (own.user + own.system) / 1000);
    value = measured.value;
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
  return { ms: mid(wall), cpuMs: mid(cpu), value };
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
      'scan file: byte scan, from disk (MB/s wall, median of 3)': mbps(bytes.ms),
      'scan file: byte scan, from disk (MB per CPU-second, median of 3)': mbps(bytes.cpuMs),
      'scan file: previous text scan, from disk (MB/s wall, median of 3)': mbps(text.ms),
      'scan file: previous text scan, from disk (MB per CPU-second, median of 3)': mbps(text.cpuMs),
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
      'scan file: rg -o | sort | uniq -c, LC_ALL=C (MB/s wall, median of 3)': mbps(rg.ms),
      'scan file: rg -o | sort | uniq -c, LC_ALL=C (MB per CPU-second, median of 3)': mbps(rg.cpuMs),
      'scan file: byte scan / rg pipeline (wall-time ratio, goal ≤ 1.0)': round(bytes.ms / rg.ms, 2),
      'scan file: byte scan / rg pipeline (CPU-time ratio, goal ≤ 1.0)': round(bytes.cpuMs / rg.cpuMs, 2),
      'scan file: previous text scan / rg pipeline (wall-time ratio)': round(text.ms / rg.ms, 2),
      'scan file: previous text scan / rg pipeline (CPU-time ratio)': round(text.cpuMs / rg.cpuMs, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
