// The language-model tools in the real extension host, called as a chat agent calls them
// (vscode.lm.invokeTool, no chat request: toolInvocationToken undefined) against the Local emulator:
// inputs and their errors as text results, masking with personal data revealed, the production
// confirmation (prepareInvocation; invokeTool would open the workbench's modal), the untrusted
// workspace's cache-only answers, and the IDs of a file — only a file in the workspace or open in
// the editor: anything else is refused before any read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { GetProcessTool } from '../../src/editor/lm/getProcess';
import { LM_TOOLS } from '../../src/editor/lm/register';
import type { ExtensionApi } from '../../src/extension';
import { REFERENCE_EXAMPLE_ID } from '../../src/emulator';
import { extensionApi } from './api';
import { pid } from '../unit/pid.helpers';

const CNH_OK = 'c805fbe8-8c64-4080-a67b-8ce2add47a51';
const FRAUDSTER = '3c21fcf7-b8b3-428c-9fe3-d38c3b8e0dbe';
const NOT_FOUND = '00000000-0000-4000-8000-000000000404';
const RATE_LIMITED = 'fa000429-0000-4000-8000-000000000001';
const NEVER_CACHED = '7b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** Personal values and bearer strings of the fixtures above (src/emulator/reference.ts, fixtures.ts). */
const SECRETS = [
  '12345678909', 'Luke Skywalker', '044589731564', 'client-ref-abc', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'https://example.com/callback', '00000000191', 'Ana Exemplo Emulada', '04458973156', '00000000353', 'Carla',
];

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

async function invoke(name: string, input: object): Promise<string> {
  return textOf(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }));
}

const getProcess = (input: object): Promise<string> => invoke(LM_TOOLS.getProcess, input);
const never = new vscode.CancellationTokenSource().token;

