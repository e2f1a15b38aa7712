// Files that are not on disk, in the real extension host: a read-only FileSystemProvider of this
// test's own scheme stands in for a virtual workspace (GitHub Repositories, a remote file system).
// Find Process IDs in File and Resolve All read it through vscode.workspace.fs (never as a path),
// an open document from memory, and say what is wrong with a file they cannot read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { countBuckets, DEFAULT_QUERY } from '../../src/core/triageTable';
import { findProcessIdsIn, unreadableFile } from '../../src/editor/ids/findInFile';
import { isSurfaceDocument, registerForAnyFile, surfaceSchemes } from '../../src/editor/ids/selectors';
import { FileTooLargeError, MAX_VIRTUAL_BYTES } from '../../src/editor/ids/virtualFile';
import type { Lookups } from '../../src/editor/services';
import type { TriageDeps, TriageService } from '../../src/editor/triage';
import { defaultExportUri, exportTable } from '../../src/editor/triage/export';
import { RowBuilder } from '../../src/editor/triage/rows';
import { EXTENSION_ID } from './api';

const SCHEME = 'idcloud-host-test';
const FIXTURE = path.resolve(__dirname, '../../test/fixtures/triage/onboarding.log');
const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const OTHER = 'c805fbe8-8c64-4080-a67b-8ce2add47a51';
const UNKNOWN = '0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11';

