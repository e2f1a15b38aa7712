// `npm run demo`: the product on the built-in IDCloud emulator, no credentials needed.
// Builds the extension, then opens VS Code with it loaded, on the sample workspace with
// sample.log open. A fresh profile starts on the default "Local emulator" profile; the
// extension starts its in-process emulator on the first lookup.
//   - a desktop `code` on the PATH: code --extensionDevelopmentPath=<repo> <workspace> <sample.log>
//   - otherwise: code-server on 127.0.0.1 (a free port, or DEMO_PORT) and the URL to open;
//     Ctrl+C stops everything this started.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { exitOnSignals, isStopping, ROOT, runNode, run, SAMPLE_LOG, startCodeServer, workbenchUrl, WORKSPACE } from './lib/harness.mjs';

exitOnSignals();
if (await runNode(path.join(ROOT, 'esbuild.mjs')) !== 0) process.exit(1);

const desktop = !process.env.DEMO_WEB && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (desktop) {
  console.log('Opening VS Code with IDCloud Process Lens loaded from this folder…');
  process.exit(await run('code', [`--extensionDevelopmentPath=${ROOT}`, WORKSPACE, SAMPLE_LOG]));
}

const port = process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : undefined;
const server = await startCodeServer({ port });
const url = workbenchUrl(server, { folder: WORKSPACE, extensionDevelopmentPath: ROOT, openFile: SAMPLE_LOG });
console.log(`
IDCloud Process Lens demo: VS Code (code-server) on 127.0.0.1:${server.port}, Local emulator profile.
Open this URL in a browser on this machine:

  ${url}

Hover a process ID in sample.log, click a code lens, or run "IDCloud: Look Up Process…" (F1).
Press Ctrl+C to stop.`);
console.log(`DEMO_URL=${url}`);
const code = await server.exited;
if (!isStopping()) {
  console.error(`code-server stopped unexpectedly (exit code ${code})`);
  process.exit(1);
}
