// Process IDs in files, in the real extension host, against the default Local emulator profile:
// hovers, code lenses (+ resolve), document links, the settings that turn each off, the cap lens,
// long lines, the terminal link provider and Find Process IDs in File.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../src/editor/commandIds';
import { findProcessIdsIn } from '../../src/editor/ids/findInFile';
import { ProcessIdHoverProvider } from '../../src/editor/ids/hover';
import { ProcessIdTerminalLinkProvider } from '../../src/editor/ids/terminalLink';
import { ProcessIdCodeLensProvider } from '../../src/editor/ids/codeLens';
import type { Background, BackgroundBlock, LookupOptions, Lookups, Profile, ProcessRef } from '../../src/editor/services';
import { EXTENSION_ID, setSetting } from './api';

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const UNKNOWN = '0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11'; // no such process in the emulator (404)
const HOSTILE = '9b1d4ecd-7ac3-40f4-a8aa-44e9034c614b';
const OTHER = 'c805fbe8-8c64-4080-a67b-8ce2add47a51';

async function openLog(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'log', content });
}

function text(content: unknown): string {
  if (typeof content === 'string') return content;
  return typeof content === 'object' && content !== null && 'value' in content && typeof content.value === 'string' ? content.value : '';
}

/** Our hovers' markdown at a position (other providers' hovers never mention idcloud commands). */
async function hoverAt(doc: vscode.TextDocument, line: number, character: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  return hovers.flatMap((h) => h.contents.map(text)).filter((t) => t.includes('command:idcloud.'));
}

/** With `resolve` undefined, every lens comes back unresolved; with a count, only resolved lenses come back. */
async function lenses(doc: vscode.TextDocument, resolve?: number): Promise<vscode.CodeLens[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, resolve);
  return all.filter((l) => l.command === undefined || l.command.command.startsWith('idcloud.'));
}

async function links(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  const all = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
  return all.filter((l) => l.target?.scheme === 'command' && l.target.path === Commands.showProcess);
}

function args(command: vscode.Command | undefined): unknown[] {
  return command?.arguments ?? [];
}

