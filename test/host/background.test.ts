// Background traffic (DESIGN.md §15) in the real extension host: hovers and lenses make no request
// for a profile without credentials or a production one (confirmed or not), and say so with one
// lens at the top; an explicit lookup still goes. Requests are counted by a forwarding proxy in
// front of an emulator the test owns, so "no request" means none reached the network.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { isIdCloudError } from '../../src/core/errors';
import { Commands } from '../../src/editor/commandIds';
import { rawJsonUri } from '../../src/editor/commands/rawJson';
import type { ExtensionApi } from '../../src/extension';
import { REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, type RunningEmulator } from '../../src/emulator';
import { extensionApi, setSetting } from './api';
import { emulatorProfile, serviceAccount, setCustomProfiles, storeCredentials } from './profileFixtures';
import { pid } from '../unit/pid.helpers';

const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);

const UNKNOWN = pid('0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11');
const OTHER = pid('c805fbe8-8c64-4080-a67b-8ce2add47a51');

/** Forwards every request to `target` and records its path (every API request of the profiles under test). */
async function countingProxy(target: string): Promise<{ base: string; paths: string[]; close(): Promise<void> }> {
  const to = new URL(target);
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    const forward = http.request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${String(port)}`,
    paths,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => { resolve(); });
    }),
  };
}

function through(url: string, proxyBase: string): string {
  const u = new URL(url);
  return `${proxyBase}${u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '')}`;
}

async function resolvedLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
  return all.filter((l) => l.command?.command.startsWith('idcloud.') === true || l.command?.command === 'workbench.trust.manage');
}

function text(content: unknown): string {
  if (typeof content === 'string') return content;
  return typeof content === 'object' && content !== null && 'value' in content && typeof content.value === 'string' ? content.value : '';
}

async function hoverText(doc: vscode.TextDocument, line: number, character: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  return hovers.flatMap((h) => h.contents.map(text)).join('\n');
}

describe('background traffic: hovers and lenses stay quiet where they cannot or must not look up', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let log: vscode.TextDocument;

  before(async () => {
    api = await extensionApi();
    const owned = await emulatorProfile('counted');
    emulator = owned.emulator;
    proxy = await countingProxy(emulator.apiBaseUrl);
    // the API through the counter; the identity host directly (the token's audience is the emulator's own URL)
    const urls = { apiBaseUrl: through(emulator.apiBaseUrl, proxy.base), identityUrl: emulator.identityUrl };
    await setCustomProfiles(api, [
      { id: 'counted', label: 'Counted', ...urls },
      { id: 'countedprod', label: 'Counted production', production: true, ...urls },
    ], ['counted', 'countedprod']);
    log = await vscode.workspace.openTextDocument({
      language: 'log',
      content: ['header', `a ${REFERENCE_EXAMPLE_ID}`, `b ${UNKNOWN}`, `c ${OTHER}`].join('\n'),
    });
  });

  after(async () => {
    await api.profiles.setActive('emulator');
    await setSetting('confirmProduction', undefined);
    await api.credentials.clear('counted');
    await api.credentials.clear('countedprod');
    await setCustomProfiles(api, [], []);
    await proxy.close();
    await emulator.close();
  });

  it('a profile without credentials: no request, one lens at the top that sets them, a hover that says so', async () => {
    await api.profiles.setActive('counted');
    const found = await resolvedLenses(log);
    assert.strictEqual(found.length, 1, found.map((l) => l.command?.title).join(' | '));
    const [top] = found;
    assert.strictEqual(top?.range.start.line, 0);
    assert.strictEqual(top.command?.title, '$(key) Counted has no credentials — Set Credentials…');
    assert.strictEqual(top.command.command, Commands.setCredentials);
    assert.deepStrictEqual(top.command.arguments, ['counted']);
    const md = await hoverText(log, 1, 5);
    assert.match(md, /Counted has no credentials/);
    assert.deepStrictEqual(proxy.paths, []);
  });

  it('an explicit lookup without credentials fails before any production confirmation is asked', async () => {
    await setSetting('confirmProduction', true);
    assert.strictEqual(api.lookups.needsConfirmation('countedprod'), true);
    // were the modal asked, nothing would answer it and this would never settle
    const error = await api.lookups.get({ id: REFERENCE_EXAMPLE_ID, profileId: 'countedprod' }).then(() => undefined, (e: unknown) => e);
    assert.ok(isIdCloudError(error) && error.kind === 'unauthorized', String(error));
    assert.strictEqual(api.lookups.needsConfirmation('countedprod'), true);
    assert.deepStrictEqual(proxy.paths, []);
  });

  it('production, with credentials and confirmed: lenses and hovers make no request; an explicit lookup does, and its answer shows', async () => {
    await storeCredentials(api, 'countedprod', serviceAccount(emulator));
    await setSetting('confirmProduction', false); // as if confirmed in this window
    await api.profiles.setActive('countedprod');
    const found = await resolvedLenses(log);
    assert.deepStrictEqual(found.map((l) => [l.range.start.line, l.command?.command]), [[0, Commands.resolveAll]]);
    assert.match(found[0]?.command?.title ?? 'none', /Counted production: lookups only on request/);
    assert.match(await hoverText(log, 1, 5), /only what you ask for/);
    // a process document opened from a link, not through Open Raw JSON: it says why instead of fetching
    const raw = await vscode.workspace.openTextDocument(rawJsonUri({ id: OTHER, profileId: 'countedprod' }));
    assert.match(raw.getText(), /^\/\/ Production processes are looked up only on request\./);
    assert.deepStrictEqual(proxy.paths, []);

    const fetched = await api.lookups.get({ id: REFERENCE_EXAMPLE_ID, profileId: 'countedprod' });
    assert.strictEqual(fetched.process.id, REFERENCE_EXAMPLE_ID);
    const afterExplicit = proxy.paths.length;
    assert.ok(afterExplicit > 0, 'the explicit lookup made no request');
    const again = await resolvedLenses(log);
    assert.deepStrictEqual(again.map((l) => l.range.start.line), [0, 1], 'the cached answer gets its lens');
    assert.match(again[1]?.command?.title ?? 'none', /OK — .*risk score 85\.5 · idunicosign/);
    assert.match(await hoverText(log, 1, 5), /\*\*OK — Identity verification inconclusive/);
    assert.match(await hoverText(log, 2, 5), /only what you ask for/);
    assert.strictEqual(proxy.paths.length, afterExplicit, `background requests: ${proxy.paths.slice(afterExplicit).join(', ')}`);
  });

  it('the same profile without production: lenses look up each ID once, and an unsettled or failed one is not asked again', async () => {
    await storeCredentials(api, 'counted', serviceAccount(emulator));
    await api.profiles.setActive('counted');
    const earlier = proxy.paths.length;
    const processRequests = (): string[] => proxy.paths.slice(earlier).filter((p) => p.includes('/process/'));
    const found = await resolvedLenses(log);
    assert.strictEqual(found.length, 3);
    const first = processRequests().length;
    assert.strictEqual(first, 3, processRequests().join(', '));
    for (let i = 0; i < 3; i++) await resolvedLenses(log);
    await hoverText(log, 2, 5);
    assert.strictEqual(processRequests().length, first, 'lenses or hovers asked again');
  });
});
