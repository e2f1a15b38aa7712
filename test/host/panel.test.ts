// The process panel's host side in a real extension host, against the real emulator through the
// real profile/lookup services: the webview messages (ready handshake, reveal, refresh, open PDF,
// selfie, evidence set, save, malformed input), the view model of every fixture, and the hostile
// fixture's strings passed on untouched (as text) while personal data stays masked.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import * as network from '../../src/core/network';
import { webSdkProcess } from '../../src/core/fetched';
import type { FetchedProcess } from '../../src/core/types';
import { Commands } from '../../src/editor/commandIds';
import { documentUrl, reachableUrl } from '../../src/editor/panel/files';
import { PanelController } from '../../src/editor/panel/controller';
import type { PanelDeps } from '../../src/editor/panel';
import { buildViewModel } from '../../src/editor/panel/viewModel';
import { CredentialStore } from '../../src/editor/profiles/credentials';
import { EmulatorHost } from '../../src/editor/session/emulatorHost';
import { BackgroundPolicy } from '../../src/editor/session/backgroundPolicy';
import { LookupService } from '../../src/editor/session/lookupService';
import { PrivacyState } from '../../src/editor/session/privacy';
import { ProfileService } from '../../src/editor/profiles/profileService';
import * as emulator from '../../src/emulator/index';
import { REFERENCE_EXAMPLE } from '../../src/emulator/reference';
import type { HostMessage, ViewModel } from '../../src/protocol';
import { EXTENSION_ID } from './api';
import { pid } from '../unit/pid.helpers';

const EMULATOR = 'emulator';
const ref = (id: string) => ({ id: pid(id), profileId: EMULATOR });
const REFERENCE = ref(emulator.REFERENCE_EXAMPLE_ID);
const HOSTILE = ref(emulator.HOSTILE_PROCESS_ID);

class MemoryMemento implements vscode.Memento {
  private readonly map = new Map<string, unknown>();
  keys(): readonly string[] { return [...this.map.keys()]; }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- vscode.Memento's own overload
  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined { return this.map.has(key) ? (this.map.get(key) as T) : defaultValue; }
  update(key: string, value: unknown): Thenable<void> { this.map.set(key, value); return Promise.resolve(); }
}

class MemorySecrets implements vscode.SecretStorage {
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;
  private readonly map = new Map<string, string>();
  get(key: string): Thenable<string | undefined> { return Promise.resolve(this.map.get(key)); }
  store(key: string, value: string): Thenable<void> { this.map.set(key, value); return Promise.resolve(); }
  delete(key: string): Thenable<void> { this.map.delete(key); return Promise.resolve(); }
}

/** A log that remembers its lines, so tests can see what was logged (and what was not). */
class RecordingLog implements vscode.LogOutputChannel {
  readonly name = 'panel test';
  readonly logLevel = vscode.LogLevel.Trace;
  readonly onDidChangeLogLevel = new vscode.EventEmitter<vscode.LogLevel>().event;
  readonly lines: string[] = [];
  trace(m: string): void { this.lines.push(`trace ${m}`); }
  debug(m: string): void { this.lines.push(`debug ${m}`); }
  info(m: string): void { this.lines.push(`info ${m}`); }
  warn(m: string): void { this.lines.push(`warn ${m}`); }
  error(m: string | Error): void { this.lines.push(`error ${String(m)}`); }
  append(): void { /* unused */ }
  appendLine(): void { /* unused */ }
  replace(): void { /* unused */ }
  clear(): void { /* unused */ }
  show(): void { /* unused */ }
  hide(): void { /* unused */ }
  dispose(): void { /* unused */ }
}

interface Harness {
  readonly deps: PanelDeps & { readonly log: RecordingLog };
  readonly opened: string[];
  readonly saveTo: { uri: vscode.Uri | undefined; queue: vscode.Uri[] };
  readonly errors: { readonly shown: string[][]; pickFirst: boolean };
  readonly clock: { offsetMs: number };
  dispose(): void;
}

