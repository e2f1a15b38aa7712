// Every command of the commands folder, run through vscode.commands against the local emulator
// (the default profile of a fresh install).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FAULT_IDS, REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, UNKNOWN_PROCESS_ID as UNKNOWN_PROCESS_ID_TEXT } from '../../src/emulator';
import type { ProfileOutcome } from '../../src/editor/commands/allProfiles';
import { Commands } from '../../src/editor/commandIds';
import { validateProcessIdInput } from '../../src/editor/commands/prompt';
import { RAW_JSON_SCHEME } from '../../src/editor/commands/rawJson';
import { toProcessRef } from '../../src/editor/commands/register';
import type { ProcessRef } from '../../src/editor/services';
import type { ExtensionApi } from '../../src/extension';
import { extensionApi, watchRejections } from './api';
import { pid } from '../unit/pid.helpers';

const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);
const UNKNOWN_PROCESS_ID = pid(UNKNOWN_PROCESS_ID_TEXT);

const REF: ProcessRef = { id: REFERENCE_EXAMPLE_ID, profileId: 'emulator' };

describe('commands against the local emulator', () => {
  let api: ExtensionApi;
  const rejections = watchRejections();

  before(async () => {
    api = await extensionApi();
    assert.strictEqual(api.lookups.activeProfile().id, 'emulator', 'a fresh install starts on the Local emulator profile');
  });

  after(() => {
    rejections.stop();
    assert.deepStrictEqual(rejections.seen, [], 'no unhandled rejection');
  });

  describe('Look Up Process…', () => {
    it('looks up an ID given as argument, adds it to Recent and shows it in the tree', async () => {
      await api.tree.history.clearRecent();
      const ref = await vscode.commands.executeCommand<ProcessRef | undefined>(Commands.lookUpProcess, REFERENCE_EXAMPLE_ID.toUpperCase());
      assert.deepStrictEqual(ref, REF);
      assert.deepStrictEqual(api.tree.history.recent[0], REF);
      assert.ok(api.lookups.peek(REF), 'the process is in the cache');
      assert.ok(api.tree.provider.nodeFor(REF), 'the tree has a node for it');
    });

    it('accepts a ProcessRef and a tree node carrying one', async () => {
      assert.deepStrictEqual(await vscode.commands.executeCommand(Commands.lookUpProcess, REF), REF);
      const node = api.tree.provider.nodeFor(REF);
      assert.ok(node);
      assert.deepStrictEqual(await vscode.commands.executeCommand(Commands.lookUpProcess, node), REF);
    });

    it('settles without a result, and adds nothing, for a 404 and for a malformed ID', async () => {
      const before = [...api.tree.history.recent];
      assert.strictEqual(await vscode.commands.executeCommand(Commands.lookUpProcess, UNKNOWN_PROCESS_ID), undefined);
      assert.strictEqual(await vscode.commands.executeCommand(Commands.lookUpProcess, 'not-a-uuid'), undefined);
      assert.deepStrictEqual(api.tree.history.recent, before);
    });

    it('settles for every fault ID (errors become messages, not rejections)', async () => {
      for (const id of [FAULT_IDS.serverError, FAULT_IDS.malformedJson, FAULT_IDS.schemaDrift, FAULT_IDS.connectionReset, FAULT_IDS.serviceUnavailable]) {
        assert.strictEqual(await vscode.commands.executeCommand(Commands.lookUpProcess, id), undefined, id);
      }
    });

    it('Show Process opens the process panel', async () => {
      assert.deepStrictEqual(await vscode.commands.executeCommand(Commands.showProcess, REF), REF);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      assert.ok(
        tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(REFERENCE_EXAMPLE_ID.slice(0, 8))),
        `no panel tab among: ${tabs.map((t) => t.label).join(', ')}`,
      );
    });

    it('validates the input box: a UUID, quoted, in a URL or urn, in any case', () => {
      assert.ok(validateProcessIdInput(''));
      assert.ok(validateProcessIdInput('   '));
      assert.ok(validateProcessIdInput('53060f52-f146-4c12-a234'));
      assert.ok(validateProcessIdInput('53060f52-f146-4c12-a234-5bb5031f6f5bX'));
      assert.strictEqual(validateProcessIdInput(REFERENCE_EXAMPLE_ID), undefined);
      assert.strictEqual(validateProcessIdInput(` "${REFERENCE_EXAMPLE_ID.toUpperCase()}" `), undefined);
      assert.strictEqual(validateProcessIdInput(`urn:uuid:${REFERENCE_EXAMPLE_ID}`), undefined);
      assert.strictEqual(validateProcessIdInput(`https://api.idcloud.unico.app/client/v1/process/${REFERENCE_EXAMPLE_ID}`), undefined);
    });

    it('resolves every ProcessArg shape', () => {
      const lookups = { activeProfile: () => api.lookups.activeProfile() };
      assert.deepStrictEqual(toProcessRef(REFERENCE_EXAMPLE_ID, lookups), REF);
      assert.deepStrictEqual(toProcessRef({ id: REFERENCE_EXAMPLE_ID, profileId: 'sandbox' }, lookups), { id: REFERENCE_EXAMPLE_ID, profileId: 'sandbox' });
      assert.deepStrictEqual(toProcessRef({ ref: REF, label: 'x' }, lookups), REF);
      assert.strictEqual(toProcessRef(undefined, lookups), undefined);
      assert.strictEqual(toProcessRef(vscode.Uri.file('/tmp/a.log'), lookups), undefined);
      assert.throws(() => toProcessRef('nope', lookups), (e: unknown) => e instanceof Error && (e as { kind?: string }).kind === 'invalidId');
    });
  });

  describe('Copy', () => {
    it('Copy Process ID puts the full ID on the clipboard', async () => {
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand(Commands.copyProcessId, REF);
      assert.strictEqual(await vscode.env.clipboard.readText(), REFERENCE_EXAMPLE_ID);
    });

    it('Copy as JSON copies the masked JSON while personal data is hidden (person, token, signed URLs)', async () => {
      if (api.privacy.revealed) api.privacy.toggle();
      await vscode.commands.executeCommand(Commands.copyAsJson, REF);
      const text = await vscode.env.clipboard.readText();
      const raw = api.lookups.peek(REF)?.rawJson ?? '';
      const exact = JSON.parse(raw) as { process: { token: string; person: { duiValue: string; friendlyName: string }; services: { documents: { signed_url: string }[] }[] } };
      const hidden = [exact.process.token, exact.process.person.duiValue, exact.process.person.friendlyName, exact.process.services[0]?.documents[0]?.signed_url ?? '?'];
      for (const value of hidden) assert.ok(!text.includes(value), `${value} copied while hidden`);
      assert.strictEqual((JSON.parse(text) as { process: { id: string } }).process.id, REFERENCE_EXAMPLE_ID);
    });

    it('Copy as JSON puts the body exactly as received once personal data is revealed', async () => {
      if (!api.privacy.revealed) api.privacy.toggle();
      try {
        await vscode.commands.executeCommand(Commands.copyAsJson, REF);
        const text = await vscode.env.clipboard.readText();
        assert.strictEqual(text, api.lookups.peek(REF)?.rawJson);
      } finally {
        api.privacy.toggle();
      }
    });

    it('Copy as cURL targets the profile and says $TOKEN, never a token', async () => {
      await vscode.commands.executeCommand(Commands.copyAsCurl, REF);
      const curl = await vscode.env.clipboard.readText();
      const base = api.lookups.profile('emulator')?.apiBaseUrl;
      assert.ok(base, 'the emulator has started');
      assert.ok(curl.startsWith(`curl -sS '${base}/client/v1/process/${REFERENCE_EXAMPLE_ID}'`), curl);
      assert.ok(curl.includes('"Authorization: Bearer $TOKEN"'), curl);
      assert.doesNotMatch(curl, /eyJ[A-Za-z0-9_-]+\./, 'no JWT in the command');
      assert.strictEqual(curl.match(/Bearer/g)?.length, 1);
    });
  });

  describe('Open Raw JSON', () => {
    it('opens a read-only JSON document, pretty-printed, masked until personal data is revealed', async () => {
      if (api.privacy.revealed) api.privacy.toggle();
      const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.openRawJson, REF);
      assert.ok(uri);
      assert.strictEqual(uri.scheme, RAW_JSON_SCHEME);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.ok(doc, 'the document is open');
      assert.strictEqual(doc.languageId, 'json');
      const raw = api.lookups.peek(REF)?.rawJson;
      assert.ok(raw);
      const masked = doc.getText();
      assert.ok(masked.includes('\n  "process": {'), 'two-space indentation');
      assert.doesNotMatch(masked, /12345678909|Skywalker|044589731564/);
      assert.match(masked, /"flow": "idunicosign"/);
      const shape = (v: unknown): unknown => JSON.parse(JSON.stringify(v), (_k, x: unknown) => (typeof x === 'string' ? '' : x));
      assert.deepStrictEqual(shape(JSON.parse(masked)), shape(JSON.parse(raw)), 'same keys and structure');

      const revealed = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document === doc) {
            sub.dispose();
            resolve();
          }
        });
      });
      api.privacy.toggle();
      try {
        await revealed;
        assert.deepStrictEqual(JSON.parse(doc.getText()), JSON.parse(raw), 'revealed: the body as received');
      } finally {
        api.privacy.toggle();
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('Look Up in All Profiles', () => {
    it('reports the emulator as the one profile that has the reference example', async () => {
      const outcomes = await vscode.commands.executeCommand<ProfileOutcome[]>(Commands.lookUpInAllProfiles, REF);
      assert.ok(outcomes);
      const byProfile = new Map(outcomes.map((o) => [o.profileId, o.status]));
      assert.strictEqual(byProfile.get('emulator'), 'found');
      for (const id of ['sandbox', 'production']) {
        if (!(await api.lookups.hasCredentials(id))) assert.strictEqual(byProfile.get(id), 'noCredentials', id);
      }
      assert.deepStrictEqual(outcomes.map((o) => o.profileId).sort(), api.lookups.profiles().map((p) => p.id).sort());
    });

    it('reports an unknown ID as not found where it looked', async () => {
      const outcomes = await vscode.commands.executeCommand<ProfileOutcome[]>(Commands.lookUpInAllProfiles, UNKNOWN_PROCESS_ID);
      assert.ok(outcomes);
      assert.strictEqual(outcomes.find((o) => o.profileId === 'emulator')?.status, 'notFound');
      assert.ok(!outcomes.some((o) => o.status === 'found'));
    });
  });

  describe('Pin, Unpin, Clear History', () => {
    it('pins and unpins by ID and profile; Clear History keeps the pinned', async () => {
      const other: ProcessRef = { id: pid('c805fbe8-8c64-4080-a67b-8ce2add47a51'), profileId: 'emulator' };
      await vscode.commands.executeCommand(Commands.lookUpProcess, other);
      await vscode.commands.executeCommand(Commands.pin, REF);
      assert.ok(api.tree.history.isPinned(REF));
      assert.ok(!api.tree.history.recent.some((r) => r.id === REF.id), 'a pinned process leaves Recent');
      await vscode.commands.executeCommand(Commands.clearHistory);
      assert.deepStrictEqual(api.tree.history.recent, []);
      assert.deepStrictEqual(api.tree.history.pinned.filter((r) => r.id === REF.id), [REF]);
      await vscode.commands.executeCommand(Commands.unpin, api.tree.provider.nodeFor(REF));
      assert.ok(!api.tree.history.isPinned(REF));
      assert.deepStrictEqual(api.tree.history.recent[0], REF, 'unpinning puts it back on top of Recent');
    });

    it('persists nothing but { id, profileId } pairs', async () => {
      await vscode.commands.executeCommand(Commands.pin, { ref: REF, process: { person: { friendlyName: 'Luke Skywalker' } } });
      const stored = JSON.stringify({ pinned: api.tree.history.pinned, recent: api.tree.history.recent });
      for (const entry of [...api.tree.history.pinned, ...api.tree.history.recent]) {
        assert.deepStrictEqual(Object.keys(entry).sort(), ['id', 'profileId']);
      }
      assert.doesNotMatch(stored, /Skywalker|12345678909|friendlyName|duiValue/);
      await vscode.commands.executeCommand(Commands.unpin, REF);
    });
  });

  describe('Refresh', () => {
    it('fetches again, bypassing the cache', async () => {
      await vscode.commands.executeCommand(Commands.lookUpProcess, REF);
      const first = api.lookups.peek(REF);
      assert.ok(first);
      const fetched = new Promise<ProcessRef>((resolve) => {
        const sub = api.lookups.onDidFetch((ref) => {
          if (ref.id === REF.id) {
            sub.dispose();
            resolve(ref);
          }
        });
      });
      await vscode.commands.executeCommand(Commands.refresh, REF);
      await fetched;
      assert.notStrictEqual(api.lookups.peek(REF), first, 'a new answer replaced the cached one');
    });

    it('without an argument, refreshes the whole view and settles', async () => {
      assert.strictEqual(await vscode.commands.executeCommand(Commands.refresh), undefined);
    });
  });
});