describe('language-model tools: a chat agent looks processes up, masked', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let previousProfile: string;

  before(async () => {
    api = await extensionApi();
    previousProfile = api.profiles.active().id;
    await api.profiles.setActive('emulator');
    if (!api.privacy.revealed) api.privacy.toggle(); // the tool must mask whatever the reveal switch says
  });

  after(async () => {
    if (api.privacy.revealed) api.privacy.toggle();
    await api.profiles.setActive(previousProfile);
  });

  it('contributes both tools to vscode.lm.tools, with their input schemas', () => {
    const tools = vscode.lm.tools.filter((t) => t.name.startsWith('idcloud_'));
    assert.deepStrictEqual(tools.map((t) => t.name).sort(), [LM_TOOLS.findProcessIds, LM_TOOLS.getProcess].sort());
    const get = tools.find((t) => t.name === LM_TOOLS.getProcess);
    assert.deepStrictEqual((get?.inputSchema as { required?: string[] } | undefined)?.required, ['processId']);
    assert.match(get?.description ?? '', /never returns personal data/i);
  });

  it('explains a process with its verdict, meanings, sources and ISO times, and no personal data even revealed', async () => {
    assert.strictEqual(api.privacy.revealed, true);
    const text = await getProcess({ processId: REFERENCE_EXAMPLE_ID });
    assert.match(text, /^IDCloud process 53060f52-f146-4c12-a234-5bb5031f6f5b in profile "Local emulator"/);
    assert.match(text, /Verdict: OK — Identity verification inconclusive/);
    assert.match(text, /Identity verification \(authenticationResult = "AUTHENTICATION_RESULT_INCONCLUSIVE"\): inconclusive — /);
    assert.match(text, /\[source: https:\/\/developer\.unico\.io\/capabilities\/identity-verification\/index\.html\]/);
    assert.match(text, /created 2024-01-01T10:00:00\.000Z/);
    for (const id of [REFERENCE_EXAMPLE_ID, CNH_OK, FRAUDSTER]) {
      const each = await getProcess({ processId: id.toUpperCase(), profile: 'Local emulator' });
      assert.ok(each.startsWith(`IDCloud process ${id} `), each.slice(0, 120));
      for (const secret of SECRETS) assert.ok(!each.includes(secret), `"${secret}" reached the chat for ${id}`);
      assert.doesNotMatch(each, /\/signed\/|signature=|expires=/, `a signed URL reached the chat for ${id}`);
    }
  });

  it('answers an invalid ID, an unknown profile, a missing process and rate limiting in text', async () => {
    assert.match(await getProcess({ processId: 'not-an-id' }), /^Invalid processId \("not-an-id"\): an IDCloud process ID is a UUID/);
    const unknown = await getProcess({ processId: REFERENCE_EXAMPLE_ID, profile: 'staging' });
    assert.match(unknown, /^Unknown profile "staging"\. Nothing was looked up\. The profiles are: "emulator" \("Local emulator"\), /);
    assert.match(unknown, /"production" \("Production", production\)/);
    const missing = await getProcess({ processId: NOT_FOUND });
    assert.match(missing, /failed \(notFound\)\. Relay this message to the user: Not found in Local emulator\./);
    const limited = await getProcess({ processId: RATE_LIMITED, profile: 'emulator' });
    assert.match(limited, /failed \(rateLimited\)\. Relay this message to the user: Rate limited by IDCloud \(Local emulator\)/);
  });

  it('asks before a production lookup, and says what will be looked up', async () => {
    const prepared = await api.lmTools.getProcess.prepareInvocation?.({ input: { processId: REFERENCE_EXAMPLE_ID, profile: 'production' } }, never);
    assert.ok(prepared?.confirmationMessages, 'no confirmation for production');
    assert.strictEqual(prepared.confirmationMessages.title, 'Look up a process in Production?');
    const message = prepared.confirmationMessages.message;
    assert.match(typeof message === 'string' ? message : message.value, /process 53060f52-f146-4c12-a234-5bb5031f6f5b in Production \(https:\/\//);
    assert.strictEqual(prepared.invocationMessage, `Looking up IDCloud process ${REFERENCE_EXAMPLE_ID} in Production`);
    const emulator = await api.lmTools.getProcess.prepareInvocation?.({ input: { processId: REFERENCE_EXAMPLE_ID } }, never);
    assert.strictEqual(emulator?.confirmationMessages, undefined, 'the emulator asked for confirmation');
    assert.strictEqual(emulator?.invocationMessage, `Looking up IDCloud process ${REFERENCE_EXAMPLE_ID} in Local emulator`);
  });

  it('after the chat confirmed production, does not ask again; without credentials it says so', async function () {
    if (await api.lookups.hasCredentials('production')) this.skip(); // another suite stored some: the message would differ
    const result = await api.lmTools.getProcess.invoke({ input: { processId: REFERENCE_EXAMPLE_ID, profile: 'production' }, toolInvocationToken: undefined }, never);
    const text = textOf(result as vscode.LanguageModelToolResult);
    assert.match(text, /in profile "Production" failed \(unauthorized\)\. Relay this message to the user: No credentials for Production\./);
    assert.strictEqual(api.lookups.needsConfirmation('production'), true, 'the chat\'s confirmation confirmed the whole window');
  });

  it('in an untrusted workspace, answers from the cache only and fetches nothing', async () => {
    await getProcess({ processId: CNH_OK }); // cached now
    const untrusted = new GetProcessTool({ lookups: api.lookups, background: { trusted: false }, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    let fetches = 0;
    const sub = api.lookups.onDidFetch(() => { fetches++; });
    try {
      const cached = textOf(await untrusted.invoke({ input: { processId: CNH_OK }, toolInvocationToken: undefined }, never));
      assert.match(cached, /From the cache only: this workspace is not trusted/);
      assert.match(cached, /Verdict: OK/);
      const uncached = textOf(await untrusted.invoke({ input: { processId: NEVER_CACHED }, toolInvocationToken: undefined }, never));
      assert.match(uncached, /^IDCloud process 7b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d was not looked up: this workspace is not trusted/);
      assert.strictEqual(api.lookups.peek({ id: pid(NEVER_CACHED), profileId: 'emulator' }), undefined);
      assert.strictEqual(fetches, 0);
      const prepared = untrusted.prepareInvocation({ input: { processId: CNH_OK } });
      assert.strictEqual(prepared.invocationMessage, `Reading IDCloud process ${CNH_OK} from the cache of Local emulator (untrusted workspace)`);
    } finally {
      sub.dispose();
    }
  });

  it('finds the IDs of a file by relative path, and of the active editor, with counts and first lines', async () => {
    const byPath = await invoke(LM_TOOLS.findProcessIds, { file: 'sample.log' });
    assert.match(byPath, /^\d+ distinct IDCloud process ID\(s\) in "sample\.log"/);
    assert.match(byPath, /- 53060f52-f146-4c12-a234-5bb5031f6f5b: 1×, first on line 2\n/);
    assert.match(byPath, /- c805fbe8-8c64-4080-a67b-8ce2add47a51: 2×, first on line 3\n/);
    assert.match(byPath, /- aec0c9f8-2dae-48b5-95d2-eebd14c00e47: 1×, first on line 6\n/);
    assert.doesNotMatch(byPath, /INFO|processId=|fraudster/, 'a line\'s text reached the chat');
    const workspace = process.env.HARNESS_WORKSPACE;
    assert.ok(workspace, 'HARNESS_WORKSPACE is not set');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspace, 'sample.log')));
    await vscode.window.showTextDocument(doc);
    const active = await invoke(LM_TOOLS.findProcessIds, {});
    assert.strictEqual(active, byPath);
    const missing = await invoke(LM_TOOLS.findProcessIds, { file: 'no-such-file.log' });
    assert.match(missing, /^Could not search "no-such-file\.log" for process IDs\. Relay this message to the user: The file to search for process IDs no longer exists\./);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

/** A file system of this test's own scheme that logs every call: a refused file must see none. */
class WatchedFs implements vscode.FileSystemProvider {
  readonly calls: string[] = [];
  readonly onDidChangeFile = new vscode.EventEmitter<vscode.FileChangeEvent[]>().event;
  constructor(private readonly content: Uint8Array) {}
  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat {
    this.calls.push(`stat ${uri.path}`);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.content.byteLength };
  }
  readFile(uri: vscode.Uri): Uint8Array {
    this.calls.push(`readFile ${uri.path}`);
    return this.content;
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] { this.calls.push(`readDirectory ${uri.path}`); return []; }
  createDirectory(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  writeFile(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  delete(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  rename(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
}

describe('language-model tools: Find IDCloud Process IDs reads only the workspace and open documents', function () {
  this.timeout(60_000);
  const SCHEME = 'idcloud-lm-outside';
  const findIds = (file: string): Promise<string> => invoke(LM_TOOLS.findProcessIds, { file });
  const refusedText = (shown: string): RegExp => {
    const name = JSON.stringify(shown).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return new RegExp(`^${name} was not searched, and nothing of it was read: this tool reads only files inside the workspace folders and documents open in the editor\\. `
      + `Relay this message to the user: ${name} is outside the workspace folders and not open in the editor; open it in the editor first, or ask about a file in the workspace\\.$`);
  };
  let api: ExtensionApi;
  let workspace: string;
  let dir: string;
  let outside: string;

  before(async () => {
    api = await extensionApi();
    workspace = process.env.HARNESS_WORKSPACE ?? '';
    assert.ok(workspace, 'HARNESS_WORKSPACE is not set');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-lm-scope-'));
    outside = path.join(dir, 'secret.log');
    fs.writeFileSync(outside, `token for ${CNH_OK}\nand ${FRAUDSTER}\n`);
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file outside the workspace folders, by path, URI or a .. escape, and says so before the call', async () => {
    const rel = path.relative(workspace, outside);
    assert.ok(rel.startsWith('..'), rel);
    const escapeUri = `${vscode.Uri.file(workspace).toString()}/${rel.split(path.sep).join('/')}`;
    for (const file of [outside, vscode.Uri.file(outside).toString(), rel, `src/../${rel}`, escapeUri]) {
      const answer = await findIds(file);
      assert.match(answer, refusedText(file), file);
      assert.doesNotMatch(answer, new RegExp(`${CNH_OK}|${FRAUDSTER}`), `${file} was read`);
    }
    const prepared = await api.lmTools.findProcessIds.prepareInvocation?.({ input: { file: outside } }, never);
    assert.strictEqual(prepared?.invocationMessage, `Not searching ${JSON.stringify(outside)}: it is outside the workspace folders and not open in the editor`);
    assert.strictEqual(prepared.confirmationMessages, undefined);
  });

  it('refuses without a single file system call, and reads the same file once it is open in the editor', async () => {
    const watched = new WatchedFs(Buffer.from(`a log line about ${CNH_OK}\n`, 'utf8'));
    const registration = vscode.workspace.registerFileSystemProvider(SCHEME, watched, { isReadonly: true });
    try {
      const uri = vscode.Uri.from({ scheme: SCHEME, path: '/elsewhere/secret.log' });
      const refused = await findIds(uri.toString());
      assert.deepStrictEqual(watched.calls, [], 'a refused file was touched');
      assert.match(refused, refusedText(uri.toString()));
      await vscode.workspace.openTextDocument(uri); // the user opened it: now it may be read
      const answer = await findIds(uri.toString());
      assert.match(answer, new RegExp(`^1 distinct IDCloud process ID\\(s\\) in "${SCHEME}:/elsewhere/secret\\.log"`));
      assert.match(answer, new RegExp(`- ${CNH_OK}: 1×, first on line 1\n`));
    } finally {
      registration.dispose();
    }
  });

  it('still reads a workspace file by absolute path, URI and a .. that stays inside', async () => {
    const byPath = await findIds('sample.log');
    assert.match(byPath, /^\d+ distinct IDCloud process ID\(s\) in "sample\.log"/);
    const file = path.join(workspace, 'sample.log');
    for (const same of [file, vscode.Uri.file(file).toString(), 'src/../sample.log', `${vscode.Uri.file(workspace).toString()}/src/../sample.log`]) {
      assert.strictEqual(await findIds(same), byPath, same);
    }
    const prepared = await api.lmTools.findProcessIds.prepareInvocation?.({ input: { file: 'src/../sample.log' } }, never);
    assert.strictEqual(prepared?.invocationMessage, 'Finding process IDs in sample.log');
  });

  it('reads a document open in the editor outside the workspace: a file on disk and an untitled one', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(outside));
    const answer = await findIds(outside);
    assert.match(answer, /^2 distinct IDCloud process ID\(s\) in ".*secret\.log"/);
    assert.match(answer, new RegExp(`- ${CNH_OK}: 1×, first on line 1\n- ${FRAUDSTER}: 1×, first on line 2\n`));
    assert.strictEqual(await findIds(doc.uri.toString()), answer);
    const prepared = await api.lmTools.findProcessIds.prepareInvocation?.({ input: { file: outside } }, never);
    assert.strictEqual(prepared?.invocationMessage, 'Finding process IDs in secret.log');
    const untitled = await vscode.workspace.openTextDocument({ content: `draft\n\nabout ${FRAUDSTER}` });
    assert.strictEqual(untitled.uri.scheme, 'untitled');
    const draft = await findIds(untitled.uri.toString());
    assert.match(draft, new RegExp(`^1 distinct IDCloud process ID\\(s\\) in "untitled:.*\n- ${FRAUDSTER}: 1×, first on line 3\n`));
  });
});
