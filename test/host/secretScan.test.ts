// The committed-credential scan in a real extension host: a warning with source "idcloud" on a
// leaked service account, Store in IDCloud Credentials (the prompts answered through the test API)
// filling a profile's SecretStorage and deleting the text, Ignore in This File, and the setting.
// Every file is generated into a temp dir at test time, with keys and tokens made here.
import * as assert from 'assert';
import { createPrivateKey, generateKeyPairSync, sign } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AccountHint } from '../../src/core/credentialLeaks';
import type { Credentials } from '../../src/editor/profiles/credentials';
import type { LeakPrompts } from '../../src/editor/secrets/prompts';
import type { StoreLeakResult } from '../../src/editor/secrets/store';
import type { Profile } from '../../src/editor/services';
import type { ExtensionApi } from '../../src/extension';
import { extensionApi, setSetting } from './api';
import { storeCredentials, until } from './profileFixtures';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const der = (pem: string): string => createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' }).toString('base64');

function accessToken(lifetimeSeconds = 3600): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://identityhomolog.acesso.io', sub: 'lensbot@t-81c2.iam.acesso.io', iat: now, exp: now + lifetimeSeconds };
  const input = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'idcloud');
}

function diagnostics(uri: vscode.Uri, check: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return until(vscode.languages.onDidChangeDiagnostics, () => check(ours(uri))).then(() => ours(uri));
}

async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.Command> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  const command = actions.find((a) => a.title === title)?.command;
  assert.ok(command, `no "${title}" among ${titles.join(' | ')}`);
  return command;
}

function args(command: vscode.Command): unknown[] {
  return (command.arguments ?? []) as unknown[];
}

/** Prompts that answer as scripted and record what they were asked. */
function scripted(answers: { profileId: string; account?: { tenantId: string; accountName: string }; replace: boolean; remove: boolean }) {
  const asked: { candidates: string[]; accountHint?: AccountHint; replaced?: Credentials['kind']; deleteFrom?: string } = { candidates: [] };
  const prompts: LeakPrompts = {
    pickProfile: (candidates: readonly Profile[]) => {
      asked.candidates = candidates.map((p) => p.id);
      return Promise.resolve(candidates.find((p) => p.id === answers.profileId));
    },
    askAccount: (_p, hint) => {
      asked.accountHint = hint;
      return Promise.resolve(answers.account);
    },
    confirmReplace: (_p, previous) => {
      asked.replaced = previous;
      return Promise.resolve(answers.replace);
    },
    confirmDelete: (_p, fileName) => {
      asked.deleteFrom = fileName;
      return Promise.resolve(answers.remove);
    },
  };
  return { prompts, asked };
}

