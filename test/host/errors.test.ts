// Every way a lookup can fail, end to end in the real extension host: each fault ID of an emulator
// (behind a custom profile with a service account in SecretStorage) gives its typed kind through
// lookups.get, and presentError turns it into an actionable message whose actions are real commands.
// No lookup may leave an unhandled rejection behind.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { InvalidKeyError, isIdCloudError, NetworkError, UnauthorizedError } from '../../src/core/errors';
import { Commands, InternalCommands } from '../../src/editor/commandIds';
import { presentError } from '../../src/editor/errorMessages';
import type { PresentedError, ProcessRef } from '../../src/editor/services';
import type { ExtensionApi } from '../../src/extension';
import { FAULT_IDS, UNKNOWN_PROCESS_ID as UNKNOWN_PROCESS_ID_TEXT, type RunningEmulator } from '../../src/emulator';
import { extensionApi, setSetting } from './api';
import { emulatorProfile, profileOf, serviceAccount, setCustomProfiles, storeCredentials, type CustomProfile } from './profileFixtures';
import type { ProcessId } from '../../src/core/processId';
import { pid } from '../unit/pid.helpers';

const UNKNOWN_PROCESS_ID = pid(UNKNOWN_PROCESS_ID_TEXT);

const FAULTS = 'faults';

