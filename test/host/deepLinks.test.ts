// Process links (issue 13): the URI handler the extension registers, driven through the test API's
// handleUri with scripted questions (as credentialFlows.test.ts scripts its dialogs), against the
// Local emulator and a production profile pointing at an emulator the suite owns. Every error case
// says what is wrong and opens nothing; a production link asks every time, declining opens and
// fetches nothing, accepting opens the panel without the window's own production question. One
// test opens a link through VS Code itself (vscode.open → the workbench's URL service → our handler).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DeepLinkUi } from '../../src/editor/deeplink/handler';
import type { ProcessRef } from '../../src/editor/services';
import { REFERENCE_EXAMPLE_ID as REFERENCE_TEXT, type RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extension';
import { EXTENSION_ID, extensionApi, setSetting, watchRejections } from './api';
import { emulatorProfile, serviceAccount, setCustomProfiles, storeCredentials, until } from './profileFixtures';
import { pid } from '../unit/pid.helpers';

const REFERENCE = pid(REFERENCE_TEXT);
const OTHER = pid('c805fbe8-8c64-4080-a67b-8ce2add47a51'); // Finished OK with a CNH
const PROD = 'linkprod';

function link(path: string, query = ''): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path, query });
}

/** Scripted questions: every one asked is recorded, answers are taken in order (none: dismissed). */
function scripted(...answers: (string | undefined)[]) {
  const asked: { readonly kind: 'confirm' | 'error'; readonly message: string; readonly detail?: string; readonly items: readonly string[] }[] = [];
  const ui: DeepLinkUi = {
    confirm: (message, detail, item) => {
      asked.push({ kind: 'confirm', message, detail, items: [item] });
      return Promise.resolve(answers.shift());
    },
    error: (message, ...items) => {
      asked.push({ kind: 'error', message, items });
      return Promise.resolve(answers.shift());
    },
  };
  return { ui, asked };
}

function panelTabs(id: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(id.slice(0, 8)));
}

