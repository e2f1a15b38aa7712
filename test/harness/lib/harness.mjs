// The harness's shared half: an isolated code-server (VS Code 1.100.3) on 127.0.0.1, a headless
// Chromium, the workbench URL that loads our extension, and process-group bookkeeping so that
// nothing we start outlives us (normal exit, failure or Ctrl+C).
// Recipe: ../shared/harness/HARNESS.md. Types for the TypeScript side: harness.d.mts.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');
export const SAMPLE_LOG = path.join(WORKSPACE, 'sample.log');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** publisher.name, as VS Code identifies the extension (read from the manifest, never spelled out). */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
// must match install-code-server.sh
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(
  process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'vscode-harness',
  `code-server-${CODE_SERVER_VERSION}-node${process.versions.node.split('.')[0]}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
// shared with test/e2e/playwright.config.ts (which cannot import this module: see its build.external)
const chromium = createRequire(import.meta.url)('./chromium.json');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? chromium.executablePath;
export const CHROMIUM_ARGS = chromium.args;

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

// ---- process bookkeeping -------------------------------------------------------------------
// Every child we start runs in its own process group (detached), so ending the group ends the
// whole tree (code-server → extension host, pty host, file watcher). The exit hook is the net.
const liveGroups = new Map(); // pid → promise of its exit
const tmpDirs = new Set();
process.on('exit', () => {
  for (const pid of liveGroups.keys()) killGroup(pid, 'SIGKILL');
  if (!process.env.HARNESS_KEEP_TMP) for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** Resolves once no process of the group is left (or after 5 s). */
async function groupGone(pid) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    try { process.kill(-pid, 0); } catch { return; }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function track(child) {
  if (child.pid) liveGroups.set(child.pid, new Promise((r) => child.once('exit', r)));
}

/**
 * Standalone scripts: on Ctrl+C / SIGTERM / SIGHUP ask every group we started to stop (so that
 * Playwright closes its browsers and code-server its extension host), give them 5 s, then exit;
 * the exit hook above SIGKILLs whatever is left.
 */
// A process that imports this module without exitOnSignals() (a Playwright worker) would die on
// SIGTERM without running the exit hook, leaving its code-server behind: exit properly instead.
let handlingSignals = false;
for (const [sig, n] of [['SIGTERM', 15], ['SIGHUP', 1]]) process.on(sig, () => { if (!handlingSignals) process.exit(128 + n); });

let stopping = false;
/** True once exitOnSignals() began stopping everything (a child's exit is then expected). */
export const isStopping = () => stopping;

export function exitOnSignals() {
  handlingSignals = true;
  const stop = async () => {
    stopping = true;
    for (const pid of liveGroups.keys()) killGroup(pid, 'SIGTERM');
    await Promise.race([Promise.all(liveGroups.values()), new Promise((r) => setTimeout(r, 5000).unref())]);
    process.exit(130);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => void stop());
}

/**
 * Processes (other than this one) whose environment carries NAME=value: a run marks its env with
 * a unique value and checks, once stopped, that nothing it started is still alive.
 */
export function processesWithEnv(name, value) {
  const needle = `${name}=${value}\0`;
  const pids = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle)) pids.push(Number(pid));
    } catch { /* gone, or not ours to read */ }
  }
  return pids;
}

/** A temp dir removed when this process exits (or earlier through the returned remove()). */
export function makeTmp(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `idcloud-${prefix}-`));
  tmpDirs.add(dir);
  return { dir, remove: () => { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); tmpDirs.delete(dir); } };
}

/**
 * Run a command in its own process group, output inherited (or piped through onOutput).
 * Resolves to its exit code; the group is killed if we exit first. A signal death counts as 1.
 */
export function run(cmd, args, { env, cwd = ROOT, onOutput } = {}) {
  const child = spawn(cmd, args, {
    cwd, env: env ?? process.env, detached: true, stdio: ['ignore', onOutput ? 'pipe' : 'inherit', onOutput ? 'pipe' : 'inherit'],
  });
  track(child);
  if (onOutput) {
    child.stdout.on('data', (d) => onOutput(d, process.stdout));
    child.stderr.on('data', (d) => onOutput(d, process.stderr));
  }
  return new Promise((resolve) => {
    child.once('error', (e) => { console.error(`${cmd}: ${e.message}`); liveGroups.delete(child.pid); resolve(1); });
    child.once('close', (code) => {
      killGroup(child.pid, 'SIGKILL'); // grandchildren left in the group
      liveGroups.delete(child.pid);
      resolve(code ?? 1);
    });
  });
}

/** Node script in its own process group. */
export const runNode = (script, args = [], options = {}) => run(process.execPath, [script, ...args], options);

/** Installs code-server into the cache on first use (about 90 s); a no-op afterwards. */
export function ensureCodeServer() {
  if (fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(path.join(CODE_SERVER_DIR, '.installed'))) return;
  const r = spawnSync('bash', [path.join(ROOT, 'test/harness/install-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('installing code-server failed (see above)');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** XDG_* and TMPDIR under `dir`, so neither code-server nor Chromium writes to $HOME or /tmp. */
export function isolatedEnv(dir, extra = {}) {
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    XDG_STATE_HOME: path.join(dir, 'xdg-state'),
    XDG_RUNTIME_DIR: path.join(dir, 'xdg-runtime'),
    TMPDIR: path.join(dir, 'tmp'),
    // resolved from the real XDG_CACHE_HOME: children must find the same code-server
    CODE_SERVER_DIR,
    ...extra,
  };
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR']) {
    fs.mkdirSync(env[k], { recursive: true, mode: 0o700 });
  }
  return env;
}

/** The env every extension host gets (tests read these to find the repo and the workspace). */
function hostEnv(env) {
  return { HARNESS_ROOT: ROOT, HARNESS_WORKSPACE: WORKSPACE, ...env };
}

function codeServerArgs(tmp, userData, extDir, workspaceTrust = false) {
  return [
    CODE_SERVER_ENTRY,
    '--config', path.join(tmp, 'config.yaml'),
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extDir,
  ];
}

/**
 * The display language, offline. code-server 4.100.3 picks the workbench language from --locale
 * (then argv.json "locale", a cookie, Accept-Language), but only switches when an installed
 * language pack contributes that language: without one the workbench, and so the extension host
 * (vscode.env.language), stay in English. A language pack can't be downloaded here, so the harness
 * installs its own minimal one (test/harness/lib/<locale>-pack: a few workbench strings, the rest
 * falls back to English) with code-server's CLI, and starts code-server with --locale.
 */
async function installLanguagePack(locale, userData, extDir) {
  const pack = path.join(ROOT, 'test/harness/lib', `${locale}-pack`);
  if (!fs.existsSync(pack)) throw new Error(`no language pack for ${locale} in ${pack}`);
  const vsix = path.join(path.dirname(userData), `${locale}-pack.vsix`);
  const { createVSIX } = await import('@vscode/vsce');
  await createVSIX({ cwd: pack, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
  const r = spawnSync(process.execPath, [...codeServerArgs(path.dirname(userData), userData, extDir), '--install-extension', vsix], {
    env: isolatedEnv(path.dirname(userData)), encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing the ${locale} language pack failed:\n${r.stdout}${r.stderr}`);
  // code-server writes languagepacks.json only when a client asks for the installed languages;
  // the page's language is resolved from it before that, so write the entry it would write.
  const installed = fs.readdirSync(extDir).find((d) => d.startsWith(`idcloud-harness.harness-${locale}-pack-`));
  const pkg = JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8'));
  const entry = pkg.contributes.localizations[0];
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `harness-${pkg.version}`,
      extensions: [{ extensionIdentifier: { id: `${pkg.publisher}.${pkg.name}` }, version: pkg.version }],
      translations: { vscode: path.join(extDir, installed, entry.translations[0].path) },
      label: entry.localizedLanguageName,
    },
  }));
  return ['--locale', locale];
}

