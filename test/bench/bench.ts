// `npm run bench`: runs every benchmark module in one process, one after another, and prints one
// table of the figures and ratios each measured side by side. Figures are reported, never asserted.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as activation from './activation.bench';
import * as activationHost from './activationHost.bench';
import * as client from './client.bench';
import * as codelens from './codelens.bench';
import * as personal from './personal.bench';
import * as redact from './redact.bench';
import * as scanFile from './scanFile.bench';
import * as scanner from './scanner.bench';
import * as secretScan from './secretScan.bench';
import * as resolveAll from './resolveAll.bench';
import * as triage from './triage.bench';

type Figures = Record<string, number | string>;
interface Bench {
  readonly name: string;
  readonly run: () => Promise<Figures>;
}

/** BENCH_ONLY=scanFile,client runs just those. */
const ONLY = process.env.BENCH_ONLY?.split(',');
const ALL: readonly Bench[] = [
  { name: 'scanner', run: scanner.run },
  { name: 'scanFile', run: scanFile.run },
  { name: 'client', run: client.run },
  { name: 'codelens', run: codelens.run },
  { name: 'activation', run: activation.run },
  { name: 'activationHost', run: activationHost.run },
  { name: 'redact', run: redact.run },
  { name: 'personal', run: personal.run },
  { name: 'secretScan', run: secretScan.run },
  { name: 'resolveAll', run: resolveAll.run },
  { name: 'triage', run: triage.run },
];
const BENCHES = ONLY ? ALL.filter((b) => ONLY.includes(b.name)) : ALL;

function format(value: number | string): string {
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 4 }) : value;
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`IDCloud Process Lens benchmarks — node ${process.version}, ${os.cpus().length} × ${cpu}, load ${os.loadavg()[0]?.toFixed(1) ?? '?'}, ${new Date().toISOString()}\n`);
  /** Rows by section (the text before the first colon), in order of first appearance. */
  const sections = new Map<string, [string, string][]>();
  const add = (figure: string, value: number | string): void => {
    const section = figure.split(':')[0] ?? '';
    sections.set(section, [...(sections.get(section) ?? []), [figure, format(value)]]);
  };
  const timings: [string, string][] = [];
  let failed = false;
  for (const bench of BENCHES) {
    const started = performance.now();
    try {
      for (const [figure, value] of Object.entries(await bench.run())) add(figure, value);
    } catch (e) {
      failed = true;
      add(`${bench.name}: FAILED`, e instanceof Error ? e.message : String(e));
    }
    timings.push([`run: ${bench.name} benchmark wall time (s)`, format(Number(((performance.now() - started) / 1000).toFixed(1)))]);
  }
  const rows = [...sections.values(), timings];
  const width = Math.max(...rows.flat().map(([figure]) => figure.length));
  const valueWidth = Math.max(...rows.flat().map(([, value]) => value.length));
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(valueWidth)}`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(valueWidth)}`);
  console.log(rows.map((section) => section.map(([figure, value]) => `${figure.padEnd(width)}  ${value.padStart(valueWidth)}`).join('\n')).join('\n\n'));
  if (failed) process.exitCode = 1;
}

void main();
