// Profiles, credentials and the status bar in a real extension host: the built-in profiles and the
// fresh-install default, custom profiles from user settings only, SecretStorage set/clear/onDidChange
// reaching the lookups, Test Connection against a second emulator, and production's guard.
import * as assert from 'assert';
import { generateKeyPairSync } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { isIdCloudError } from '../../src/core/errors';
import { Commands } from '../../src/editor/commandIds';
import { presentError } from '../../src/editor/errorMessages';
import { redact } from '../../src/editor/log';
import type { ConnectionReport } from '../../src/editor/profiles/testConnection';
import type { ExtensionApi } from '../../src/extension';
import { REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, type RunningEmulator } from '../../src/emulator';
import {emulatorProfile, profileOf, serviceAccount, setCustomProfiles, storeCredentials, until, type CustomProfile,} from './profileFixtures';
import { extensionApi, setSetting } from './api';
import { pid } from '../unit/pid.helpers';

const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

describe('profiles and credentials', () => {
  let api: ExtensionApi;
  let second: RunningEmulator;
  let entry: CustomProfile;
  // Test Connection gets its own emulator (its own account): a token request for one account in the
  // same second as another with a different token source signs an identical assertion (see report).
  // The same holds for every scenario below that builds a new token source: each has its own emulator.
  let probe: RunningEmulator;
  let probeEntry: CustomProfile;
  let guarded: RunningEmulator;
  let guardedEntry: CustomProfile;
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown): void => { unhandled.push(reason); };

  before(async () => {
    process.on('unhandledRejection', onRejection);
    api = await extensionApi();
    await api.profiles.setActive('emulator');
    ({ emulator: second, entry } = await emulatorProfile('second'));
    ({ emulator: probe, entry: probeEntry } = await emulatorProfile('probe'));
    ({ emulator: guarded, entry: guardedEntry } = await emulatorProfile('guarded'));
  });

  after(async () => {
    await setCustomProfiles(api, [], []);
    await api.credentials.clear('second');
    await api.credentials.clear('probe');
    await api.credentials.clear('guarded');
    await setSetting('confirmProduction', undefined);
    await api.profiles.setActive('emulator');
    await second.close();
    await probe.close();
    await guarded.close();
    process.off('unhandledRejection', onRejection);
    assert.deepStrictEqual(unhandled, [], 'no unhandled rejection');
  });

  it('has the built-in profiles (Web & SDK first, then the API contract\'s), with each environment\'s hosts, and starts on the Local emulator', async () => {
    const [emulator, sandbox, production, emulatorApi, sandboxApi, productionApi] = api.profiles.profiles();
    assert.deepStrictEqual([emulatorApi?.id, emulatorApi?.kind, emulatorApi?.label, emulatorApi?.contract], ['emulator-api', 'emulator', 'Local emulator (API contract)', 'api']);
    assert.deepStrictEqual(sandboxApi && [sandboxApi.apiBaseUrl, sandboxApi.production, sandboxApi.contract], ['https://api.id.uat.unico.app', false, 'api']);
    assert.deepStrictEqual(productionApi && [productionApi.apiBaseUrl, productionApi.production, productionApi.contract], ['https://api.id.unico.app', true, 'api']);
    assert.deepStrictEqual([emulator?.id, emulator?.kind, emulator?.label, emulator?.production], ['emulator', 'emulator', 'Local emulator', false]);
    assert.deepStrictEqual(sandbox && [sandbox.apiBaseUrl, sandbox.identityUrl, sandbox.production], ['https://api.idcloud.uat.unico.app', 'https://identityhomolog.acesso.io', false]);
    assert.deepStrictEqual(production && [production.apiBaseUrl, production.identityUrl, production.production], ['https://api.idcloud.unico.app', 'https://identity.acesso.io', true]);
    assert.strictEqual(api.lookups.activeProfile().id, 'emulator');
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Local emulator', warning: false, profileId: 'emulator', command: Commands.switchProfile });
    assert.strictEqual(await api.lookups.hasCredentials('emulator'), true, 'the emulator needs no credentials');
    assert.strictEqual(await api.lookups.hasCredentials('sandbox'), false);
  });

  it('looks up on the Local emulator with no credentials, starting it on demand', async () => {
    const fetched = await api.lookups.get({ id: REFERENCE_EXAMPLE_ID, profileId: 'emulator' });
    assert.strictEqual(fetched.process.id, REFERENCE_EXAMPLE_ID);
    const running = await api.emulator();
    assert.match(running.apiBaseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(profileOf(api, 'emulator').apiBaseUrl, running.apiBaseUrl, 'the profile shows where the emulator listens');
  });

  it('ignores a workspace\'s customProfiles (.vscode/settings.json of the fixture workspace)', () => {
    assert.strictEqual(api.profiles.profile('from-repo'), undefined);
  });

  it('reads custom profiles from user settings, normalised, and skips invalid ones', async () => {
    await setCustomProfiles(api, [
      { ...entry, apiBaseUrl: `${entry.apiBaseUrl}/` },
      { id: 'plain-http', label: 'Remote over http', apiBaseUrl: 'http://idcloud.example.com', identityUrl: 'https://identity.example.com' },
      { id: 'sandbox', label: 'Shadowing a built-in', apiBaseUrl: 'https://a.example', identityUrl: 'https://b.example' },
      { id: 'with-user', label: 'User info', apiBaseUrl: 'https://me:pw@a.example', identityUrl: 'https://b.example' },
      probeEntry,
    ], ['second', 'probe']);
    const custom = profileOf(api, 'second');
    assert.deepStrictEqual(custom, { ...entry, kind: 'custom', production: false });
    assert.strictEqual(profileOf(api, 'sandbox').label, 'Sandbox', 'a custom entry cannot replace a built-in');
  });

  it('keeps credentials in SecretStorage and follows its change events into the lookups', async () => {
    const ref = { id: REFERENCE_EXAMPLE_ID, profileId: 'second' };
    const missing = await rejection(api.lookups.get(ref));
    assert.ok(isIdCloudError(missing) && missing.kind === 'unauthorized');
    assert.match(presentError(missing, { profile: profileOf(api, 'second') }).message, /No credentials for Emulator second/);

    await storeCredentials(api, 'second', serviceAccount(second));
    assert.strictEqual(await api.lookups.hasCredentials('second'), true);
    assert.strictEqual((await api.lookups.get(ref)).process.id, REFERENCE_EXAMPLE_ID);
    assert.ok(api.lookups.peek(ref), 'cached after the lookup');

    await storeCredentials(api, 'second', undefined);
    assert.strictEqual(api.lookups.peek(ref), undefined, 'clearing the credentials drops the cache');
    assert.strictEqual(await api.lookups.hasCredentials('second'), false);
  });

  it('the status bar says when the active profile has no credentials, with one click to set them, and follows storing, clearing and switching', async () => {
    await api.profiles.setActive('second');
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Emulator second: no credentials', warning: false, profileId: 'second', command: Commands.setCredentials });
    await storeCredentials(api, 'second', serviceAccount(second));
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Emulator second', warning: false, profileId: 'second', command: Commands.switchProfile });
    await storeCredentials(api, 'second', undefined);
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Emulator second: no credentials', warning: false, profileId: 'second', command: Commands.setCredentials });
    await api.profiles.setActive('emulator');
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Local emulator', warning: false, profileId: 'emulator', command: Commands.switchProfile });
  });

  it('Test Connection reports token latency, expiry and the API round trip', async () => {
    await storeCredentials(api, 'probe', serviceAccount(probe));
    const report = await vscode.commands.executeCommand<ConnectionReport | undefined>(Commands.testConnection, 'probe');
    assert.ok(report, 'Test Connection failed against the probe emulator');
    assert.strictEqual(report.credentials, 'serviceAccount');
    assert.ok(report.tokenMs !== undefined && report.tokenMs >= 0);
    assert.ok(report.expiresAt !== undefined && report.expiresAt > Date.now(), 'a token valid in the future');
    assert.ok(report.apiMs >= 0);
  });

  it('Test Connection with a key that is not the account\'s fails with unico\'s 1.2.5 and its meaning', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await storeCredentials(api, 'probe', { kind: 'serviceAccount', ...probe.serviceAccount, privateKeyPem: wrongKey });
    assert.strictEqual(await vscode.commands.executeCommand(Commands.testConnection, 'probe'), undefined);
    const err = await rejection(api.lookups.get({ id: REFERENCE_EXAMPLE_ID, profileId: 'probe' }, { force: true }));
    assert.ok(isIdCloudError(err) && err.kind === 'token');
    const shown = presentError(err, { profile: profileOf(api, 'probe') });
    assert.match(shown.message, /1\.2\.5.*private key does not belong/);
    assert.deepStrictEqual(shown.actions.map((a) => a.command), [Commands.setCredentials, Commands.testConnection]);
  });

  it('switching profile fires the event, updates the status bar, and production shows the warning colour', async () => {
    const seen: string[] = [];
    const sub = api.lookups.onDidChangeActiveProfile((p) => seen.push(p.id));
    await api.profiles.setActive('production');
    sub.dispose();
    assert.deepStrictEqual(seen, ['production']);
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Production: no credentials', warning: true, profileId: 'production', command: Commands.setCredentials });
    assert.strictEqual(api.lookups.needsConfirmation('production'), true, 'the first production lookup asks');
    assert.strictEqual(api.lookups.needsConfirmation('sandbox'), false);
    await api.profiles.setActive('sandbox');
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Sandbox: no credentials', warning: false, profileId: 'sandbox', command: Commands.setCredentials });
  });

  it('a custom production profile is guarded too, unless idcloud.confirmProduction is off', async () => {
    await setCustomProfiles(api, [entry, { ...guardedEntry, production: true }], ['second', 'guarded']);
    await storeCredentials(api, 'guarded', serviceAccount(guarded));
    assert.strictEqual(api.lookups.needsConfirmation('guarded'), true);
    await setSetting('confirmProduction', false);
    assert.strictEqual(api.lookups.needsConfirmation('guarded'), false);
    const ref = { id: REFERENCE_EXAMPLE_ID, profileId: 'guarded' };
    const fetched = new Promise<void>((resolve) => {
      const sub = api.lookups.onDidFetch((r) => {
        if (r.profileId === 'guarded') {
          sub.dispose();
          resolve();
        }
      });
    });
    assert.strictEqual((await api.lookups.get(ref)).process.id, REFERENCE_EXAMPLE_ID);
    await fetched;
  });

  it('a removed custom profile that was active falls back to the Local emulator, and every surface hears it', async () => {
    await api.profiles.setActive('guarded');
    await api.statusBar.settled();
    assert.deepStrictEqual(api.statusBar.state, { text: '$(server-environment) Emulator guarded', warning: true, profileId: 'guarded', command: Commands.switchProfile });
    const back = until(api.lookups.onDidChangeActiveProfile, () => api.lookups.activeProfile().id === 'emulator');
    await setCustomProfiles(api, [], []);
    await back;
    await api.statusBar.settled();
    assert.strictEqual(api.statusBar.state.profileId, 'emulator');
    assert.strictEqual(api.statusBar.state.text, '$(server-environment) Local emulator');
  });

  it('sends a remote profile\'s requests through VS Code\'s http.proxy (and the emulator directly)', async () => {
    const tunnels: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, socket: import('stream').Duplex) => {
      tunnels.push(req.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const http_ = vscode.workspace.getConfiguration('http');
    try {
      await setCustomProfiles(api, [{ id: 'remote', label: 'Remote', apiBaseUrl: 'https://api.idcloud.invalid', identityUrl: 'https://identity.idcloud.invalid' }], ['remote']);
      await storeCredentials(api, 'remote', serviceAccount(second));
      const applied = until(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('http').get<string>('proxy', '') !== '');
      await http_.update('proxy', `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, vscode.ConfigurationTarget.Global);
      await applied;
      const err = await rejection(api.lookups.get({ id: REFERENCE_EXAMPLE_ID, profileId: 'remote' }));
      assert.ok(isIdCloudError(err) && err.kind === 'network', String(err));
      assert.deepStrictEqual(tunnels, ['identity.idcloud.invalid:443'], 'the token request went through the proxy');
      assert.strictEqual((await api.lookups.get({ id: REFERENCE_EXAMPLE_ID, profileId: 'emulator' }, { force: true })).process.id, REFERENCE_EXAMPLE_ID);
      assert.deepStrictEqual(tunnels, ['identity.idcloud.invalid:443'], 'loopback is reached directly');
    } finally {
      await http_.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await storeCredentials(api, 'remote', undefined);
      await setCustomProfiles(api, [], []);
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('redacts tokens, keys, CPFs and given names from log text', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const text = `Bearer abc.def-123 token=${jwt} cpf 123.456.789-09 and 12345678909 but not 1234567890123; Maria da Silva\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----`;
    const out = redact(text, ['Maria da Silva']);
    for (const secret of ['abc.def-123', jwt, '123.456.789-09', '12345678909', 'Maria', 'MIIE']) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
    assert.ok(out.includes('1234567890123'), 'a 13-digit timestamp is not a CPF');
  });
});