function makeHarness(): Harness {
  const log = new RecordingLog();
  const host = new EmulatorHost(() => emulator, log);
  const profiles = new ProfileService(new MemoryMemento(), log, host.onDidStart);
  const credentials = new CredentialStore(new MemorySecrets());
  const background = new BackgroundPolicy({ profile: (id) => profiles.profile(id), credentials, onDidChangeProfiles: profiles.onDidChangeProfiles });
  const lookups = new LookupService({ profiles, credentials, emulator: host, loadNetwork: () => network, log, background });
  const privacy = new PrivacyState();
  const opened: string[] = [];
  /** What the save dialog answers: `queue` first, then `uri`. */
  const saveTo: { uri: vscode.Uri | undefined; queue: vscode.Uri[] } = { uri: undefined, queue: [] };
  /** The error messages shown, and whether the user picks their first button. */
  const errors: { shown: string[][]; pickFirst: boolean } = { shown: [], pickFirst: false };
  const clock = { offsetMs: 0 };
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const deps = {
    extensionUri: ext?.extensionUri ?? vscode.Uri.file(process.cwd()),
    lookups, privacy, log,
    openExternal: (url: string) => { opened.push(url); return Promise.resolve(true); },
    showSaveDialog: () => Promise.resolve(saveTo.queue.shift() ?? saveTo.uri),
    showErrorMessage: (message: string, ...items: string[]) => { errors.shown.push([message, ...items]); return Promise.resolve(errors.pickFirst ? items[0] : undefined); },
    now: () => Date.now() + clock.offsetMs,
  };
  return {
    deps, opened, saveTo, errors, clock,
    dispose: () => { privacy.dispose(); lookups.dispose(); host.dispose(); credentials.dispose(); profiles.dispose(); },
  };
}

/** A controller whose posts are recorded; `next(predicate)` waits for the first matching render. */
function makePanel(h: Harness, r = REFERENCE) {
  const views: ViewModel[] = [];
  const waiters: { test: (v: ViewModel) => boolean; resolve: (v: ViewModel) => void }[] = [];
  const controller = new PanelController(r, h.deps, (m: HostMessage) => {
    views.push(m.view);
    for (const w of waiters.splice(0)) {
      if (w.test(m.view)) w.resolve(m.view);
      else waiters.push(w);
    }
  });
  const next = (test: (v: ViewModel) => boolean): Promise<ViewModel> => {
    const done = views.find(test);
    return done ? Promise.resolve(done) : new Promise((resolve) => waiters.push({ test, resolve }));
  };
  const last = (): ViewModel => { const v = views.at(-1); assert.ok(v, 'nothing rendered'); return v; };
  return { controller, views, next, last };
}

function field(view: ViewModel, group: string, label: string): string | undefined {
  return view.process?.groups.find((g) => g.id === group)?.fields.find((f) => f.label === label)?.value;
}