describe('credential scan', () => {
  let api: ExtensionApi;
  let dir: string;

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return vscode.workspace.openTextDocument(vscode.Uri.file(file));
  }

  before(async () => {
    api = await extensionApi();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-scan-'));
  });

  after(async () => {
    await storeCredentials(api, 'sandbox', undefined);
    await setSetting('secretScan.enabled', undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('warns about a service account JSON, naming the key by its last characters only', async () => {
    const text = JSON.stringify({ tenantId: 't-81c2', accountName: 'lensbot', privateKey: pkcs8 }, null, 2);
    const doc = await open('service-account.json', text);
    const [d, ...more] = await diagnostics(doc.uri, (ds) => ds.length > 0);
    assert.ok(d && more.length === 0);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(d.code, 'service-account');
    assert.deepStrictEqual(d.range.start, doc.positionAt(text.indexOf('-----BEGIN')));
    const body = pkcs8.split('\n').filter((l) => l !== '' && !l.startsWith('-----')).join('');
    assert.ok(d.message.includes(`…${body.replace(/=+$/, '').slice(-4)}`), d.message);
    for (let i = 0; i + 16 <= body.length; i += 16) assert.ok(!d.message.includes(body.slice(i, i + 16)), 'no key material in the message');
  });

  it('Store in IDCloud Credentials saves the account in the picked profile, after confirming the replace, then deletes the key', async () => {
    await storeCredentials(api, 'sandbox', { kind: 'token', token: 'an.old.token' });
    const doc = await open('store.json', JSON.stringify({ tenantId: 't-81c2', accountName: 'lensbot', privateKey: pkcs8 }, null, 2));
    const [d] = await diagnostics(doc.uri, (ds) => ds.length === 1);
    assert.ok(d);
    const command = await quickFix(doc.uri, d, 'Store in IDCloud Credentials…');
    const { prompts, asked } = scripted({ profileId: 'sandbox', replace: true, remove: true });
    const stubbed = api.secretScan.usePrompts(prompts);
    let result: StoreLeakResult | undefined;
    try {
      result = await vscode.commands.executeCommand<StoreLeakResult | undefined>(command.command, ...args(command));
    } finally {
      stubbed.dispose();
    }
    assert.deepStrictEqual(result, { profileId: 'sandbox', deleted: true });
    assert.ok(!asked.candidates.includes('emulator') && asked.candidates.includes('sandbox'), asked.candidates.join());
    assert.strictEqual(asked.accountHint, undefined, 'the file named the account: nothing asked');
    assert.strictEqual(asked.replaced, 'token', 'asked before replacing the saved token');
    assert.strictEqual(asked.deleteFrom, 'store.json');
    const saved = await api.credentials.get('sandbox');
    assert.ok(saved?.kind === 'serviceAccount');
    assert.deepStrictEqual([saved.tenantId, saved.accountName, der(saved.privateKeyPem)], ['t-81c2', 'lensbot', der(pkcs8)]);
    assert.ok(!doc.getText().includes('PRIVATE KEY'), 'the key left the file');
    assert.deepStrictEqual(JSON.parse(doc.getText()), { tenantId: 't-81c2', accountName: 'lensbot', privateKey: '\n' }, 'the rest of the JSON is intact');
    await diagnostics(doc.uri, (ds) => ds.length === 0);
    await doc.save();
  });

  it('asks for the account a bare key file lacks, and stores nothing when the replace is declined', async () => {
    const doc = await open('lensbot.pem', pkcs8);
    const [d] = await diagnostics(doc.uri, (ds) => ds.length === 1);
    assert.strictEqual(d?.code, 'private-key');
    const command = await quickFix(doc.uri, d, 'Store in IDCloud Credentials…');
    const before = await api.credentials.get('sandbox');
    const { prompts, asked } = scripted({ profileId: 'sandbox', account: { tenantId: 't-9', accountName: 'other' }, replace: false, remove: true });
    const stubbed = api.secretScan.usePrompts(prompts);
    try {
      assert.strictEqual(await vscode.commands.executeCommand(command.command, ...args(command)), undefined);
    } finally {
      stubbed.dispose();
    }
    assert.deepStrictEqual(asked.accountHint, {});
    assert.strictEqual(asked.replaced, 'serviceAccount');
    assert.strictEqual(asked.deleteFrom, undefined, 'nothing saved, so nothing offered for deletion');
    assert.deepStrictEqual(await api.credentials.get('sandbox'), before);
    assert.ok(doc.getText().includes('PRIVATE KEY'));
  });

  it('Ignore in This File removes the warning, and a later scan keeps it away while still finding new tokens', async () => {
    const token = accessToken();
    const doc = await open('request.http', `GET https://api.idcloud.uat.unico.app/client/v1/process/x\nAuthorization: Bearer ${token}\n`);
    const [d] = await diagnostics(doc.uri, (ds) => ds.length === 1);
    assert.strictEqual(d?.code, 'bearer-header');
    const command = await quickFix(doc.uri, d, 'Ignore in This File');
    assert.strictEqual(await vscode.commands.executeCommand(command.command, ...args(command)), true);
    await diagnostics(doc.uri, (ds) => ds.length === 0);

    const other = accessToken().replace(/.{4}$/, 'AAAA'); // another token (its signature is not checked)
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), `X-Debug: ${other}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [again, ...more] = await diagnostics(doc.uri, (ds) => ds.length > 0);
    assert.strictEqual(more.length, 0, 'the ignored header stays ignored');
    assert.strictEqual(again?.code, 'access-token');
    assert.strictEqual(again.range.start.line, 2);
    await doc.save();
  });

  it('offers no Store for what cannot be used (an expired token), only Ignore and the setting', async () => {
    const doc = await open('old.env', `IDCLOUD_TOKEN=${accessToken(-60)}\n`);
    const [d] = await diagnostics(doc.uri, (ds) => ds.length === 1);
    assert.strictEqual(d?.code, 'expired-token');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(actions.map((a) => a.title).filter((t) => /IDCloud|This File/.test(t)), ['Ignore in This File', 'Turn Off the IDCloud Credential Scan…']);
  });

  it('idcloud.secretScan.enabled turns the scan off (every warning goes) and on again', async () => {
    const doc = await open('again.pem', pkcs8);
    await diagnostics(doc.uri, (ds) => ds.length === 1);
    await setSetting('secretScan.enabled', false);
    await diagnostics(doc.uri, (ds) => ds.length === 0);
    await setSetting('secretScan.enabled', undefined);
    await diagnostics(doc.uri, (ds) => ds.length === 1);
  });
});