/**
 * Test-only extensions (folders under test/fixtures with a package.json and plain JavaScript),
 * packed and installed with code-server's CLI like the language pack. The workbench URL cannot
 * load them as a second development path: code-server reads its payload into a Map, so only the
 * last `extensionDevelopmentPath` survives.
 */
async function installFolderExtensions(folders, userData, extDir) {
  const { createVSIX } = await import('@vscode/vsce');
  for (const folder of folders) {
    const vsix = path.join(path.dirname(userData), `${path.basename(folder)}.vsix`);
    await createVSIX({ cwd: folder, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
    const r = spawnSync(process.execPath, [...codeServerArgs(path.dirname(userData), userData, extDir), '--install-extension', vsix], {
      env: isolatedEnv(path.dirname(userData)), encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`installing the test extension ${folder} failed:\n${r.stdout}${r.stderr}`);
  }
}

/**
 * Start code-server on 127.0.0.1 with throw-away user data, extensions and XDG dirs.
 * `env` reaches the extension host's process.env. Resolves once /healthz answers.
 */
export async function startCodeServer({ env = {}, extensionsDir, settings = {}, port, locale, log = !!process.env.HARNESS_LOG, workspaceTrust = false, testExtensions = [] } = {}) {
  ensureCodeServer();
  const { dir: tmp, remove } = makeTmp('cs');
  const userData = path.join(tmp, 'user-data');
  const extDir = extensionsDir ?? path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  const localeArgs = locale ? await installLanguagePack(locale, userData, extDir) : [];
  await installFolderExtensions(testExtensions, userData, extDir);
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}), ...settings }, null, 2));
  const bindPort = port ?? await freePort();
  fs.writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${bindPort}\nauth: none\ncert: false\n`);
  const child = spawn(process.execPath, [...codeServerArgs(tmp, userData, extDir, workspaceTrust), ...localeArgs, '--bind-addr', `127.0.0.1:${bindPort}`], {
    env: isolatedEnv(tmp, hostEnv(env)), detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  const onData = (d) => { output += d; if (log) process.stderr.write(`[code-server] ${d}`); };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((r) => child.once('exit', r));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid, 'SIGTERM');
      const t = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
    killGroup(child.pid, 'SIGKILL'); // the extension host may outlive the server by a moment
    await groupGone(child.pid);
    liveGroups.delete(child.pid);
    if (!process.env.HARNESS_KEEP_TMP) remove();
  };

  const base = `http://127.0.0.1:${bindPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) { await stop(); throw new Error(`code-server exited early:\n${output}`); }
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not start in 60 s:\n${output}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port: bindPort, base, authority: `127.0.0.1:${bindPort}`, tmp, userData, extDir, exited, stop, output: () => output };
}

