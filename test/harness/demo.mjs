// `npm run demo`: the product on the built-in IDCloud emulator, no credentials needed.
// Builds the extension, then opens VS Code with it loaded, on the sample workspace with
// sample.log open. A fresh profile starts on the default "Local emulator" profile; the
// extension starts its in-process emulator on the first lookup. The emulator runs in synthetic
// mode (idcloud.emulator.synthetic: any UUID resolves to a generated process), and a generated
// log of 5,000 process IDs (triage-sample.log, deleted when the demo stops) sits next to
// sample.log, so whole-log triage can be tried at once.
//   - a desktop `code` on the PATH: code --extensionDevelopmentPath=<repo> <workspace> <sample.log>
//   - otherwise: code-server on 127.0.0.1 (a free port, or DEMO_PORT) and the URL to open;
//     Ctrl+C stops everything this started.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitOnSignals, isStopping, ROOT, runNode, run, SAMPLE_LOG, startCodeServer, workbenchUrl, WORKSPACE } from './lib/harness.mjs';

exitOnSignals();
if (await runNode(path.join(ROOT, 'esbuild.mjs')) !== 0) process.exit(1);

const desktop = !process.env.DEMO_WEB && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
/** Desktop VS Code outlives this script, so its log goes to the temp dir; the web demo's is removed on exit. */
const triageLog = desktop ? path.join(os.tmpdir(), 'idcloud-triage-sample.log') : path.join(WORKSPACE, 'triage-sample.log');
if (await runNode(path.join(ROOT, 'dist/sample-log.js'), ['--out', triageLog, '--ids', '5000', '--seed', '1']) !== 0) process.exit(1);
if (desktop) {
  console.log(`Opening VS Code with IDCloud Process Lens loaded from this folder…
For whole-log triage against the emulator, set "idcloud.emulator.synthetic": true in your user settings
(the desktop demo uses your own settings) and open ${triageLog}.`);
  process.exit(await run('code', [`--extensionDevelopmentPath=${ROOT}`, WORKSPACE, SAMPLE_LOG, triageLog]));
}
process.on('exit', () => { fs.rmSync(triageLog, { force: true }); });

const port = process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : undefined;
const server = await startCodeServer({ port, settings: { 'idcloud.emulator.synthetic': true } });
const url = workbenchUrl(server, { folder: WORKSPACE, extensionDevelopmentPath: ROOT, openFile: SAMPLE_LOG });
console.log(`
IDCloud Process Lens demo: VS Code (code-server) on 127.0.0.1:${server.port}, Local emulator profile.
Open this URL in a browser on this machine:

  ${url}

Hover a process ID in sample.log, click a code lens, or run "IDCloud: Look Up Process…" (F1).
triage-sample.log holds 5,000 process IDs; in this demo the emulator answers any of them
(synthetic mode), so "Find Process IDs in File…" and whole-log triage work on it.
Press Ctrl+C to stop.`);
console.log(`DEMO_URL=${url}`);
const code = await server.exited;
if (!isStopping()) {
  console.error(`code-server stopped unexpectedly (exit code ${code})`);
  process.exit(1);
}