describe('process IDs in files (hover, lenses, links)', function () {
  this.timeout(60_000);
  let log: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    log = await openLog([
      'header line without ids',
      `2025-03-04T09:00:01Z INFO process created processId=${REFERENCE} flow=idunicosign`,
      `2025-03-04T09:00:07Z WARN unknown process id ${UNKNOWN} -> 404`,
      `2025-03-04T09:00:08Z INFO again ${REFERENCE} and ${REFERENCE} twice`,
    ].join('\n'));
  });

  it('hovers the reference example with its verdict, profile and actions', async () => {
    const [md, ...rest] = await hoverAt(log, 1, 60);
    assert.ok(md, 'no hover on the reference example');
    assert.strictEqual(rest.length, 0);
    assert.match(md, /\*\*OK — Identity verification inconclusive, Risk fraud classification inconclusive; decided with risk score 85\\\.5\*\*/);
    assert.match(md, /Local emulator/);
    assert.match(md, /Flow: idunicosign/);
    assert.match(md, /Liveness/);
    for (const c of [Commands.showProcess, Commands.pin, Commands.copyAsJson, Commands.copyLink, Commands.lookUpInAllProfiles]) {
      assert.ok(md.includes(`(command:${c}?`), `no ${c} link`);
    }
  });

  it('hovers an unknown ID with "not found" and the way to look it up elsewhere', async () => {
    const [md] = await hoverAt(log, 2, 50);
    assert.ok(md, 'no hover on the unknown ID');
    assert.match(md, /Not found in Local emulator/);
    assert.ok(md.includes(`(command:${Commands.lookUpInAllProfiles}?`));
  });

  it('shows nothing away from an ID', async () => {
    assert.deepStrictEqual(await hoverAt(log, 0, 3), []);
    assert.deepStrictEqual(await hoverAt(log, 1, 5), []);
  });

  it('renders the hostile fixture as inert text', async () => {
    const doc = await openLog(`hostile ${HOSTILE}`);
    const [md] = await hoverAt(doc, 0, 12);
    assert.ok(md, 'no hover on the hostile fixture');
    assert.doesNotMatch(md, /(^|[^\\])</, 'an unescaped < from the API');
    const commands = [...md.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]);
    // Its state is not a documented one, so it may still change: Watch is offered too.
    assert.deepStrictEqual(commands, [Commands.showProcess, Commands.watch, Commands.pin, Commands.copyAsJson, Commands.copyLink, Commands.lookUpInAllProfiles]);
  });

  it('hovers an ID in the middle of a 400k-character line', async () => {
    const pad = 'x='.repeat(100_000);
    const doc = await openLog(`${pad} ${REFERENCE} ${pad}`);
    const [md] = await hoverAt(doc, 0, pad.length + 10);
    assert.ok(md?.includes('**OK — Identity verification inconclusive'), 'no hover on the long line');
    assert.deepStrictEqual(await hoverAt(doc, 0, 150_000), []);
  });

  it('gives one lens per distinct ID per line and resolves them through the lookup', async () => {
    // resolved lenses come back in the order their resolution finished: sort them by position
    const found = (await lenses(log, 100)).sort((a, b) => a.range.start.compareTo(b.range.start));
    const at = (line: number, id: string): [number, number] => [line, log.lineAt(line).text.indexOf(id)];
    assert.deepStrictEqual(found.map((l) => [l.range.start.line, l.range.start.character]), [at(1, REFERENCE), at(2, UNKNOWN), at(3, REFERENCE)]);
    const [ok, missing, again] = found.map((l) => l.command);
    // the reference example: OK, qualified by its inconclusive capabilities
    assert.match(ok?.title ?? '', /^\$\(warning\) OK — .*; decided with risk score 85\.5 · idunicosign · .* · Local emulator$/);
    assert.strictEqual(ok?.command, Commands.showProcess);
    assert.deepStrictEqual(args(ok), [{ id: REFERENCE, profileId: 'emulator' }]);
    assert.match(missing?.title ?? '', /Not found in Local emulator/);
    assert.strictEqual(missing?.command, Commands.lookUpInAllProfiles);
    assert.strictEqual(again?.title, ok.title);
  });

  it('leaves lenses unresolved (no lookup) until they are resolved', async () => {
    const found = await lenses(log);
    assert.strictEqual(found.length, 3);
    assert.ok(found.every((l) => l.command === undefined));
  });

  it('caps the lenses per document and lists them all in one lens at the top', async () => {
    const ids = [REFERENCE, UNKNOWN, OTHER, HOSTILE];
    const doc = await openLog(['header', ...ids.map((id) => `id ${id}`)].join('\n'));
    await setSetting('codeLens.maxPerDocument', 2);
    try {
      assert.strictEqual((await lenses(doc)).length, 4);
      // The first lens resolved (the list), plus "Resolve all" beside it, which needs no resolving.
      const found = await lenses(doc, 1);
      assert.strictEqual(found.length, 2);
      assert.deepStrictEqual(found.map((l) => l.range.start.line), [0, 0]);
      const list = found.find((l) => l.command?.command === Commands.findProcessIdsInFile)?.command;
      assert.match(list?.title ?? '', /4 process IDs in this file — list/);
      assert.strictEqual(String(args(list)[0]), doc.uri.toString());
      const resolveAll = found.find((l) => l.command?.command === Commands.resolveAll)?.command;
      assert.match(resolveAll?.title ?? '', /Resolve all/);
      assert.strictEqual(String(args(resolveAll)[0]), doc.uri.toString());
    } finally {
      await setSetting('codeLens.maxPerDocument', undefined);
    }
    assert.strictEqual((await lenses(doc)).length, 4);
  });

  it('links every ID to the panel', async () => {
    const found = await links(log);
    assert.deepStrictEqual(found.map((l) => l.range.start.line), [1, 2, 3, 3]);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(found[0]?.target?.query ?? '')), [REFERENCE]);
  });

  for (const [setting, probe] of [
    ['hover.enabled', async (doc: vscode.TextDocument) => (await hoverAt(doc, 1, 60)).length],
    ['codeLens.enabled', async (doc: vscode.TextDocument) => (await lenses(doc)).length],
    ['links.enabled', async (doc: vscode.TextDocument) => (await links(doc)).length],
  ] as const) {
    it(`turns off with idcloud.${setting} and back on`, async () => {
      assert.ok((await probe(log)) > 0, 'not on to begin with');
      await setSetting(setting, false);
      try {
        assert.strictEqual(await probe(log), 0);
      } finally {
        await setSetting(setting, undefined);
      }
      assert.ok((await probe(log)) > 0, 'not back on');
    });
  }
});