/** A read-only file system in memory that counts its reads; `sizes` makes stat lie about a file's size. */
class MemoryFs implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  readonly sizes = new Map<string, number>();
  reads = 0;
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/logs') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const data = this.file(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.sizes.get(uri.path) ?? data.byteLength };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.file(uri);
    this.reads++;
    return data;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((p) => [p.slice('/logs/'.length), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private file(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
}

interface TriageApi {
  readonly lookups: Lookups;
  triage(): Promise<TriageService>;
}

describe('Files not on disk (virtual workspaces)', function () {
  this.timeout(60_000);
  const memFs = new MemoryFs();
  let registration: vscode.Disposable;
  let api: TriageApi;

  const uriOf = (name: string): vscode.Uri => vscode.Uri.from({ scheme: SCHEME, path: `/logs/${name}` });
  const put = (name: string, text: string): vscode.Uri => {
    memFs.files.set(`/logs/${name}`, Buffer.from(text, 'utf8'));
    return uriOf(name);
  };

  before(async () => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memFs, { isReadonly: true, isCaseSensitive: true });
    const ext = vscode.extensions.getExtension<TriageApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
    assert.equal(api.lookups.activeProfile().kind, 'emulator');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    registration.dispose();
  });

  it('Find Process IDs reads the file through workspace.fs, without opening it: IDs, counts, first line and UTF-16 column', async () => {
    const uri = put('app.log', [
      'header line without IDs',
      `olá — ação ${REFERENCE} started`, // multi-byte characters before the ID: column 11 in UTF-16, 15 bytes
      `{"processId":"${OTHER.toUpperCase()}"}`,
      `retry ${REFERENCE} and ${UNKNOWN}`,
      `not an ID: 0${OTHER} ${OTHER}-0001`,
    ].join('\r\n'));
    const reads = memFs.reads;
    const scan = await findProcessIdsIn(uri);
    assert.deepStrictEqual(scan?.ids, [
      { id: REFERENCE, count: 2, firstLine: 1, firstColumn: 11 },
      { id: OTHER, count: 1, firstLine: 2, firstColumn: 14 },
      { id: UNKNOWN, count: 1, firstLine: 3, firstColumn: 47 },
    ]);
    assert.strictEqual(scan.openable, true);
    assert.strictEqual(memFs.reads, reads + 1, 'read once, through the provider');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was not opened as a document');
  });

  it('reads a document already open in the editor from memory, not from the file system again', async () => {
    const uri = put('open.log', `a ${UNKNOWN}\nb ${REFERENCE}\nc ${UNKNOWN}\n`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const reads = memFs.reads;
    const scan = await findProcessIdsIn(uri);
    assert.deepStrictEqual(scan?.ids.map((t) => [t.id, t.count, t.firstLine, t.firstColumn]), [[UNKNOWN, 2, 0, 2], [REFERENCE, 1, 1, 2]]);
    assert.strictEqual(memFs.reads, reads, 'no second read');
  });

  it('Resolve All looks up every ID of a virtual file and counts the verdicts the emulator fixtures have', async () => {
    const uri = put('onboarding.log', fs.readFileSync(FIXTURE, 'utf8'));
    const summary = await vscode.commands.executeCommand<{ settled: number; total: number; cancelled: boolean } | undefined>('idcloud.resolveAll', uri);
    assert.deepEqual(summary && { settled: summary.settled, total: summary.total, cancelled: summary.cancelled }, { settled: 13, total: 13, cancelled: false });
    const triage = await api.triage();
    const session = triage.sessionOf(uri);
    assert.ok(session, 'a triage session of the virtual file');
    const rows = new RowBuilder('en', false).rows(session);
    assert.deepEqual(countBuckets(rows), { ok: 3, invalidIdentity: 3, expired: 1, pending: 2, notFound: 2, error: 2, unresolved: 0 });
    const c805 = rows.find((r) => r.id === OTHER);
    assert.deepEqual([c805?.occurrences, c805?.line], [3, 1]);
  });

  it('the export of a log in a read-only file system proposes a folder it can write in: a writable workspace folder, else home', async () => {
    const readOnly = vscode.Uri.from({ scheme: SCHEME, path: '/logs' });
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem(SCHEME), true, 'VS Code takes the test file system as read-only (or does not know it yet)');
    const disk = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(disk && disk.scheme === 'file', 'the sample workspace is on disk');
    const proposed = defaultExportUri(uriOf('onboarding.log'), 'csv', [readOnly, disk]);
    assert.strictEqual(proposed.toString(), vscode.Uri.joinPath(disk, 'onboarding-triage.csv').toString());
    await vscode.workspace.fs.writeFile(proposed, Buffer.from('written\n', 'utf8'));
    await vscode.workspace.fs.delete(proposed);
    assert.strictEqual(defaultExportUri(uriOf('onboarding.log'), 'jsonl', [readOnly]).toString(), vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), 'onboarding-triage.jsonl').toString());
  });

  it('an export the file system refuses says so and offers the save dialog again, keeping the rows', async () => {
    const uri = put('export.log', `${REFERENCE}\n${OTHER}\n`);
    await vscode.commands.executeCommand('idcloud.resolveAll', uri);
    const session = (await api.triage()).sessionOf(uri);
    assert.ok(session, 'a triage session of the virtual file');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-export-'));
    try {
      const answers = [uriOf('export-triage.csv'), vscode.Uri.file(path.join(dir, 'export-triage.csv'))];
      const dialogs: vscode.SaveDialogOptions[] = [];
      const errors: string[][] = [];
      let retry = true;
      const deps = {
        privacy: { revealed: false },
        log: { info: () => undefined, warn: () => undefined },
        showSaveDialog: (options: vscode.SaveDialogOptions) => { dialogs.push(options); return Promise.resolve(answers.shift()); },
        showErrorMessage: (message: string, ...items: string[]) => { errors.push([message, ...items]); return Promise.resolve(retry ? items[0] : undefined); },
      } as unknown as TriageDeps;
      const saved = await exportTable(deps, session, 'csv', DEFAULT_QUERY);
      assert.strictEqual(saved?.fsPath, path.join(dir, 'export-triage.csv'));
      assert.deepStrictEqual(errors, [['export-triage.csv could not be written in that folder. Choose another folder.', 'Choose Another Folder…']]);
      assert.strictEqual(dialogs.length, 2, 'the save dialog opened again');
      assert.strictEqual(dialogs[0]?.defaultUri?.scheme, 'file', 'first proposed on disk, not in the read-only file system');
      assert.strictEqual(dialogs[1]?.defaultUri?.toString(), dialogs[0].defaultUri.toString(), 'proposed again where it can be written');
      const lines = fs.readFileSync(path.join(dir, 'export-triage.csv'), 'utf8').trimEnd().split('\r\n');
      assert.deepStrictEqual(lines.slice(1).map((l) => l.split(',')[0]).sort(), [REFERENCE, OTHER].sort(), 'both rows written');

      retry = false;
      answers.push(uriOf('again.csv'));
      assert.strictEqual(await exportTable(deps, session, 'csv', DEFAULT_QUERY), undefined, 'dismissing the message ends the export');
      assert.strictEqual(dialogs.length, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hovers, lenses and links attach to the schemes of the workspace\'s folders, never to the Output panel', () => {
    const base = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];
    assert.deepStrictEqual(surfaceSchemes(), base, 'the sample workspace is on disk');
    const folder = { uri: vscode.Uri.from({ scheme: SCHEME, path: '/logs' }) };
    assert.deepStrictEqual(surfaceSchemes([folder, { uri: vscode.Uri.file('/tmp') }]), [...base, SCHEME], 'a virtual workspace folder adds its scheme, once');
    assert.strictEqual(isSurfaceDocument({ uri: uriOf('app.log') }), false, 'outside the workspace\'s folders, another file system is not a surface');
    assert.strictEqual(isSurfaceDocument({ uri: vscode.Uri.from({ scheme: 'output', path: 'extension-output-idcloud' }) }), false);
  });

  it('the webhook lens and hover and the credential quick fixes register again when a folder of a new scheme arrives', () => {
    const folders = new vscode.EventEmitter<unknown>();
    let schemes = ['file', 'untitled'];
    const selectors: string[] = [];
    let live = 0;
    const registration = registerForAnyFile((selector) => {
      selectors.push(selector.map((f) => f.scheme).join());
      live++;
      return new vscode.Disposable(() => { live--; });
    }, folders.event, () => schemes);
    folders.fire(undefined);
    assert.deepStrictEqual(selectors, ['file,untitled'], 'the same schemes: nothing registered again');
    schemes = ['file', 'untitled', SCHEME];
    folders.fire(undefined);
    assert.deepStrictEqual(selectors, ['file,untitled', `file,untitled,${SCHEME}`]);
    assert.strictEqual(live, 1, 'the first registration was disposed');
    registration.dispose();
    folders.fire(undefined);
    assert.strictEqual(live, 0);
    assert.strictEqual(selectors.length, 2, 'nothing registers after dispose');
    folders.dispose();
  });

  it('refuses a file over the size cap before reading it, with a message that gives both sizes', async () => {
    const uri = put('huge.log', `${REFERENCE}\n`);
    memFs.sizes.set(uri.path, MAX_VIRTUAL_BYTES + 72 * 1024 * 1024);
    const reads = memFs.reads;
    const error = await findProcessIdsIn(uri).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof FileTooLargeError, `FileTooLargeError, got ${String(error)}`);
    assert.strictEqual(memFs.reads, reads, 'nothing was read');
    assert.strictEqual(
      unreadableFile(error),
      'This file is 200 MB. A file that is not on disk (in a virtual workspace) can be searched for process IDs up to 128 MB: copy it to a folder on disk and search it there.',
    );
  });

  it('says a missing file or a folder in words, as for a file on disk', async () => {
    const missing = await findProcessIdsIn(uriOf('gone.log')).then(() => undefined, (e: unknown) => e);
    assert.ok(missing instanceof vscode.FileSystemError, `a FileSystemError, got ${String(missing)}`);
    assert.match(unreadableFile(missing), /no longer exists/);
    const folder = await findProcessIdsIn(vscode.Uri.from({ scheme: SCHEME, path: '/logs' })).then(() => undefined, (e: unknown) => e);
    assert.match(unreadableFile(folder), /That is a folder/);
  });
});
