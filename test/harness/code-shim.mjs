#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// test-electron spawns it with desktop flags; we run the same tests in code-server's Node
// extension host (driven by headless Chromium) and exit with their result (0 passed, 1 failed).
import path from 'node:path';
import { exitOnSignals, runExtensionTests } from './lib/harness.mjs';

exitOnSignals();

const devPaths = [];
let testsPath;
let folder;
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/.exec(arg);
  if (m?.[1] === 'extensionDevelopmentPath') devPaths.push(path.resolve(m[2]));
  else if (m?.[1] === 'extensionTestsPath') testsPath = path.resolve(m[2]);
  else if (!arg.startsWith('-')) folder = path.resolve(arg);
  // the rest (--no-sandbox, --disable-updates, --user-data-dir=…, --extensions-dir=…) has no
  // meaning here: code-server gets a throw-away profile and extensions dir of its own
}
if (!devPaths.length || !testsPath) {
  console.error('code-shim: needs --extensionDevelopmentPath=… and --extensionTestsPath=…');
  process.exit(2);
}
let code = 1;
try {
  code = await runExtensionTests({ extensionDevelopmentPath: devPaths, extensionTestsPath: testsPath, folder });
} catch (e) {
  console.error(e);
}
process.exit(code);
