// The triage view at 10,000 rows:
//   - time to first paint and a filter keystroke (goals ≤ 200 ms and ≤ 50 ms), in headless
//     Chromium (playwright-core with the harness's /usr/bin/chromium) running the bundled
//     dist/triage.js with a fake acquireVsCodeApi; the rows message is built outside the timing
//     (VS Code's structured clone of the message is not included);
//   - extension-host memory growth for 10,000 resolved processes kept as summaries (goal ≤ 100 MB),
//     beside the growth if the bodies were kept instead.
// Figures are reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { chromium } from 'playwright-core';
import { parseProcessResponse } from '../../src/core/schema';
import { resolvedOf } from '../../src/core/triageSummary';
import { BUCKETS, COLUMNS, type TriageRow } from '../../src/core/triageTable';
import type { FetchedProcess } from '../../src/core/types';
import { STATIC_FIXTURES } from '../../src/emulator/fixtures';
import type { TriageInit } from '../../src/triageProtocol';
import chromiumConfig from '../harness/lib/chromium.json';

const ROWS = 10_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

function gc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function bodies(count: number): FetchedProcess[] {
  const templates = STATIC_FIXTURES.map((f) => JSON.stringify('process' in f.process ? f.process : { process: f.process }));
  return Array.from({ length: count }, (_, i) => {
    const id = `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const rawJson = (templates[i % templates.length] ?? '{}').replace(/"id":"[0-9a-f-]{36}"/, `"id":"${id}"`);
    return { process: parseProcessResponse(JSON.parse(rawJson)), rawJson, fetchedAt: Date.now() };
  });
}

function memory(): Record<string, number> {
  const collect = gc();
  const heap = (): number => {
    collect();
    collect();
    return process.memoryUsage().heapUsed;
  };
  const base = heap();
  const summaries = new Map<string, { ok: true; value: ReturnType<typeof resolvedOf> }>();
  // One body at a time, as Resolve All sees them: summarised, the body dropped.
  for (let i = 0; i < ROWS; i += 500) for (const f of bodies(500)) summaries.set(`${i}-${f.process.id}`, { ok: true, value: resolvedOf(f) });
  const withSummaries = heap();
  const kept = bodies(ROWS);
  const withBodies = heap();
  const mb = (b: number): number => round(b / (1024 * 1024), 2);
  const figures = {
    'triage: host memory growth, 10,000 summaries (MB, goal ≤ 100)': mb(withSummaries - base),
    'triage: host memory growth, 10,000 bodies instead (MB)': mb(withBodies - withSummaries),
  };
  if (summaries.size !== ROWS || kept.length !== ROWS) throw new Error('memory bench built the wrong number of rows');
  return figures;
}

function rows(): TriageRow[] {
  const states = ['PROCESS_STATE_FINISHED', 'PROCESS_STATE_CREATED', 'AWAITING_FOR_DOCUMENT', 'PROCESS_STATE_FAILED'];
  const flows = ['idunicodocs', 'idcheck', 'idlive', 'idtoken', 'idage'];
  return Array.from({ length: ROWS }, (_, i) => {
    const created = Date.UTC(2026, 2, 1) + i * 61_000;
    return {
      id: `${i.toString(16).padStart(8, '0')}-1c2d-4e5f-8a9b-${(i * 7919).toString(16).padStart(12, '0')}`,
      bucket: BUCKETS[i % 6] ?? 'ok',
      verdict: ['OK', 'Invalid identity', 'Expired', 'Pending', 'Not found', 'Error'][i % 6] ?? 'OK',
      state: states[i % states.length] ?? '',
      result: i % 3 ? 'PROCESS_RESULT_OK' : 'PROCESS_RESULT_INVALID_IDENTITY',
      flow: flows[i % flows.length] ?? '',
      created, createdText: new Date(created).toLocaleString('pt-BR'),
      finished: i % 4 ? created + 300_000 : null, finishedText: i % 4 ? new Date(created + 300_000).toLocaleString('pt-BR') : '',
      occurrences: 1 + (i % 9), line: i * 3 + 1, person: i % 2 ? 'A** S*****' : '',
    };
  });
}

function init(): TriageInit {
  const labels = Object.fromEntries(['filter', 'allStates', 'allFlows', 'exportCsv', 'exportJsonl', 'watchUnfinished', 'resolve', 'cancel',
    'reveal', 'hide', 'noRows', 'shown', 'openHint', 'lineHint', 'toolbar', 'counts'].map((k) => [k, k === 'shown' ? '{0} of {1} rows' : k])) as TriageInit['labels'];
  return {
    title: 'bench.log in Local emulator', profile: { label: 'Local emulator', production: false }, labels,
    bucketLabels: Object.fromEntries(BUCKETS.map((b) => [b, b])) as TriageInit['bucketLabels'],
    columnLabels: Object.fromEntries(COLUMNS.map((c) => [c, c])) as TriageInit['columnLabels'], canWatch: true,
  };
}

async function webview(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-triage-bench-'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? chromiumConfig.executablePath, headless: true, args: chromiumConfig.args });
  try {
    fs.copyFileSync(path.resolve('dist/triage.js'), path.join(dir, 'triage.js'));
    fs.copyFileSync(path.resolve('media/triage.css'), path.join(dir, 'triage.css'));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><link rel="stylesheet" href="triage.css"></head>
<body><main id="root"></main><script>window.acquireVsCodeApi = () => ({ postMessage: (m) => { if (m.type === 'ready') window.__ready = true; } });</script>
<script src="triage.js"></script></body></html>`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.waitForFunction('window.__ready === true');
    await page.evaluate((data) => { (globalThis as unknown as Record<string, unknown>).__bench = data; }, { init: init(), rows: rows() });
    // Page-side code as text: this file compiles without the DOM library.
    const firstPaint = await page.evaluate<number>(`(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const { init, rows } = window.__bench;
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'init', init } }));
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'rows', rows, replace: true } }));
      await frame();
      return performance.now() - t0;
    })()`);
    const domRows = await page.evaluate<number>(`document.querySelectorAll('.tr:not([hidden])').length`);
    const keystrokes = await page.evaluate<number[]>(`(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const input = document.querySelector('input.filter');
      const times = [];
      for (const text of ['i', 'id', 'idc', 'idch', 'idche', 'idchec', 'idcheck', 'idchec', 'idche', '', '0000', '00001', '']) {
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input'));
        await frame();
        times.push(performance.now() - t0);
      }
      return times;
    })()`);
    return {
      'triage: webview first paint, 10,000 rows (ms, goal ≤ 200)': round(firstPaint),
      'triage: webview filter keystroke, median (ms, goal ≤ 50)': round(median(keystrokes)),
      'triage: webview filter keystroke, worst of 13 (ms)': round(Math.max(...keystrokes)),
      'triage: row elements in the DOM for 10,000 rows': domRows,
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, number | string>> {
  return { ...(await webview()), ...memory() };
}
