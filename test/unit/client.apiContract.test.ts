import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { createClient, type ClientEvent, type ClientOptions, type IdCloudClient } from '../../src/core/client';
import { PastedTokenSource, ServiceAccountTokenSource } from '../../src/core/auth';
import { ForbiddenError, InvalidProcessIdError, NotFoundError, UnauthorizedError } from '../../src/core/errors';
import { summarizeFetched } from '../../src/core/fetched';
import { apiContractForbidden } from '../../src/core/apiContract/errors';
import { API_FIXTURES, API_REFERENCE_EXAMPLE_ID, startEmulator, UNKNOWN_PROCESS_ID, type RunningEmulator } from '../../src/emulator';

describe('IdCloudClient on the API contract (emulator)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dispatcher: Agent;
  let tokens: ServiceAccountTokenSource;
  let events: ClientEvent[];

  before(async () => {
    emulator = await startEmulator();
    dispatcher = new Agent();
    tokens = new ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl: emulator.identityUrl, dispatcher });
  });
  after(async () => {
    await dispatcher.close();
    await emulator.close();
  });
  beforeEach(() => { events = []; });

  function client(extra?: Partial<ClientOptions>): IdCloudClient {
    return createClient({
      apiBaseUrl: emulator.apiBaseUrl, tokenSource: tokens, dispatcher, rateLimitPerSecond: 1000,
      contract: 'api', apiKey: emulator.apiKey, onEvent: (e) => events.push(e), ...extra,
    });
  }

  it('fetches every fixture from /processes/v1 with the APIKEY, parsed by the API schema', async () => {
    for (const f of API_FIXTURES) {
      const fetched = await client().getProcess(f.id);
      assert.equal(fetched.contract, 'api', f.title);
      assert.equal(fetched.process.id, f.id);
      assert.deepEqual(JSON.parse(fetched.rawJson), f.body);
    }
    const reference = await client().getProcess(API_REFERENCE_EXAMPLE_ID);
    assert.equal(summarizeFetched(reference).verdict, 'ok');
    assert.ok(events.some((e) => e.path === `/processes/v1/${API_REFERENCE_EXAMPLE_ID}`));
    assert.ok(!JSON.stringify(events).includes(emulator.apiKey), 'the APIKEY is in no event');
  });

  it('maps a missing or wrong APIKEY to its own unauthorized reasons (HTTP 403)', async () => {
    await assert.rejects(client({ apiKey: '' }).getProcess(API_REFERENCE_EXAMPLE_ID), (e: unknown) => e instanceof UnauthorizedError && e.reason === 'apiKeyMissing' && e.status === 403);
    await assert.rejects(client({ apiKey: 'wrong' }).getProcess(API_REFERENCE_EXAMPLE_ID), (e: unknown) => e instanceof UnauthorizedError && e.reason === 'apiKeyInvalid');
  });

  it('a token the API refuses (10501) is renewed once, then reported', async () => {
    const pasted = new PastedTokenSource('aaa.bbb.ccc');
    await assert.rejects(client({ tokenSource: pasted }).getProcess(API_REFERENCE_EXAMPLE_ID), (e: unknown) => e instanceof UnauthorizedError && e.reason === 'verificationFailed');
  });

  it('404 is NotFoundError, a Web & SDK path is never asked', async () => {
    await assert.rejects(client().getProcess(UNKNOWN_PROCESS_ID), NotFoundError);
    await assert.rejects(client().getProcess('not-an-id'), InvalidProcessIdError);
    assert.ok(events.every((e) => e.path.startsWith('/processes/v1/')));
  });

  it('unico\'s 403 codes map to typed errors', () => {
    const reason = (code: string | number): unknown => {
      const { error } = apiContractForbidden(code, 'x');
      return error instanceof UnauthorizedError ? error.reason : error.kind;
    };
    assert.equal(reason('10502'), 'expired');
    assert.equal(apiContractForbidden('10502', 'x').retry, 'unauthorized');
    assert.equal(reason(20001), 'missing');
    assert.equal(reason('10201'), 'apiKeyInvalid');
    assert.ok(apiContractForbidden('30017', 'x').error instanceof ForbiddenError);
    assert.ok(apiContractForbidden(undefined, '').error instanceof ForbiddenError);
  });
});