/** A Lookups whose answers the test decides; `get` records its calls. */
function fakeLookups(overrides: Partial<Lookups>): Lookups & { gets: ProcessRef[] } {
  const production: Profile = { id: 'production', label: 'Production', kind: 'production', apiBaseUrl: 'https://p', identityUrl: 'https://i', production: true };
  const gets: ProcessRef[] = [];
  const none = new vscode.EventEmitter<never>().event;
  return {
    gets,
    onDidChangeActiveProfile: none,
    onDidFetch: none,
    activeProfile: () => production,
    profiles: () => [production],
    profile: () => production,
    get: (ref) => {
      gets.push(ref);
      return Promise.reject(new Error('unexpected lookup'));
    },
    peek: () => undefined,
    needsConfirmation: () => false,
    hasCredentials: () => Promise.resolve(true),
    getSelfie: () => Promise.reject(new Error('unused')),
    getEvidenceSet: () => Promise.reject(new Error('unused')),
    ...overrides,
  };
}

const silentLog = { debug() {}, info() {}, warn() {}, error() {}, trace() {} } as unknown as vscode.LogOutputChannel;

/** A Background policy whose answer the test sets; `grant()` changes it and fires onDidChange, as trust being granted does. */
function fakeBackground(initial: BackgroundBlock | undefined): Background & { grant(): void } {
  const changed = new vscode.EventEmitter<void>();
  let block = initial;
  return {
    onDidChange: changed.event,
    get trusted() { return block !== 'untrusted'; },
    block: () => Promise.resolve(block),
    grant() {
      block = undefined;
      changed.fire();
    },
  };
}

describe('process IDs: background lookups', () => {
  it('never looks up in a production profile from a hover, even once confirmed: it offers a link', async () => {
    const lookups = fakeLookups({ needsConfirmation: () => false });
    const provider = new ProcessIdHoverProvider({ lookups, background: fakeBackground('production'), log: silentLog, now: Date.now });
    const doc = await openLog(`id ${REFERENCE}`);
    const hover = await provider.provideHover(doc, new vscode.Position(0, 5), new vscode.CancellationTokenSource().token);
    const md = hover?.contents.map(text).join('\n') ?? '';
    assert.strictEqual(lookups.gets.length, 0);
    assert.match(md, /Look up in Production/);
    assert.ok(md.includes(`(command:${Commands.showProcess}?`));
  });

  it('asks the lookup as a background caller where the policy allows', async () => {
    const options: (LookupOptions | undefined)[] = [];
    const lookups = fakeLookups({
      get: (_ref, o) => {
        options.push(o);
        return Promise.reject(new Error('no answer'));
      },
    });
    const provider = new ProcessIdHoverProvider({ lookups, background: fakeBackground(undefined), log: silentLog, now: Date.now });
    const doc = await openLog(`id ${REFERENCE}`);
    await provider.provideHover(doc, new vscode.Position(0, 5), new vscode.CancellationTokenSource().token);
    assert.strictEqual(options.length, 1);
    assert.strictEqual(options[0]?.background, true);
  });

  it('in an untrusted workspace: one lens at the top, lenses only for cached answers, and lookups once trust is granted', async () => {
    const cachedId = OTHER;
    const gets: (LookupOptions | undefined)[] = [];
    const lookups = fakeLookups({
      peek: (ref) => ref.id === cachedId ? { process: { id: cachedId, state: 'PROCESS_STATE_CREATED' }, rawJson: '{}', fetchedAt: 0 } : undefined,
      get: (_ref, o) => {
        gets.push(o);
        return Promise.reject(new Error('no answer'));
      },
    });
    const background = fakeBackground('untrusted');
    const provider = new ProcessIdCodeLensProvider({ lookups, background, log: silentLog, now: Date.now, maxPerDocument: 100 });
    try {
      const doc = await openLog(['header', `a ${REFERENCE}`, `b ${cachedId}`, `c ${UNKNOWN}`].join('\n'));
      const token = new vscode.CancellationTokenSource().token;
      const before = await provider.provideCodeLenses(doc, token);
      assert.deepStrictEqual(before.map((l) => l.range.start.line), [0, 2]);
      const top = before[0]?.command;
      assert.strictEqual(top?.command, 'workbench.trust.manage');
      assert.match(top.title, /wait until you trust this workspace/);
      const cachedLens = await provider.resolveCodeLens(before[1] ?? assert.fail('no lens'), token);
      assert.match(cachedLens.command?.title ?? 'unresolved', /Pending/);
      assert.strictEqual(gets.length, 0, 'a lookup in an untrusted workspace');
      const refreshed = new Promise<void>((resolve) => { provider.onDidChangeCodeLenses(() => { resolve(); }); });
      background.grant();
      await refreshed;
      const after = await provider.provideCodeLenses(doc, token);
      assert.deepStrictEqual(after.map((l) => l.range.start.line), [1, 2, 3]);
      for (const lens of after) await provider.resolveCodeLens(lens, token);
      assert.strictEqual(gets.length, 2, 'the two uncached IDs, once each');
      assert.ok(gets.every((o) => o?.background === true));
    } finally {
      provider.dispose();
    }
  });

  it('aborts the lookup when the hover is cancelled', async () => {
    let signal: AbortSignal | undefined;
    let asked: () => void = () => undefined;
    const called = new Promise<void>((resolve) => { asked = resolve; });
    const lookups = fakeLookups({
      get: (_ref, options) =>
        new Promise((_resolve, reject) => {
          signal = options?.signal;
          signal?.addEventListener('abort', () => {
            reject(new Error('aborted'));
          });
          asked();
        }),
    });
    const provider = new ProcessIdHoverProvider({ lookups, background: fakeBackground(undefined), log: silentLog, now: Date.now });
    const doc = await openLog(`id ${REFERENCE}`);
    const cts = new vscode.CancellationTokenSource();
    const pending = provider.provideHover(doc, new vscode.Position(0, 5), cts.token);
    await called; // the policy is asked first (asynchronously): cancel once the lookup is under way
    cts.cancel();
    assert.strictEqual(await pending, undefined);
    assert.strictEqual(signal?.aborted, true);
  });
});

