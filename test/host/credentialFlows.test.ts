// Set Credentials driven through scripted dialogs (CredentialUi) in the real extension host, on a
// custom profile of the real ProfileService and CredentialStore: a pasted token's shape decides
// whether it is saved quietly or only on an explicit choice, and credentials of the other kind are
// replaced only after a modal that names both kinds.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { type CredentialUi, setCredentials } from '../../src/editor/profiles/credentialFlows';
import { extensionApi } from './api';
import { setCustomProfiles } from './profileFixtures';

const ID = 'flows';
const PROFILE = { id: ID, label: 'Flows test', apiBaseUrl: 'https://api.flows.invalid', identityUrl: 'https://id.flows.invalid' };
const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (exp: number): string => `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub: 'svc', exp })}.c2lnbmF0dXJl`;
const SERVICE_ACCOUNT = { kind: 'serviceAccount', tenantId: 't1', accountName: 'svc', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' } as const;

/** Scripted answers; every dialog shown is recorded. */
function scripted(method: string, inputs: string[], warnAnswers: (string | undefined)[]) {
  const warnings: { message: string; modal: boolean; items: string[] }[] = [];
  const hints: unknown[] = [];
  let inputsAsked = 0;
  const ui: CredentialUi = {
    pick: <T extends vscode.QuickPickItem>(items: readonly T[]) => Promise.resolve(items.find((i) => (i as { method?: string }).method === method)),
    input: async (options: vscode.InputBoxOptions) => {
      const value = inputs[inputsAsked++];
      if (value !== undefined) hints.push(await options.validateInput?.(value));
      return value;
    },
    warn: (message: string, options: vscode.MessageOptions, ...items: string[]) => {
      warnings.push({ message, modal: options.modal === true, items });
      return Promise.resolve(warnAnswers.shift());
    },
  };
  return { ui, warnings, hints, inputsAsked: () => inputsAsked };
}

describe('credential flows: pasted token checks and replace confirmation', function () {
  this.timeout(30_000);
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
    await setCustomProfiles(api, [PROFILE], [ID]);
  });

  afterEach(async () => { await api.credentials.clear(ID); });

  after(async () => { await setCustomProfiles(api, [], []); });

  it('garbage.token: a modal warning with a choice, never a silent save', async () => {
    const refused = scripted('token', ['garbage.token'], [undefined]);
    assert.strictEqual(await setCredentials(api.profiles, api.credentials, ID, refused.ui), undefined);
    assert.strictEqual(refused.warnings.length, 1);
    assert.match(refused.warnings[0]?.message ?? '', /not a JWT/);
    assert.ok(refused.warnings[0]?.modal);
    assert.strictEqual(await api.credentials.get(ID), undefined, 'saved although the user did not choose to');
    assert.match(JSON.stringify(refused.hints[0]), /Not a JWT/, 'the input box said so while pasting');

    const accepted = scripted('token', ['garbage.token'], ['Save Anyway']);
    assert.strictEqual((await setCredentials(api.profiles, api.credentials, ID, accepted.ui))?.id, ID);
    assert.deepStrictEqual(await api.credentials.get(ID), { kind: 'token', token: 'garbage.token' });
  });

  it('a JWT with a future exp: saved without a warning, its expiry shown while pasting', async () => {
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const flow = scripted('token', [`Bearer ${token}`], []);
    assert.strictEqual((await setCredentials(api.profiles, api.credentials, ID, flow.ui))?.id, ID);
    assert.deepStrictEqual(flow.warnings, []);
    assert.match(JSON.stringify(flow.hints[0]), /expires/);
    assert.deepStrictEqual(await api.credentials.get(ID), { kind: 'token', token });
  });

  it('an expired JWT or one without exp: a warning with a choice', async () => {
    for (const token of [jwt(Math.floor(Date.now() / 1000) - 60), `${part({ alg: 'HS256' })}.${part({ sub: 'x' })}.c2ln`]) {
      const flow = scripted('token', [token], [undefined]);
      assert.strictEqual(await setCredentials(api.profiles, api.credentials, ID, flow.ui), undefined);
      assert.match(flow.warnings[0]?.message ?? '', /expired|no expiry/);
      assert.strictEqual(await api.credentials.get(ID), undefined);
    }
  });

  it('asks before a token replaces a service account (naming both), and keeps it when declined', async () => {
    await api.credentials.set(ID, SERVICE_ACCOUNT);
    const declined = scripted('token', [jwt(Math.floor(Date.now() / 1000) + 3600)], [undefined]);
    assert.strictEqual(await setCredentials(api.profiles, api.credentials, ID, declined.ui), undefined);
    assert.strictEqual(declined.warnings.length, 1);
    assert.match(declined.warnings[0]?.message ?? '', /Replace a service account of Flows test with an access token\?/);
    assert.ok(declined.warnings[0]?.modal);
    assert.strictEqual(declined.inputsAsked(), 0, 'asked for the token before confirming');
    assert.deepStrictEqual(await api.credentials.get(ID), SERVICE_ACCOUNT);

    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const confirmed = scripted('token', [token], ['Replace']);
    assert.strictEqual((await setCredentials(api.profiles, api.credentials, ID, confirmed.ui))?.id, ID);
    assert.deepStrictEqual(await api.credentials.get(ID), { kind: 'token', token });
  });

  it('asks before a service account replaces a token', async () => {
    await api.credentials.set(ID, { kind: 'token', token: jwt(Math.floor(Date.now() / 1000) + 3600) });
    const declined = scripted('paste', [], [undefined]);
    assert.strictEqual(await setCredentials(api.profiles, api.credentials, ID, declined.ui), undefined);
    assert.match(declined.warnings[0]?.message ?? '', /Replace an access token of Flows test with a service account\?/);
    assert.strictEqual((await api.credentials.get(ID))?.kind, 'token');
  });
});