describe('process links: the URI handler', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: RunningEmulator;
  const rejections = watchRejections();

  before(async () => {
    api = await extensionApi();
    const owned = await emulatorProfile(PROD);
    emulator = owned.emulator;
    await setCustomProfiles(api, [{ ...owned.entry, label: 'Linked production', production: true }], [PROD]);
    await storeCredentials(api, PROD, serviceAccount(emulator));
    await setSetting('confirmProduction', true);
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.tree.history.clearRecent();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('confirmProduction', undefined);
    await storeCredentials(api, PROD, undefined);
    await setCustomProfiles(api, [], []);
    await emulator.close();
    rejections.stop();
    assert.deepStrictEqual(rejections.seen, [], 'no unhandled rejection');
  });

  it('opens the panel of the reference example in the emulator profile, and it lands in Recent', async () => {
    const { ui, asked } = scripted();
    assert.strictEqual(await api.handleUri(link(`/process/${REFERENCE.toUpperCase()}`, 'profile=emulator'), ui), 'opened');
    assert.deepStrictEqual(asked, [], 'a non-production link asks nothing');
    assert.strictEqual(panelTabs(REFERENCE)[0]?.label, `${REFERENCE.slice(0, 8)} · Local emulator`);
    const ref: ProcessRef = { id: REFERENCE, profileId: 'emulator' };
    assert.deepStrictEqual(api.tree.history.recent[0], ref);
    assert.strictEqual(api.lookups.peek(ref)?.process.id, REFERENCE);
  });

  it('an unknown profile: says which, offers every profile and the settings, opens nothing', async () => {
    const { ui, asked } = scripted();
    assert.strictEqual(await api.handleUri(link(`/process/${REFERENCE}`, 'profile=production-eu'), ui), 'unknownProfile');
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0]?.kind, 'error');
    assert.match(asked[0].message, new RegExp(`process ${REFERENCE} is for the profile "production-eu", which this window does not have\\. Add a profile with that ID to idcloud\\.customProfiles`));
    assert.deepStrictEqual(asked[0].items, ['Look Up in All Profiles', 'Open Settings']);
    assert.deepStrictEqual(panelTabs(REFERENCE), []);
    assert.deepStrictEqual(api.tree.history.recent, []);
  });

  it('a missing profile: offers the active profile, and choosing it opens the process there (nothing lost)', async () => {
    const { ui, asked } = scripted('Open in Local emulator');
    assert.strictEqual(await api.handleUri(link(`/process/${OTHER}`), ui), 'missingProfile');
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0]?.message ?? '', new RegExp(`process ${OTHER} does not say which profile it belongs to\\. Open it in your active profile, Local emulator`));
    assert.deepStrictEqual(asked[0]?.items, ['Open in Local emulator', 'Look Up in All Profiles']);
    assert.strictEqual(panelTabs(OTHER).length, 1, 'the chosen action opened the panel');
    assert.deepStrictEqual(api.tree.history.recent[0], { id: OTHER, profileId: 'emulator' });
  });

  it('a malformed ID: echoes it clipped and inert, and offers Look Up Process…', async () => {
    const { ui, asked } = scripted();
    assert.strictEqual(await api.handleUri(link('/process/53060f52-f146-$(zap)-\u202e', 'profile=emulator'), ui), 'malformedId');
    assert.strictEqual(asked.length, 1);
    const message = asked[0]?.message ?? '';
    assert.match(message, /^The process ID in this link, "53060f52-f146-\$\u200b\(zap\)-\[U\+202E\]", is not a process ID: a process ID is a UUID like 53060f52-f146-4c12-a234-5bb5031f6f5b\./);
    assert.deepStrictEqual(asked[0]?.items, ['Look Up Process…']);
    assert.strictEqual(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0);
  });

  it('an unknown path: says what a process link looks like', async () => {
    const { ui, asked } = scripted();
    assert.strictEqual(await api.handleUri(link('/settings', 'profile=emulator'), ui), 'unknownPath');
    assert.match(asked[0]?.message ?? '', /^This is not a process link of IDCloud Process Lens \(its path is "\/settings"\)\. A process link ends in \/process\/<process ID>\?profile=<profile ID>\.$/);
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0);
  });

  it('a production link asks with a modal; declining opens and fetches nothing', async () => {
    emulator.clearRequests();
    const { ui, asked } = scripted(undefined);
    assert.strictEqual(await api.handleUri(link(`/process/${REFERENCE}`, `profile=${PROD}`), ui), 'declined');
    assert.deepStrictEqual(asked.map((a) => [a.kind, a.message, a.items]), [['confirm', `Open process ${REFERENCE.slice(0, 8)} in Linked production?`, ['Open in Linked production']]]);
    assert.match(asked[0]?.detail ?? '', /holds real people's data\. Open it only if you expected this link: process links ask every time\./);
    assert.deepStrictEqual(panelTabs(REFERENCE), []);
    assert.deepStrictEqual(api.tree.history.recent, []);
    assert.deepStrictEqual(emulator.requests(), [], 'declining made a request');
  });

  it('accepting opens the panel without the window question, and leaves the window unconfirmed', async () => {
    assert.strictEqual(api.lookups.needsConfirmation(PROD), true);
    const { ui, asked } = scripted('Open in Linked production');
    // were the window's own modal asked too, nothing would answer it and this would never settle
    assert.strictEqual(await api.handleUri(link(`/process/${REFERENCE}`, `profile=${PROD}`), ui), 'opened');
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(panelTabs(REFERENCE)[0]?.label, `⚠ ${REFERENCE.slice(0, 8)} · Linked production`);
    assert.deepStrictEqual(api.tree.history.recent[0], { id: REFERENCE, profileId: PROD });
    assert.strictEqual(api.lookups.peek({ id: REFERENCE, profileId: PROD })?.process.id, REFERENCE);
    assert.strictEqual(api.lookups.needsConfirmation(PROD), true, 'a link is not the window\'s confirmation');
  });

  it('asks every time, even once the window no longer asks for production', async () => {
    await setSetting('confirmProduction', false);
    try {
      assert.strictEqual(api.lookups.needsConfirmation(PROD), false);
      for (let i = 0; i < 2; i++) {
        const { ui, asked } = scripted(undefined);
        assert.strictEqual(await api.handleUri(link(`/process/${OTHER}`, `profile=${PROD}`), ui), 'declined');
        assert.strictEqual(asked.length, 1);
      }
      assert.deepStrictEqual(panelTabs(OTHER), []);
    } finally {
      await setSetting('confirmProduction', true);
    }
  });

  it('VS Code hands a link to the registered handler (vscode.open → the URL service)', async () => {
    const opened = until(vscode.window.tabGroups.onDidChangeTabs, () => panelTabs(OTHER).length === 1);
    await vscode.commands.executeCommand('vscode.open', link(`/process/${OTHER}`, 'profile=emulator'));
    await opened;
    assert.strictEqual(panelTabs(OTHER)[0]?.label, `${OTHER.slice(0, 8)} · Local emulator`);
  });

  it('Copy Link copies only the ID and the profile ID, openable by this editor', async () => {
    const ref: ProcessRef = { id: REFERENCE, profileId: 'emulator' };
    await vscode.env.clipboard.writeText('');
    const text = await vscode.commands.executeCommand<string>('idcloud.copyLink', ref);
    assert.strictEqual(await vscode.env.clipboard.readText(), text);
    const internal = `${vscode.env.uriScheme}://${EXTENSION_ID}/process/${REFERENCE}?profile=emulator`;
    const external = (await vscode.env.asExternalUri(vscode.Uri.parse(internal))).toString(true);
    // the desktop gives the link itself; a browser editor its /callback page carrying the same parts
    if (external === internal) assert.strictEqual(text, internal);
    else assert.match(text, new RegExp(`/callback\\?vscode-reqid=\\d+&vscode-scheme=${vscode.env.uriScheme}&vscode-authority=${EXTENSION_ID}&vscode-path=%2Fprocess%2F${REFERENCE}&vscode-query=profile%3Demulator$`));
    assert.doesNotMatch(text, /token|apikey|Bearer|person|Skywalker/i);
  });
});
