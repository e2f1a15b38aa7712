// Host tier: the mocha suites in test/host run inside a real VS Code extension host, started
// through @vscode/test-electron's runTests. With VSCODE_EXECUTABLE (a desktop VS Code) that is
// used as is; otherwise code-shim.mjs runs them in code-server's Node extension host.
// Usage: node test/harness/run-host-tests.mjs [--no-build]
// The host gets this process's env plus HARNESS_RESULTS_FILE, HARNESS_ROOT, HARNESS_WORKSPACE.
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureCodeServer, exitOnSignals, makeTmp, reportCounts, ROOT, runNode, secs, WORKSPACE } from './lib/harness.mjs';

exitOnSignals();
const t0 = Date.now();
if (!process.argv.includes('--no-build') && await runNode(path.join(ROOT, 'esbuild.mjs'), ['--tests']) !== 0) {
  reportCounts(0, 1);
  process.exit(1);
}
const desktop = process.env.VSCODE_EXECUTABLE;
if (!desktop) ensureCodeServer();

const { dir } = makeTmp('host');
const resultsFile = path.join(dir, 'results.json');
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: desktop ?? path.join(ROOT, 'test/harness/code-shim.mjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist-test/host/index.js'),
    launchArgs: [WORKSPACE, '--disable-extensions'],
    extensionTestsEnv: { HARNESS_RESULTS_FILE: resultsFile, HARNESS_ROOT: ROOT, HARNESS_WORKSPACE: WORKSPACE },
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e); // TestRunFailedError: the failures are listed above
}

// The runner (test/host/index.ts) writes its counts to a file, so the summary never depends on
// parsing forwarded console output. No file means the suites never ran: one failure.
let passed = 0;
let failed = 1;
if (fs.existsSync(resultsFile)) {
  ({ passes: passed, failures: failed } = JSON.parse(fs.readFileSync(resultsFile, 'utf8')));
} else {
  console.error('the extension host wrote no results (did the extension or dist-test/host/index.js load?)');
}
if (code !== 0 && failed === 0) failed = 1; // run() rejected outside any test
console.log(`host tier: ${desktop ? `VS Code at ${desktop}` : 'code-server extension host'}, exit code ${code}, ${secs(Date.now() - t0)}`);
reportCounts(passed, failed);
process.exit(code === 0 && failed === 0 ? 0 : 1);
