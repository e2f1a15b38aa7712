// E2E tier: Playwright drives the real workbench (code-server + Debian Chromium).
//   pass 1  every test/e2e/*.spec.ts with the extension from the dev path
//   pass 2  smoke.spec.ts against the packaged extension: `npm run package`, the .vsix installed
//           with code-server's --install-extension into a temp extensions dir, no dev path, so a
//           broken .vscodeignore or a missing bundle fails here; before it, lib/vsix-contents.mjs
//           checks the .vsix's files (the user README, both languages, no developer material) and
//           the installed manifest (localised, with its walkthrough), one count per check
//   demo    demo-check.mjs: `npm run demo` serves a working editor and Ctrl+C leaves nothing behind
// Key screens land in test-results/<name>.png; --update-screenshots copies them to
// media/screenshots/ for the README (also after a run narrowed to some specs). Playwright's temp
// and transform-cache files go to a private TMPDIR that is removed at the end.
// Usage: node test/harness/run-e2e.mjs [--no-build] [--update-screenshots] [<playwright args>]
//   with Playwright arguments (a spec file, -g pattern, --debug…) only pass 1 runs, with them
import fs from 'node:fs';
import path from 'node:path';
import {
  ensureCodeServer, exitOnSignals, installVsix, isolatedEnv, makeTmp, reportCounts, RESULTS_DIR, ROOT, run, runNode, secs,
} from './lib/harness.mjs';
import { checkPackagedExtension } from './lib/vsix-contents.mjs';

exitOnSignals();
const argv = process.argv.slice(2);
const OWN = ['--no-build', '--update-screenshots'];
const extra = argv.filter((a) => !OWN.includes(a));
const t0 = Date.now();
const VSIX = path.join(ROOT, 'idcloud-process-lens.vsix');
const PLAYWRIGHT = path.join(ROOT, 'node_modules/@playwright/test/cli.js');
const CONFIG = path.join(ROOT, 'test/e2e/playwright.config.ts');

let passed = 0;
let failed = 0;
/** --update-screenshots: the key screens of this run (pass 1) to media/screenshots/ for the README. */
const copyScreenshots = () => {
  if (!argv.includes('--update-screenshots')) return;
  const dest = path.join(ROOT, 'media/screenshots');
  fs.mkdirSync(dest, { recursive: true });
  const shots = fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.png') && !f.endsWith('-vsix.png'));
  for (const f of shots) fs.copyFileSync(path.join(RESULTS_DIR, f), path.join(dest, f));
  console.log(`screenshots: ${shots.length} copied to ${path.relative(ROOT, dest)}/`);
};
const finish = () => {
  copyScreenshots();
  console.log(`e2e tier: ${secs(Date.now() - t0)}`);
  reportCounts(passed, failed);
  process.exit(failed ? 1 : 0);
};

if (!argv.includes('--no-build') && await runNode(path.join(ROOT, 'esbuild.mjs')) !== 0) {
  failed += 1;
  finish();
}
ensureCodeServer();
fs.mkdirSync(RESULTS_DIR, { recursive: true });
const { dir: tmp } = makeTmp('e2e');

/** One Playwright run; adds its counts (JSON reporter) to the totals. */
async function playwright(label, args, env = {}) {
  const s = Date.now();
  const json = path.join(tmp, `${label}.json`);
  const runTmp = path.join(tmp, label);
  // private XDG_* and TMPDIR for Playwright and the Chromium it launches (Crash Reports, dconf,
  // shm files, the transform cache); code-server gets its own from startCodeServer()
  const code = await runNode(PLAYWRIGHT, ['test', '-c', CONFIG, ...args], {
    env: isolatedEnv(runTmp, { HARNESS_PLAYWRIGHT_JSON: json, ...env }),
  });
  if (fs.existsSync(json)) {
    const { stats, errors = [] } = JSON.parse(fs.readFileSync(json, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + errors.length + (code !== 0 && !stats.unexpected && !errors.length ? 1 : 0);
  } else {
    failed += 1;
  }
  console.log(`e2e ${label}: exit code ${code}, ${secs(Date.now() - s)}`);
}

await playwright('dev', extra);
if (extra.length) finish();

// The packaged extension: build the production .vsix, install it, rerun the smoke spec.
let s = Date.now();
const packaged = await run('npm', ['run', '--silent', 'package']) === 0 && fs.existsSync(VSIX);
if (packaged) {
  const kb = fs.statSync(VSIX).size / 1024;
  console.log(`vsix: ${path.basename(VSIX)} ${kb.toFixed(1)} KB (goal ≤ 300 KB), packaged in ${secs(Date.now() - s)}`);
  s = Date.now();
  let extensionsDir;
  try {
    extensionsDir = installVsix(VSIX);
    console.log(`vsix installed in ${secs(Date.now() - s)}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    failed += 1;
  }
  if (extensionsDir) {
    for (const { name, problems } of checkPackagedExtension(VSIX, extensionsDir)) {
      console.log(`vsix: ${problems.length ? '✘' : '✓'} ${name}${problems.map((p) => `\n    ${p}`).join('')}`);
      if (problems.length) failed += 1;
      else passed += 1;
    }
    await playwright('vsix', ['smoke.spec.ts'], { HARNESS_EXTENSIONS_DIR: extensionsDir });
  }
} else {
  console.error('npm run package failed: the packaged pass did not run');
  failed += 1;
}

// `npm run demo` (web variant) opens a working editor and stops cleanly: demo-check.mjs
s = Date.now();
const demoSummary = path.join(tmp, 'demo.json');
const demoCode = await runNode(path.join(ROOT, 'test/harness/demo-check.mjs'), [], { env: { ...process.env, HARNESS_SUMMARY_FILE: demoSummary } });
if (fs.existsSync(demoSummary)) {
  const r = JSON.parse(fs.readFileSync(demoSummary, 'utf8'));
  passed += r.passed;
  failed += r.failed;
} else {
  failed += 1;
}
console.log(`e2e demo: exit code ${demoCode}, ${secs(Date.now() - s)}`);

finish();
