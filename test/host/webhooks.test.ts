// Webhooks end to end in a real extension host: the emulator's live process delivers unico's
// payload to the extension's Webhook Inbox, the delivery opens its process, and Compare Webhook
// with the API reads the process from the active profile (the Local emulator).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/editor/commandIds';
import { LIVE_PROCESS_ID, REFERENCE_EXAMPLE_ID, startEmulator } from '../../src/emulator/index';
import { extensionApi } from './api';

describe('webhooks', function () {
  this.timeout(60_000);

  it('a process finished through the emulator delivers to the inbox with Basic auth, and the delivery opens the process', async () => {
    const api = await extensionApi();
    const inbox = await api.webhookInbox();
    const url = await inbox.start(0, { type: 'basic', user: 'unico', password: 'pw' });
    const em = await startEmulator({ liveProcessDelayMs: 100, webhook: { url, auth: 'basic:unico:pw' } });
    try {
      const deliveries = new Promise<void>((resolve) => {
        const sub = inbox.onDidChangeTreeData(() => { sub.dispose(); resolve(); });
      });
      // the live process has no result yet, so nothing to send; a finished one is sent
      assert.strictEqual((await fetch(`${em.apiBaseUrl}/emulator/webhook/${LIVE_PROCESS_ID}`, { method: 'POST' })).status, 422);
      assert.strictEqual((await fetch(`${em.apiBaseUrl}/emulator/webhook/${REFERENCE_EXAMPLE_ID}`, { method: 'POST' })).status, 202);
      await deliveries;
      const [first] = inbox.all();
      assert.ok(first);
      assert.strictEqual(first.payload.processId, REFERENCE_EXAMPLE_ID);
      assert.strictEqual(first.redelivery, false);
      const item = inbox.getTreeItem(first);
      assert.strictEqual(item.command?.command, Commands.showProcess);
      assert.deepStrictEqual(item.command.arguments, [{ id: REFERENCE_EXAMPLE_ID, profileId: api.lookups.activeProfile().id }]);
    } finally {
      await em.close();
      await vscode.commands.executeCommand(Commands.stopWebhookInbox);
    }
  });

  it('refuses a call with the wrong authentication', async () => {
    const api = await extensionApi();
    const inbox = await api.webhookInbox();
    const url = await inbox.start(0, { type: 'bearer', token: 'right' });
    try {
      const before = inbox.all().length;
      const status = (await fetch(url, { method: 'POST', headers: { authorization: 'Bearer wrong' }, body: JSON.stringify({ processId: REFERENCE_EXAMPLE_ID, state: 'PROCESS_STATE_FINISHED', result: 'ok' }) })).status;
      assert.strictEqual(status, 401);
      assert.strictEqual(inbox.all().length, before);
    } finally {
      await vscode.commands.executeCommand(Commands.stopWebhookInbox);
    }
  });

  it('Compare Webhook with the API: agreeing, and a result the API contradicts', async () => {
    const payload = { processId: REFERENCE_EXAMPLE_ID, state: 'PROCESS_STATE_FINISHED', result: 'ok', flow: 'idunicosign' };
    assert.strictEqual(await vscode.commands.executeCommand(Commands.compareWebhook, payload), 'agree');
    const wrong = await vscode.commands.executeCommand<string>(Commands.compareWebhook, { ...payload, result: 'invalid_identity' });
    assert.match(wrong, /Result: webhook invalid_identity · API PROCESS_RESULT_OK/);
  });

  it('a webhook payload in a file gets its lens and hover, without any lookup', async () => {
    const text = `{"processId":"${REFERENCE_EXAMPLE_ID}","state":"PROCESS_STATE_FINISHED","result":"expired","flow":"id","lastEvent":"EVENT_TYPE_QR_CODE_READ"}`;
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('Open process · webhook result expired'), titles.join(' | '));
    assert.ok(titles.includes('Compare with the API'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 80));
    const md = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : typeof c === 'string' ? c : '')).join('\n');
    assert.match(md, /stands for `PROCESS_RESULT_EXPIRED`/);
    assert.match(md, /`EVENT_TYPE_QR_CODE_READ`/);
    assert.match(md, /developer\.unico\.io\/developers\/webhooks-and-events/);
  });
});
