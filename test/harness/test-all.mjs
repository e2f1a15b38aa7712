// `npm test`: every tier in order, each timed, the counts of all of them summed into one last
// line "N passed, N failed". A failing tier does not stop the next (the counts stay complete)
// but makes the exit code non-zero; lint and type errors count as failures.
//   1 static  node esbuild.mjs --tests, eslint . --max-warnings 0, npm run typecheck,
//             l10n-bundle.mjs --check (the committed English string bundle matches the source),
//             house-check.mjs (no import cycle among src files, no src file over 300 lines)
//   2 unit    mocha --config test/unit/.mocharc.json (plain Node)
//   3 host    run-host-tests.mjs: mocha inside a real extension host (code-server installed on demand)
//   4 e2e     run-e2e.mjs: Playwright on the real workbench, then the smoke spec on the installed .vsix
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, exitOnSignals, makeTmp, processesWithEnv, ROOT, run, runNode, secs } from './lib/harness.mjs';

exitOnSignals();
const t0 = Date.now();
// everything started below inherits this mark; at the end no process may still carry it
const mark = randomUUID();
process.env.HARNESS_RUN_MARK = mark;
const { dir: tmp } = makeTmp('test-all');
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
const tiers = [];

/** Runs fn, which returns { passed, failed }; records and prints the tier's time. */
async function tier(name, fn) {
  console.log(`\n━━ ${name} ${'━'.repeat(Math.max(0, 70 - name.length))}`);
  const s = Date.now();
  let counts;
  try {
    counts = await fn();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    counts = { passed: 0, failed: 1 };
  }
  const ms = Date.now() - s;
  tiers.push({ name, ms, ...counts });
  console.log(`── ${name}: ${counts.passed} passed, ${counts.failed} failed, ${secs(ms)}`);
}

/**
 * A check step: 1 passed, or as many failures as `countErrors` finds in its output (at least 1).
 * Output is buffered and printed when the step ends, so steps can run side by side.
 */
async function check(label, cmd, args, countErrors) {
  const s = Date.now();
  let out = '';
  const code = await run(cmd, args, { onOutput: (d) => { out += d; } });
  process.stdout.write(out);
  if (code === 0) {
    console.log(`${label}: ok, ${secs(Date.now() - s)}`);
    return { passed: 1, failed: 0 };
  }
  const n = countErrors(out);
  console.error(`${label} failed${n ? ` with ${n} error(s)` : ''}, ${secs(Date.now() - s)}`);
  return { passed: 0, failed: Math.max(1, n) };
}

/** Reads the { passes, failures } or { passed, failed } a tier left in `file`. */
function countsFrom(file, code) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const passed = r.passed ?? r.passes;
  const failed = r.failed ?? r.failures;
  return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

// lint and type-check are single-threaded: side by side they use both cores of a 2-core machine
await tier('static: build, lint, type-check', async () => {
  const steps = await Promise.all([
    check('build', process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--tests'], (o) => (o.match(/✘ \[ERROR\]/g) ?? []).length),
    check('lint', bin('eslint'), ['.', '--max-warnings', '0'], (o) => Number(/✖ (\d+) problems?/.exec(o)?.[1] ?? 0)),
    check('type-check', 'npm', ['run', '--silent', 'typecheck'], (o) => (o.match(/error TS\d+/g) ?? []).length),
    check('l10n bundle', process.execPath, [path.join(ROOT, 'test/harness/l10n-bundle.mjs'), '--check'], () => 1),
    check('house', process.execPath, [path.join(ROOT, 'test/harness/house-check.mjs')], (o) => (o.match(/^✘ /gm) ?? []).length),
  ]);
  return { passed: steps.reduce((n, x) => n + x.passed, 0), failed: steps.reduce((n, x) => n + x.failed, 0) };
});

await tier('unit: mocha in Node', async () => {
  const file = path.join(tmp, 'unit.json');
  const code = await run(bin('mocha'), ['--config', 'test/unit/.mocharc.json', '--reporter', path.join(ROOT, 'test/harness/mocha-results.js')], {
    env: { ...process.env, HARNESS_RESULTS_FILE: file },
  });
  return countsFrom(file, code);
});

await tier('setup: code-server', async () => {
  ensureCodeServer();
  return { passed: 0, failed: 0 };
});

for (const [name, script] of [['host: mocha in the extension host', 'run-host-tests.mjs'], ['e2e: Playwright on the workbench', 'run-e2e.mjs']]) {
  await tier(name, async () => {
    const file = path.join(tmp, `${script}.json`);
    const code = await runNode(path.join(ROOT, 'test/harness', script), ['--no-build'], {
      env: { ...process.env, HARNESS_SUMMARY_FILE: file },
    });
    return countsFrom(file, code);
  });
}

await tier('cleanup: no process left behind', () => {
  const left = processesWithEnv('HARNESS_RUN_MARK', mark);
  for (const pid of left) {
    try {
      console.error(`left behind: ${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').slice(0, 200)}`);
      process.kill(pid, 'SIGKILL');
    } catch { /* gone meanwhile */ }
  }
  return { passed: left.length ? 0 : 1, failed: left.length ? 1 : 0 };
});

const passed = tiers.reduce((n, t) => n + t.passed, 0);
const failed = tiers.reduce((n, t) => n + t.failed, 0);
console.log('\n━━ summary');
for (const t of tiers) console.log(`  ${t.name.padEnd(40)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed  ${secs(t.ms).padStart(8)}`);
console.log(`  ${'total'.padEnd(40)} ${''.padStart(25)}${secs(Date.now() - t0).padStart(8)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