/** Install a .vsix into a fresh extensions dir with code-server's own CLI; returns that dir. */
export function installVsix(vsix) {
  ensureCodeServer();
  const { dir } = makeTmp('vsix');
  const extDir = path.join(dir, 'extensions');
  const r = spawnSync(process.execPath, [...codeServerArgs(dir, path.join(dir, 'user-data'), extDir), '--install-extension', vsix], {
    env: isolatedEnv(dir), encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
  return extDir;
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  // Chromium writes "Crash Reports", dconf and shm files under XDG dirs and TMPDIR even with a
  // throw-away profile: point them at a temp dir that goes away with the browser.
  const { dir, remove } = makeTmp('chromium');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, env: isolatedEnv(dir), args: CHROMIUM_ARGS });
  browser.on('disconnected', remove);
  return browser;
}

/** Workbench URL for a folder, optionally loading extensions from a dev path, running tests, opening a file. */
export function workbenchUrl(server, { folder = WORKSPACE, extensionDevelopmentPath, extensionTestsPath, openFile } = {}) {
  const remote = (p) => `vscode-remote://${server.authority}${p.split('/').map(encodeURIComponent).join('/')}`;
  const payload = [];
  for (const p of [].concat(extensionDevelopmentPath ?? [])) payload.push(['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${server.base}/?${q}`;
}

/**
 * Run an extensionTestsPath module inside code-server's Node extension host. The workbench runs
 * the module's run() and reports through window.codeAutomationExit(code) (0 resolved, 1 rejected);
 * the host's console arrives through window.codeAutomationLog. Resolves to that code (1 on timeout).
 */
export async function runExtensionTests({
  extensionDevelopmentPath, extensionTestsPath, folder = WORKSPACE, env = {},
  timeoutMs = Number(process.env.HARNESS_TEST_TIMEOUT_MS ?? 300_000), onLog = hostLog,
}) {
  const server = await startCodeServer({ env });
  let browser;
  let timer;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    if (process.env.HARNESS_LOG) page.on('console', (m) => console.error(`[browser:${m.type()}] ${m.text()}`));
    await page.exposeFunction('codeAutomationLog', (level, args) => onLog(level, args));
    const exited = new Promise((resolve) => { void page.exposeFunction('codeAutomationExit', resolve); });
    // a loaded machine may need longer than Playwright's 30 s to serve the workbench page
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }),
      { timeout: Number(process.env.HARNESS_GOTO_TIMEOUT_MS ?? 120_000) });
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => { console.error(`extension tests timed out after ${timeoutMs} ms`); resolve(1); }, timeoutMs);
    });
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close();
    await server.stop();
  }
}

// Workbench log lines arrive as ['%c INFO', 'color: …', fmt, ...args]: strip the styling, apply
// the printf-style format (mocha uses %s, %d) and drop the workbench's own offline chatter.
const NOISE = /ENOTFOUND|open-vsx|Creating a socket|ChatSessionStore|\[Service Worker\]|connection token|additional builtin extensions|Extension host \(Remote\) is /;
function hostLog(level, args) {
  if (!['info', 'warn', 'error'].includes(level)) return;
  const a = Array.isArray(args) ? [...args] : [args];
  if (typeof a[0] === 'string' && a[0].startsWith('%c')) a.splice(0, 2);
  const line = util.format(...a);
  if (NOISE.test(line)) return;
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

/** "12.3 s" */
export const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Where a tier script reports its counts for test-all.mjs (and prints the plain summary line). */
export function reportCounts(passed, failed) {
  if (process.env.HARNESS_SUMMARY_FILE) fs.writeFileSync(process.env.HARNESS_SUMMARY_FILE, JSON.stringify({ passed, failed }));
  console.log(`${passed} passed, ${failed} failed`);
}