describe('process IDs in the terminal', () => {
  it('finds the IDs of a terminal line and opens the clicked one in the active profile', async () => {
    const opened: ProcessRef[] = [];
    const provider = new ProcessIdTerminalLinkProvider({
      lookups: fakeLookups({}),
      showProcess: (ref) => {
        opened.push(ref);
        return Promise.resolve();
      },
      log: silentLog,
    });
    const terminal = vscode.window.createTerminal({ name: 'ids test' });
    try {
      const line = `$ curl …/process/${REFERENCE.toUpperCase()} → 200; next ${UNKNOWN}`;
      const found = provider.provideTerminalLinks({ line, terminal });
      assert.deepStrictEqual(found.map((l) => [l.startIndex, l.length, l.processId]), [
        [line.indexOf(REFERENCE.toUpperCase()), 36, REFERENCE],
        [line.indexOf(UNKNOWN), 36, UNKNOWN],
      ]);
      const [first] = found;
      assert.ok(first);
      await provider.handleTerminalLink(first);
      assert.deepStrictEqual(opened, [{ id: REFERENCE, profileId: 'production' }]);
    } finally {
      terminal.dispose();
    }
  });
});

describe('Find Process IDs in File', () => {
  it('streams a file from disk: distinct IDs, counts, first line and column', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-ids-'));
    const file = path.join(dir, 'big.log');
    try {
      const lines = [`first ${OTHER}`];
      for (let i = 0; i < 50_000; i++) lines.push(i % 2 === 0 ? `row ${i} processId=${REFERENCE}` : `row ${i} nothing`);
      fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
      const scan = await findProcessIdsIn(vscode.Uri.file(file));
      assert.deepStrictEqual(scan?.ids, [
        { id: OTHER, count: 1, firstLine: 0, firstColumn: 6 },
        { id: REFERENCE, count: 25_000, firstLine: 1, firstColumn: 16 },
      ]);
      assert.strictEqual(scan.openable, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads an unsaved document from memory', async () => {
    const doc = await openLog(`a ${UNKNOWN}\nb ${UNKNOWN} ${HOSTILE}`);
    const scan = await findProcessIdsIn(doc.uri);
    assert.deepStrictEqual(scan?.ids.map((t) => [t.id, t.count, t.firstLine]), [[UNKNOWN, 2, 0], [HOSTILE, 1, 1]]);
  });

  it('is a registered command', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(Commands.findProcessIdsInFile));
  });
});