describe('errors: every failure gives its kind and an actionable message', () => {
  let api: ExtensionApi;
  let emulator: RunningEmulator;
  let entry: CustomProfile;
  let registered: Set<string>;
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown): void => { unhandled.push(reason); };

  const ref = (id: string, profileId = FAULTS): ProcessRef => ({ id: pid(id), profileId });

  /** The rejection of `lookup`, checked to be `kind`, presented for the profile it came from. */
  async function failure(lookup: Promise<unknown>, kind: string, profileId = FAULTS, processId?: string): Promise<PresentedError> {
    let caught: unknown;
    try {
      await lookup;
    } catch (e) {
      caught = e;
    }
    assert.ok(isIdCloudError(caught), `expected an IdCloudError, got ${String(caught)}`);
    assert.strictEqual(caught.kind, kind, caught.message);
    const shown = presentError(caught, { profile: profileOf(api, profileId), processId });
    for (const action of shown.actions) assert.ok(registered.has(action.command), `${action.command} is not a registered command`);
    return shown;
  }

  before(async () => {
    process.on('unhandledRejection', onRejection);
    api = await extensionApi();
    ({ emulator, entry } = await emulatorProfile(FAULTS, { slowDelayMs: 5_000 }));
    await setCustomProfiles(api, [entry, { id: 'closed', label: 'Closed port', apiBaseUrl: 'http://127.0.0.1:9', identityUrl: 'http://127.0.0.1:9' }], [FAULTS, 'closed']);
    await storeCredentials(api, FAULTS, serviceAccount(emulator));
    registered = new Set(await vscode.commands.getCommands(true));
  });

  after(async () => {
    await setCustomProfiles(api, [], []);
    await api.credentials.clear(FAULTS);
    await api.credentials.clear('closed');
    await setSetting('requestTimeoutSeconds', undefined);
    await emulator.close();
    process.off('unhandledRejection', onRejection);
    assert.deepStrictEqual(unhandled, [], 'no unhandled rejection');
  });

  it('not found: names the profile and offers Look Up in All Profiles with the ID', async () => {
    const shown = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID)), 'notFound', FAULTS, UNKNOWN_PROCESS_ID);
    assert.strictEqual(shown.message, 'Not found in Emulator faults.');
    assert.deepStrictEqual(shown.actions.map((a) => [a.command, a.arguments]), [[Commands.lookUpInAllProfiles, [ref(UNKNOWN_PROCESS_ID)]]]);
  });

  it('invalid ID: says what a process ID looks like', async () => {
    // what an untyped caller (a command argument, another extension) can still hand the lookup
    const shown = await failure(api.lookups.get({ id: 'not-a-uuid' as ProcessId, profileId: FAULTS }), 'invalidId');
    assert.match(shown.message, /UUID like 53060f52-f146-4c12-a234-5bb5031f6f5b/);
  });

  it('429 with Retry-After, after the retry budget: "try again in 1 s"', async () => {
    const shown = await failure(api.lookups.get(ref(FAULT_IDS.rateLimitedRetryAfter)), 'rateLimited');
    assert.strictEqual(shown.message, 'Rate limited by IDCloud (Emulator faults); try again in 1 s.');
  });

  it('429 without Retry-After', async () => {
    const shown = await failure(api.lookups.get(ref(FAULT_IDS.rateLimitedNoRetryAfter)), 'rateLimited');
    assert.match(shown.message, /try again in a few seconds/);
  });

  it('500 (code 99999) and 503: try again later', async () => {
    for (const id of [FAULT_IDS.serverError, FAULT_IDS.serviceUnavailable]) {
      const shown = await failure(api.lookups.get(ref(id)), 'server');
      assert.match(shown.message, /internal failure \(HTTP 50[03]\)\. Try again later\./);
    }
  });

  it('a flaky 503 is retried into a success', async () => {
    assert.strictEqual((await api.lookups.get(ref(FAULT_IDS.flaky))).process.id, FAULT_IDS.flaky);
  });

  it('connection reset: names the host and points at the network or proxy', async () => {
    const shown = await failure(api.lookups.get(ref(FAULT_IDS.connectionReset)), 'network');
    assert.ok(shown.message.includes(new URL(emulator.apiBaseUrl).host), shown.message);
    assert.deepStrictEqual(shown.actions.map((a) => a.command), ['workbench.action.openSettings', Commands.showLog]);
  });

  it('malformed JSON, schema drift and a 10 MB body: Open Raw Response shows the capped body', async () => {
    for (const id of [FAULT_IDS.malformedJson, FAULT_IDS.schemaDrift, FAULT_IDS.hugeBody]) {
      const shown = await failure(api.lookups.get(ref(id)), 'unexpectedResponse');
      const open = shown.actions[0];
      assert.strictEqual(open?.command, InternalCommands.openRawResponse);
      const body = open.arguments?.[0];
      assert.ok(typeof body === 'string' && body.length > 0 && body.length <= 256 * 1024, `body of ${typeof body}`);
    }
    const doc = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'idcloud-response') {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand(InternalCommands.openRawResponse, '{"cut off');
    assert.strictEqual((await doc).getText(), '{"cut off');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Open Raw Response masks personal data until it is revealed, then shows the exact body', async () => {
    if (api.privacy.revealed) api.privacy.toggle();
    const body = '{"process":{"state":"NEW","person":{"duiValue":"98765432100","friendlyName":"Maria Souza"},"token":"eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.c2ln"}}';
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'idcloud-response') {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand(InternalCommands.openRawResponse, body);
    const doc = await opened;
    for (const hidden of ['98765432100', 'Maria', 'eyJhbGciOiJIUzI1NiJ9']) assert.ok(!doc.getText().includes(hidden), `${hidden} shown while hidden`);
    assert.ok(doc.getText().includes('"NEW"'));
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc) {
          sub.dispose();
          resolve();
        }
      });
    });
    api.privacy.toggle();
    try {
      await changed;
      assert.strictEqual(doc.getText(), body);
    } finally {
      api.privacy.toggle();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('403 on the selfie: explains the missing permission', async () => {
    const shown = await failure(api.lookups.getSelfie(ref(FAULT_IDS.forbiddenMedia)), 'forbidden');
    assert.match(shown.message, /lack the permission/);
  });

  it('slow answer beyond idcloud.requestTimeoutSeconds: a timeout that names the host and the setting', async () => {
    await setSetting('requestTimeoutSeconds', 1);
    const shown = await failure(api.lookups.get(ref(FAULT_IDS.slow)), 'timeout');
    assert.match(shown.message, /No answer from 127\.0\.0\.1:\d+ within 1 s/);
    assert.deepStrictEqual(shown.actions[0]?.arguments, ['idcloud.requestTimeoutSeconds']);
    await setSetting('requestTimeoutSeconds', undefined);
  });

  it('a cancelled lookup rejects as cancelled, which every surface treats as silence', async () => {
    const abort = new AbortController();
    const lookup = api.lookups.get(ref(FAULT_IDS.slow), { signal: abort.signal, force: true });
    abort.abort();
    await failure(lookup, 'cancelled');
  });

  it('no credentials: Set Credentials and Test Connection for that profile', async () => {
    const shown = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID, 'closed')), 'unauthorized', 'closed');
    assert.strictEqual(shown.message, 'No credentials for Closed port. Set a service account or paste an access token.');
    assert.deepStrictEqual(shown.actions.map((a) => [a.command, a.arguments]), [[Commands.setCredentials, ['closed']], [Commands.testConnection, ['closed']]]);
  });

  it('a closed port: connection refused, pointing at the custom profile\'s URL', async () => {
    await storeCredentials(api, 'closed', serviceAccount(emulator));
    const shown = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID, 'closed')), 'network', 'closed');
    assert.match(shown.message, /127\.0\.0\.1:9 refused the connection \(Closed port\)/);
    assert.deepStrictEqual(shown.actions[0]?.arguments, ['idcloud.customProfiles']);
  });

  it('a pasted token the API rejects: unauthorized with the server\'s reason, and the fixes', async () => {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await storeCredentials(api, FAULTS, { kind: 'token', token: `${header}.${payload}.Zm9yZ2Vk` });
    const shown = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID), { force: true }), 'unauthorized');
    assert.match(shown.message, /(could not verify the access token, which|refused the credentials\.) .*(sandbox and production credentials differ).* IDCloud said: “Jwt [^”]+”\.$/);
    assert.deepStrictEqual(shown.actions.map((a) => a.command), [Commands.setCredentials, Commands.testConnection]);
  });

  it('an expired pasted token: Test Connection refuses it before any request, and the message says it expired', async () => {
    const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
    await storeCredentials(api, FAULTS, { kind: 'token', token: `eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln` });
    assert.strictEqual(await vscode.commands.executeCommand(Commands.testConnection, FAULTS), undefined);
    const shown = presentError(new UnauthorizedError('expired', 'Jwt is expired'), { profile: profileOf(api, FAULTS) });
    assert.match(shown.message, /The access token for Emulator faults has expired/);
  });

  it('a profile removed from the settings, and a key file that is no key: each says what to do', async () => {
    const gone = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID, 'removed-profile')), 'unknownProfile', FAULTS);
    assert.match(gone.message, /There is no profile "removed-profile" any more: it was removed from idcloud\.customProfiles/);
    assert.deepStrictEqual(gone.actions.map((a) => a.arguments), [['idcloud.customProfiles']]);
    const big = presentError(new InvalidKeyError({ fileName: 'backup.tar' }), { profile: profileOf(api, FAULTS) });
    assert.match(big.message, /backup\.tar is too large to be a private key\. Choose the service account's \.pem file/);
    const unusable = presentError(new InvalidKeyError({ reason: 'encrypted' }), { profile: profileOf(api, FAULTS) });
    assert.match(unusable.message, /^Not usable: the key is protected by a passphrase; export it without one\.$/);
  });

  it('a gateway that echoes the token: no part of it reaches the screen (API 401 and identity error_description)', async () => {
    // Echoes what it was sent: the API's Authorization header in a 401, the identity request's form
    // (with its signed assertion) in an OAuth error_description. Each lookup is then presented.
    const gateway = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.method === 'POST') {
          res.statusCode = 400;
          res.end(JSON.stringify({ error: 'invalid_grant', error_description: `bad request ${Buffer.concat(chunks).toString()}` }));
        } else {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: { code: 401, message: `rejected ${req.headers.authorization ?? ''} \u202E$(alert) [x](command:workbench.action.quit)` } }));
        }
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((gateway.address() as AddressInfo).port)}`;
    const echo = { id: 'echo', label: 'Echo gateway', apiBaseUrl: url, identityUrl: url };
    try {
      await setCustomProfiles(api, [entry, echo], [FAULTS, 'echo']);
      const payload = Buffer.from(JSON.stringify({ sub: 'svc', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
      const token = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.c2lnbmF0dXJlLW9mLXRoZS1nYXRld2F5LXRlc3Q`;
      await storeCredentials(api, 'echo', { kind: 'token', token });
      const shown = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID, 'echo'), { force: true }), 'unauthorized', 'echo');
      for (const part of token.split('.').slice(1)) assert.ok(!shown.message.includes(part.slice(0, 12)), `the token is on screen: ${shown.message}`);
      assert.doesNotMatch(shown.message, /\u202E|\$\(alert\)|\]\(command:/, shown.message);
      assert.match(shown.message, /\[U\+202E\]/);

      const account = serviceAccount(emulator);
      await storeCredentials(api, 'echo', account);
      const refused = await failure(api.lookups.get(ref(UNKNOWN_PROCESS_ID, 'echo'), { force: true }), 'token', 'echo');
      assert.match(refused.message, /bad request/, 'the server\'s text is shown');
      assert.doesNotMatch(refused.message, /assertion=(?!‹redacted›)/, `the signed assertion is on screen: ${refused.message}`);
      assert.doesNotMatch(refused.message, /eyJ[\w-]{8}/, refused.message);
    } finally {
      await api.credentials.clear('echo');
      await setCustomProfiles(api, [entry, { id: 'closed', label: 'Closed port', apiBaseUrl: 'http://127.0.0.1:9', identityUrl: 'http://127.0.0.1:9' }], [FAULTS, 'closed']);
      await new Promise((resolve) => gateway.close(resolve));
    }
  });

  it('anything else: the profile, the (redacted) reason and Show Log', () => {
    const shown = presentError(new Error('socket said Bearer abc.def'), { profile: profileOf(api, FAULTS) });
    assert.strictEqual(shown.message, 'IDCloud (Emulator faults): socket said Bearer ‹token›');
    assert.deepStrictEqual(shown.actions.map((a) => a.command), [Commands.showLog]);
  });

  it('a TLS failure: says what is wrong with the certificate and how to trust a corporate CA, never to switch checks off', () => {
    const at = (code: string): PresentedError => presentError(new NetworkError('tls', 'api.idcloud.example', code), { profile: profileOf(api, FAULTS) });
    const untrusted = at('SELF_SIGNED_CERT_IN_CHAIN');
    assert.match(untrusted.message, /^api\.idcloud\.example presented a certificate this computer does not trust \(SELF_SIGNED_CERT_IN_CHAIN\)\..*NODE_EXTRA_CA_CERTS.*http\.systemCertificates/);
    assert.deepStrictEqual(untrusted.actions.map((a) => a.command), ['workbench.action.openSettings', Commands.showLog]);
    assert.deepStrictEqual(untrusted.actions[0]?.arguments, ['http.systemCertificates']);
    assert.match(at('UNABLE_TO_VERIFY_LEAF_SIGNATURE').message, /does not trust/);
    assert.match(at('CERT_HAS_EXPIRED').message, /has expired or is not valid yet \(CERT_HAS_EXPIRED\)\. Check the date and time/);
    assert.match(at('ERR_TLS_CERT_ALTNAME_INVALID').message, /was issued for another host name/);
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
      assert.doesNotMatch(at(code).message, /proxyStrictSSL/);
    }
  });
});