describe('process panel (host side, against the emulator)', function () {
  this.timeout(30_000);
  let h: Harness;
  beforeEach(() => { h = makeHarness(); });
  afterEach(() => { h.dispose(); });

  it('posts nothing before the webview says ready, then renders the looked-up process', async () => {
    const { controller, views, next } = makePanel(h);
    await controller.load({ force: false, interactive: true });
    assert.strictEqual(views.length, 0, 'posted before the ready handshake');
    await controller.receive({ type: 'ready' });
    const view = await next((v) => v.process !== undefined);
    assert.strictEqual(view.banner.verdict, 'ok');
    assert.strictEqual(view.profile.production, false);
    assert.strictEqual(view.ref.id, REFERENCE.id);
    controller.dispose();
  });

  it('masks personal data host-side until revealed, everywhere including the raw JSON', async () => {
    const { controller, next, last } = makePanel(h);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    const masked = last();
    const text = JSON.stringify(masked);
    for (const secret of ['12345678909', 'Luke Skywalker', '044589731564', '1990-05-12']) {
      assert.ok(!text.includes(secret), `the masked view carries ${secret}`);
    }
    assert.strictEqual(field(masked, 'person', 'Name'), 'L*** S********');
    await controller.receive({ type: 'toggleReveal' });
    const revealed = await next((v) => v.revealed);
    assert.strictEqual(field(revealed, 'person', 'Name'), 'Luke Skywalker');
    assert.ok(JSON.stringify(revealed.process?.raw).includes('12345678909'));
    await controller.receive({ type: 'toggleReveal' });
    assert.strictEqual(h.deps.privacy.revealed, false);
    assert.strictEqual(last().revealed, false);
    controller.dispose();
  });

  it('refresh re-fetches (bypassing the cache) and renders the new answer', async () => {
    const { controller, last } = makePanel(h);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    const before = h.deps.lookups.peek(REFERENCE);
    assert.ok(before);
    await controller.receive({ type: 'refresh' });
    const after = h.deps.lookups.peek(REFERENCE);
    assert.ok(after && after !== before && after.fetchedAt >= before.fetchedAt, 'no new fetch');
    assert.strictEqual(last().loading, false);
    controller.dispose();
  });

  it('opens the PDF through the host; a signed_url older than its lifetime is renewed first and works', async () => {
    const { controller } = makePanel(h);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    const first = h.deps.lookups.peek(REFERENCE);
    assert.ok(first);
    await controller.receive({ type: 'openPdf', document: 0 });
    assert.strictEqual(h.opened[0], webSdkProcess(first)?.services?.[0]?.documents?.[0]?.signed_url);
    assert.strictEqual(h.deps.lookups.peek(REFERENCE), first, 'a fresh signed_url was re-fetched');

    h.clock.offsetMs = 5 * 60_000 + 1000; // the cached URL is now over 5 minutes old
    await controller.receive({ type: 'openPdf', document: 0 });
    const renewed = h.deps.lookups.peek(REFERENCE);
    assert.ok(renewed && renewed !== first, 'the stale signed_url was not renewed');
    const url = h.opened[1];
    const signed = webSdkProcess(renewed)?.services?.[0]?.documents?.[0]?.signed_url;
    assert.strictEqual(url, signed);
    const profile = h.deps.lookups.profile(EMULATOR);
    assert.ok(profile && url?.startsWith(`${profile.apiBaseUrl}/signed/`), `not the emulator's signed URL: ${String(url)}`);
    const pdf = await fetch(url ?? '');
    assert.strictEqual(pdf.status, 200);
    assert.strictEqual(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString(), '%PDF');
    controller.dispose();
  });

  it('hands the system browser only https: URLs or the emulator\'s own loopback address', async () => {
    await h.deps.lookups.get(REFERENCE); // starts the emulator: its profile gets its URLs
    const local = h.deps.lookups.profile(EMULATOR);
    const sandbox = h.deps.lookups.profile('sandbox');
    assert.ok(local && sandbox);
    const own = `${local.apiBaseUrl}/signed/x/y?expires=1&signature=ab`;
    const other = own.replace(/:(\d+)\//, (_m, port: string) => `:${Number(port) + 1}/`);
    const cases: [string, typeof local, boolean][] = [
      ['https://bucket.example.com/doc.pdf?X-Amz-Credential=a%2Fb&sig=c%2Bd%3D', sandbox, true],
      [own, local, true],
      [own, sandbox, false], // loopback http is only trusted as the running emulator
      [other, local, false], // another local port is not the emulator
      ['http://bucket.example.com/doc.pdf', local, false],
      ['https://user:pass@bucket.example.com/doc.pdf', sandbox, false],
      ['javascript:alert(10)', local, false],
      ['file:///etc/passwd', local, false],
      ['data:text/html,<script>alert(1)</script>', local, false],
      ['not a url', local, false],
      ['ht\ttps://bucket.example.com/doc.pdf', sandbox, false], // parses as https:, would not open as such
      ['https:\\\\attacker.example/doc.pdf', sandbox, false],
      ['HTTPS://bucket.example.com/doc.pdf', sandbox, true],
    ];
    for (const [url, profile, allowed] of cases) {
      // Allowed URLs are opened as the very same string: a signature's %2B must not become "+".
      assert.strictEqual(documentUrl(url, profile), allowed ? url : undefined, url);
    }
  });

  it('opens the emulator\'s signed_url where the browser reaches it: the mapped origin keeps the path and query', async () => {
    const signed = 'http://127.0.0.1:41234/signed/x/doc-1?expires=1&signature=c%2Bd%3D';
    const calls: string[] = [];
    // code-server maps a loopback URL to its own /proxy/PORT/ and drops the path and query
    const codeServer = (uri: vscode.Uri) => { calls.push(uri.toString()); return Promise.resolve(vscode.Uri.parse('http://127.0.0.1:8080/proxy/41234/')); };
    assert.strictEqual(await reachableUrl(signed, codeServer), 'http://127.0.0.1:8080/proxy/41234/signed/x/doc-1?expires=1&signature=c%2Bd%3D');
    assert.deepStrictEqual(calls, ['http://127.0.0.1:41234/']);
    // a port forward without a trailing slash; desktop VS Code maps a local address to itself
    assert.strictEqual(await reachableUrl(signed, () => Promise.resolve(vscode.Uri.parse('http://localhost:5000'))), 'http://localhost:5000/signed/x/doc-1?expires=1&signature=c%2Bd%3D');
    assert.strictEqual(await reachableUrl(signed, (uri) => Promise.resolve(uri)), signed);
    const bucket = 'https://bucket.example.com/doc.pdf?X-Amz-Credential=a%2Fb&sig=c%2Bd%3D';
    assert.strictEqual(await reachableUrl(bucket, codeServer), bucket);
    assert.strictEqual(calls.length, 1, 'an https: URL was mapped');

    // and through this editor's own asExternalUri (code-server's proxy here, itself on the desktop) it is the PDF
    const url = webSdkProcess(await h.deps.lookups.get(REFERENCE, { force: true }))?.services?.[0]?.documents?.[0]?.signed_url ?? '';
    const reached = await reachableUrl(url, (uri) => vscode.env.asExternalUri(uri));
    assert.ok(reached.endsWith(url.slice(url.indexOf('/signed/'))), 'the path and query were not kept');
    const pdf = await fetch(reached);
    assert.strictEqual(pdf.status, 200);
    assert.strictEqual(pdf.headers.get('content-type'), 'application/pdf');
    assert.strictEqual(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString(), '%PDF');
  });

  it('gets the selfie on request: held in memory, sent as an image data: URL only when revealed', async () => {
    const { controller, next, last } = makePanel(h);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    await controller.receive({ type: 'getSelfie' });
    assert.strictEqual(last().selfie.status, 'hidden');
    assert.strictEqual(last().selfie.dataUrl, undefined);
    await controller.receive({ type: 'toggleReveal' });
    const shown = await next((v) => v.selfie.status === 'ready');
    assert.match(shown.selfie.dataUrl ?? '', /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/);
    h.deps.privacy.toggle();
    controller.dispose();
  });

  it('gets the evidence set and writes it only where and when the user saves it', async () => {
    const { controller, last } = makePanel(h);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    await controller.receive({ type: 'getEvidenceSet' });
    assert.strictEqual(last().evidenceSet.status, 'ready');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-panel-'));
    try {
      const target = path.join(dir, 'evidence.pdf');
      h.saveTo.uri = undefined; // the user cancels the dialog
      await controller.receive({ type: 'save', what: 'evidenceSet' });
      assert.deepStrictEqual(fs.readdirSync(dir), []);
      h.saveTo.uri = vscode.Uri.file(target);
      await controller.receive({ type: 'save', what: 'evidenceSet' });
      assert.strictEqual(fs.readFileSync(target).subarray(0, 4).toString(), '%PDF');

      // A folder the file system refuses: the panel says so and offers the dialog again, with the same file.
      const again = path.join(dir, 'again.pdf');
      h.saveTo.queue = [vscode.Uri.file('/proc/idcloud-evidence.pdf'), vscode.Uri.file(again)];
      h.errors.pickFirst = true;
      await controller.receive({ type: 'save', what: 'evidenceSet' });
      assert.deepStrictEqual(h.errors.shown, [['idcloud-evidence.pdf could not be written in that folder. Choose another folder.', 'Choose Another Folder…']]);
      assert.strictEqual(fs.readFileSync(again).subarray(0, 4).toString(), '%PDF');
    } finally {
      h.errors.pickFirst = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    controller.dispose();
  });

  it('explains a missing selfie or evidence set by unico\'s windows, and never offers other profiles for a process on screen', async () => {
    const cases: [string, 'getSelfie' | 'getEvidenceSet', RegExp][] = [
      [pid('38d483d8-2fc3-41cc-b879-2f2f4b187e20'), 'getEvidenceSet', /exists only once the process has finished/],
      [pid('38d483d8-2fc3-41cc-b879-2f2f4b187e20'), 'getSelfie', /8 hours after the process finishes/],
      [pid('8975d3ed-791a-4278-b23c-7aea250b7442'), 'getSelfie', /no selfie for Smart Revalidation/],
    ];
    for (const [id, type, message] of cases) {
      const { controller, last } = makePanel(h, ref(id));
      await controller.receive({ type: 'ready' });
      await controller.load({ force: false, interactive: true });
      await controller.receive({ type });
      const media = type === 'getSelfie' ? last().selfie : last().evidenceSet;
      assert.strictEqual(media.status, 'error', `${id} ${type}`);
      assert.match(media.text, message);
      assert.doesNotMatch(media.text, /Not found in|All Profiles/);
      controller.dispose();
    }
  });

  it('shows a failed lookup as an error with its actions, and keeps the panel usable', async () => {
    const missing = ref(emulator.UNKNOWN_PROCESS_ID);
    const { controller, last } = makePanel(h, missing);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    const view = last();
    assert.strictEqual(view.process, undefined);
    assert.strictEqual(view.loading, false);
    assert.ok(view.error && view.error.message.length > 0, 'no error message');
    assert.ok(view.error.actions.length > 0, 'no action offered');
    await controller.receive({ type: 'runAction', index: view.error.actions.length + 5 }); // out of range: nothing happens
    assert.ok(!h.deps.log.lines.some((l) => l.startsWith('error')), h.deps.log.lines.join('\n'));
    controller.dispose();
  });

  it('logs a failed message handler with its error text redacted', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdmMifQ.c2lnbmF0dXJl';
    const failing = { ...h.deps, openExternal: () => Promise.reject(new Error(`gateway said: Bearer ${token} for cpf 123.456.789-09`)) };
    const controller = new PanelController(REFERENCE, failing, () => undefined);
    await controller.load({ force: false, interactive: true });
    await controller.receive({ type: 'openPdf', document: 0 });
    const logged = h.deps.log.lines.filter((l) => l.includes('openPdf failed'));
    assert.strictEqual(logged.length, 1, h.deps.log.lines.join('\n'));
    assert.ok(!logged[0]?.includes(token) && !logged[0]?.includes('123.456.789-09'), logged[0]);
    controller.dispose();
  });

  it('ignores and logs messages of a bad shape, without their content', async () => {
    const { controller, views } = makePanel(h);
    const bad: unknown[] = [
      'ready', null, 42, [], {}, { type: 'nope' }, { type: 'ready', extra: '<script>' }, { type: 'openPdf' },
      { type: 'openPdf', document: -1 }, { type: 'openPdf', document: 1.5 }, { type: 'openPdf', document: '0' },
      { type: 'save', what: '../../etc/passwd' }, { type: 'copy', what: 'everything' }, { type: 'copyValue', value: 'x'.repeat(257) }, { type: 'copyValue', value: 7 }, { type: 'runAction', index: 1e9 },
    ];
    for (const m of bad) await controller.receive(m);
    assert.strictEqual(views.length, 0, 'a malformed message was acted on');
    const warnings = h.deps.log.lines.filter((l) => l.startsWith('warn') && l.includes('malformed'));
    assert.strictEqual(warnings.length, bad.length);
    assert.ok(warnings.every((w) => !w.includes('<script>') && !w.includes('passwd')));
    controller.dispose();
  });

  it('renders the view model of every fixture, masked and revealed', async () => {
    for (const fixture of emulator.FIXTURES) {
      const fetched: FetchedProcess = await h.deps.lookups.get(ref(fixture.id));
      const person = webSdkProcess(fetched)?.person;
      for (const revealed of [false, true]) {
        const view = buildViewModel({
          ref: ref(fixture.id), profile: h.deps.lookups.profile(EMULATOR), fetched, revealed, loading: false, error: undefined,
          media: { selfie: { status: 'idle' }, evidenceSet: { status: 'idle' } },
        });
        assert.ok(view.process, fixture.title);
        assert.notStrictEqual(view.banner.title, '', fixture.title);
        assert.deepStrictEqual(structuredClone(view), view, `${fixture.title}: not plain data`);
        const text = JSON.stringify(view);
        for (const secret of [person?.duiValue, person?.friendlyName]) {
          if (secret && !revealed) assert.ok(!text.includes(secret), `${fixture.title}: personal data in the masked view`);
        }
      }
    }
  });

  it('leads with the plain meaning, keeps the value as sent beside it, and copies only values it shows', async () => {
    const { controller, last } = makePanel(h);
    await controller.receive({ type: 'ready' });
    await controller.load({ force: false, interactive: true });
    const state = last().process?.groups[0]?.fields[0];
    assert.match(state?.value ?? '', /^Journey completed\b/);
    assert.strictEqual(state?.raw, 'PROCESS_STATE_FINISHED');
    const docType = last().process?.groups.find((g) => g.id === 'person')?.fields[0];
    assert.strictEqual(docType?.raw, 'DUI_TYPE_BR_CPF');
    assert.notStrictEqual(docType.value, 'DUI_TYPE_BR_CPF');
    await vscode.env.clipboard.writeText('before');
    await controller.receive({ type: 'copyValue', value: 'PROCESS_STATE_FINISHED' });
    assert.strictEqual(await vscode.env.clipboard.readText(), 'PROCESS_STATE_FINISHED');
    await controller.receive({ type: 'copyValue', value: 'anything the webview makes up' });
    assert.strictEqual(await vscode.env.clipboard.readText(), 'PROCESS_STATE_FINISHED');
    controller.dispose();
  });

  it('passes the hostile fixture\'s strings on untouched, to be inserted as text', async () => {
    const fetched = await h.deps.lookups.get(HOSTILE);
    const view = buildViewModel({
      ref: HOSTILE, profile: h.deps.lookups.profile(EMULATOR), fetched, revealed: true, loading: false, error: undefined,
      media: { selfie: { status: 'idle' }, evidenceSet: { status: 'idle' } },
    });
    assert.strictEqual(field(view, 'process', 'Flow'), '<img src=x onerror=alert(1)>');
    assert.strictEqual(field(view, 'process', 'Purpose'), '[x](command:workbench.action.quit)');
    const state = view.process?.groups[0]?.fields[0];
    assert.deepStrictEqual([state?.value, state?.raw, state?.unknown], ['A state not in the documented API.', '<script>alert("idcloud")</script>', true]);
    assert.strictEqual(view.banner.verdict, 'unknown');
    const liveness = view.process?.capabilities.find((c) => c.field === 'livenessResult');
    assert.deepStrictEqual([liveness?.value, liveness?.known], ['<img src=x onerror=alert(1)>', false]);
    const ocr = view.process?.services?.[0]?.documents[0]?.ocr.map((f) => f.label);
    assert.ok(ocr?.includes('<img src=x onerror=alert(1)>'));
    assert.ok(view.process?.unknownNotice);
  });

  it('keeps a process with mistyped fields: the rest renders, the left-out values show raw and marked, personal ones masked', () => {
    const body = { process: { ...REFERENCE_EXAMPLE, person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: 12345678909 }, services: [{ consent_granted: 'true' }] } };
    const { process, unexpected } = network.parseProcess(body);
    const fetched: FetchedProcess = { process, unexpected, rawJson: JSON.stringify(body), fetchedAt: 0 };
    const view = (revealed: boolean): ViewModel => buildViewModel({
      ref: ref(emulator.REFERENCE_EXAMPLE_ID), profile: h.deps.lookups.profile(EMULATOR), fetched, revealed, loading: false, error: undefined,
      media: { selfie: { status: 'idle' }, evidenceSet: { status: 'idle' } },
    });
    const hidden = view(false);
    assert.ok(hidden.process?.unknownNotice);
    assert.strictEqual(hidden.banner.verdict, 'ok');
    const group = hidden.process.groups.find((g) => g.id === 'unexpected');
    assert.ok(group);
    assert.deepStrictEqual(group.fields.map((f) => [f.label, f.unknown]), [['process.person.duiValue', true], ['process.services[0].consent_granted', true]]);
    assert.ok(!JSON.stringify(hidden).includes('12345678909'), 'a CPF sent as a number is masked while hidden');
    assert.strictEqual(group.fields[1]?.value, '"true"');
    const shown = view(true).process?.groups.find((g) => g.id === 'unexpected');
    assert.ok(shown);
    assert.strictEqual(shown.fields[0]?.value, '12345678909');
  });

  it('opens one panel per process (from Look Up Process) and reuses it', async () => {
    await vscode.commands.executeCommand(Commands.lookUpProcess, REFERENCE);
    await vscode.commands.executeCommand(Commands.lookUpProcess, REFERENCE);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith(REFERENCE.id.slice(0, 8)));
    assert.strictEqual(tabs.length, 1);
    assert.match(tabs[0]?.label ?? '', /^53060f52 · /);
    await vscode.window.tabGroups.close(tabs);
  });
});
