// Proves `npm run demo` (web variant): starts demo.mjs, opens the URL it prints in headless
// Chromium, waits for the workbench with sample.log open and the extension's profile item in the
// status bar, saves test-results/demo.png, stops the demo with Ctrl+C (SIGINT) and checks that
// nothing it started is still running. Prints "N passed, N failed".
// Usage: node test/harness/demo-check.mjs
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { exitOnSignals, launchChromium, processesWithEnv, reportCounts, RESULTS_DIR, ROOT, secs } from './lib/harness.mjs';

exitOnSignals();
const t0 = Date.now();
const mark = randomUUID();
const demo = spawn(process.execPath, [path.join(ROOT, 'test/harness/demo.mjs')], {
  cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, DEMO_WEB: '1', HARNESS_RUN_MARK: mark },
});
const demoExit = new Promise((r) => demo.once('exit', (code, signal) => r(code ?? signal)));
process.on('exit', () => { try { process.kill(-demo.pid, 'SIGKILL'); } catch { /* gone */ } });

const url = await new Promise((resolve, reject) => {
  let out = '';
  demo.stdout.on('data', (d) => {
    out += d;
    const m = /^DEMO_URL=(\S+)$/m.exec(out);
    if (m) resolve(m[1]);
  });
  void demoExit.then((code) => reject(new Error(`demo exited (${code}) before printing its URL:\n${out}`)));
});
console.log(`demo up in ${secs(Date.now() - t0)}: ${url}`);

let ok = false;
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(url);
  await page.locator('.tabs-container .tab', { hasText: 'sample.log' }).waitFor();
  await page.locator('.statusbar-item', { hasText: 'Local emulator' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS_DIR, 'demo.png') });
  ok = true;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  await browser.close();
}

process.kill(-demo.pid, 'SIGINT');
const code = await demoExit;
const left = processesWithEnv('HARNESS_RUN_MARK', mark);
console.log(`demo stopped by SIGINT (exit ${code}); processes left: ${left.length ? left.join(' ') : 'none'}; ${secs(Date.now() - t0)}`);
if (left.length) ok = false;
reportCounts(ok ? 1 : 0, ok ? 0 : 1);
process.exit(ok ? 0 : 1);
