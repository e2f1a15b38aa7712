/**
 * The client end to end against the real emulator over loopback, through the real token flow:
 * every fixture (process, selfie, evidence set) and every fault-injection ID.
 */
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { Agent } from 'undici';
import { createClient, type ClientEvent, type ClientOptions, type IdCloudClient } from '../../src/core/client';
import { PastedTokenSource, ServiceAccountTokenSource } from '../../src/core/auth';
import { webSdkProcess } from '../../src/core/fetched';
import { ProcessLookup } from '../../src/core/lookup';
import { TOKEN_ERROR_MEANINGS } from '../../src/core/tokenErrors';
import {ForbiddenError, NetworkError, NotFoundError, RateLimitedError, ServerError, TimeoutError, TokenError, UnauthorizedError, UnexpectedResponseError, CancelledError,} from '../../src/core/errors';
import type { TokenSource } from '../../src/core/types';
import {FAULT_IDS, FIXTURES, LIVE_PROCESS_ID as LIVE_PROCESS_ID_TEXT, REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, startEmulator, UNKNOWN_PROCESS_ID as UNKNOWN_PROCESS_ID_TEXT, type FaultName, type RunningEmulator,} from '../../src/emulator';
import { STATIC_FIXTURES } from '../../src/emulator/fixtures';
import { SteppingClock } from './fakeClock.helpers';
import { pid } from './pid.helpers';

const LIVE_PROCESS_ID = pid(LIVE_PROCESS_ID_TEXT);
const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);
const UNKNOWN_PROCESS_ID = pid(UNKNOWN_PROCESS_ID_TEXT);

describe('IdCloudClient against the emulator', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dispatcher: Agent;
  let tokens: ServiceAccountTokenSource;
  let delays: number[];
  let events: ClientEvent[];

  before(async () => {
    emulator = await startEmulator({ liveProcessDelayMs: 600_000 });
    dispatcher = new Agent();
    tokens = new ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl: emulator.identityUrl, dispatcher });
  });

  after(async () => {
    await dispatcher.close();
    await emulator.close();
  });

  beforeEach(() => {
    delays = [];
    events = [];
  });

  function client(extra?: Partial<ClientOptions>): IdCloudClient {
    return createClient({
      apiBaseUrl: emulator.apiBaseUrl,
      tokenSource: tokens,
      dispatcher,
      rateLimitPerSecond: 1000,
      // Waits are recorded, not slept: the emulator's Retry-After: 1 would cost real seconds.
      ...clock(),
      random: () => 0,
      onEvent: (e) => events.push(e),
      ...extra,
    });
  }

  function clock(): Pick<ClientOptions, 'now' | 'sleep'> {
    const fake = new SteppingClock(Date.now());
    delays = fake.delays;
    return { now: fake.now, sleep: fake.sleep };
  }

  const requests = (): number => events.filter((e) => e.type === 'request').length;

  it('fetches every fixture, and its selfie and evidence set where it has them', async () => {
    const c = client();
    assert.ok(FIXTURES.length >= 10, 'a real catalogue');
    for (const { id } of FIXTURES) {
      const fetched = await c.getProcess(id);
      assert.equal(fetched.process.id, id);
      assert.deepEqual((JSON.parse(fetched.rawJson) as { process: { id: string } }).process.id, id);
    }
    for (const fixture of STATIC_FIXTURES) {
      if (fixture.selfie === undefined) {
        await assert.rejects(c.getSelfie(fixture.id), NotFoundError);
      } else {
        const selfie = await c.getSelfie(fixture.id);
        assert.equal(selfie.contentType, fixture.selfie);
        assert.ok(selfie.bytes.length > 100);
      }
      if (fixture.evidenceSet) {
        const evidence = await c.getEvidenceSet(fixture.id);
        assert.equal(evidence.contentType, 'application/pdf');
        assert.equal(Buffer.from(evidence.bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
      } else {
        await assert.rejects(c.getEvidenceSet(fixture.id), NotFoundError);
      }
    }
  });

  it('sees the live process unfinished at first, the reference example finished', async () => {
    assert.equal((await client().getProcess(LIVE_PROCESS_ID)).process.state, 'PROCESS_STATE_CREATED');
    const reference = webSdkProcess(await client().getProcess(REFERENCE_EXAMPLE_ID));
    assert.ok(reference);
    assert.equal(reference.state, 'PROCESS_STATE_FINISHED');
    assert.match(reference.services?.[0]?.documents?.[0]?.signed_url ?? '', /^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('reports an unknown ID as not found', async () => {
    await assert.rejects(client().getProcess(UNKNOWN_PROCESS_ID), (e: unknown) => e instanceof NotFoundError && /process not found/.test(e.detail));
  });

  it('makes one request for 100 concurrent lookups of one ID', async () => {
    const c = client();
    const lookup = new ProcessLookup({ source: () => Promise.resolve(c) });
    const all = await Promise.all(Array.from({ length: 100 }, () => lookup.get(REFERENCE_EXAMPLE_ID)));
    assert.equal(new Set(all).size, 1);
    assert.equal(requests(), 1);
  });

  describe('every fault ID', () => {
    const expectations: Record<FaultName, (id: string) => Promise<void>> = {
      rateLimitedRetryAfter: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof RateLimitedError && e.retryAfterMs === 1000);
        assert.deepEqual(delays, [1000, 1000, 1000]);
        assert.equal(requests(), 4);
      },
      rateLimitedGrpcBody: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof RateLimitedError && e.retryAfterMs === 1000);
        assert.deepEqual(delays, [1000, 1000, 1000]);
      },
      rateLimitedNoRetryAfter: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof RateLimitedError && e.retryAfterMs === undefined);
        assert.deepEqual(delays, [125, 250, 500]);
      },
      serverError: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof ServerError && e.code === 99999 && e.status === 500);
        assert.equal(requests(), 3);
      },
      serviceUnavailable: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof ServerError && e.status === 503 && e.detail === 'no healthy upstream');
      },
      slow: async (id) => {
        await assert.rejects(client({ timeoutMs: 200 }).getProcess(id), (e: unknown) => e instanceof TimeoutError && e.timeoutMs === 200);
        const controller = new AbortController();
        const pending = client().getProcess(id, { signal: controller.signal });
        setImmediate(() => {
          controller.abort();
        });
        await assert.rejects(pending, CancelledError);
      },
      connectionReset: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof NetworkError && e.failure === 'reset');
        assert.equal(requests(), 3);
      },
      malformedJson: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'notJson' && e.body.startsWith('{"process"'));
      },
      schemaDrift: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'schema' && e.status === 200);
      },
      hugeBody: async (id) => {
        await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'tooLarge' && e.body.length <= 256 * 1024);
      },
      forbiddenMedia: async (id) => {
        assert.equal((await client().getProcess(id)).process.id, id);
        await assert.rejects(client().getSelfie(id), (e: unknown) => e instanceof ForbiddenError && e.detail === 'no permission');
        await assert.rejects(client().getEvidenceSet(id), ForbiddenError);
      },
      flaky: async (id) => {
        assert.equal((await client().getProcess(id)).process.id, id);
        assert.equal(events.filter((e) => e.type === 'retry' && e.reason === 'server').length, 1);
      },
    };

    for (const [name, id] of Object.entries(FAULT_IDS)) {
      it(`${name} (${id})`, async () => {
        const expectation = expectations[name as FaultName];
        await expectation(id);
      });
    }
  });

  describe('the token flow', () => {
    it('renews a token the API refuses, and retries once', async () => {
      /** First a token the emulator never issued, then the real ones. */
      let forged = true;
      const source: TokenSource = {
        getToken: (signal) => (forged ? Promise.resolve('eyJhbGciOiJSUzI1NiJ9.e30.c2ln') : tokens.getToken(signal)),
        invalidate: () => {
          forged = false;
        },
      };
      assert.equal((await client({ tokenSource: source }).getProcess(REFERENCE_EXAMPLE_ID)).process.id, REFERENCE_EXAMPLE_ID);
      assert.deepEqual(events.map((e) => e.status ?? e.reason).filter((x) => x !== undefined), [401, 'unauthorized', 200]);
    });

    it('reports a pasted token the API refuses, with the Envoy reason', async () => {
      await assert.rejects(client({ tokenSource: new PastedTokenSource('not-a-jwt') }).getProcess(REFERENCE_EXAMPLE_ID), (e: unknown) => e instanceof UnauthorizedError && e.reason !== 'other');
      assert.equal(requests(), 1);
    });

    it('gets a fresh, accepted assertion for back-to-back token requests', async () => {
      const fresh = new ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl: `${emulator.identityUrl}/`, dispatcher });
      const first = await fresh.fetchToken();
      const second = await fresh.fetchToken();
      assert.notEqual(first.accessToken, second.accessToken);
      assert.ok(second.expiresAt > Date.now());
    });

    it('explains a refused assertion with unico\'s code', async () => {
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const wrongKey = new ServiceAccountTokenSource({ account: { ...emulator.serviceAccount, privateKeyPem: stranger }, identityUrl: emulator.identityUrl, dispatcher });
      const wrongTenant = new ServiceAccountTokenSource({ account: { ...emulator.serviceAccount, tenantId: 'someone-else' }, identityUrl: emulator.identityUrl, dispatcher });
      for (const source of [wrongKey, wrongTenant]) {
        await assert.rejects(source.getToken(), (e: unknown) => {
          assert.ok(e instanceof TokenError);
          assert.ok(e.unicoCode !== undefined && e.meaning === TOKEN_ERROR_MEANINGS[e.unicoCode], `${String(e.unicoCode)}: ${e.meaning}`);
          return true;
        });
      }
    });
  });
});

describe('token lifetime against the emulator, on a shared fake clock', function () {
  this.timeout(30_000);
  let t = Date.now();
  const now = (): number => t;
  let emulator: RunningEmulator;
  let dispatcher: Agent;

  before(async () => {
    emulator = await startEmulator({ tokenLifetimeSeconds: 60, now });
    dispatcher = new Agent();
  });

  after(async () => {
    await dispatcher.close();
    await emulator.close();
  });

  it('renews before expiry, and an expired pasted token is refused as expired', async () => {
    const tokens = new ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl: emulator.identityUrl, dispatcher, now });
    const first = await tokens.getToken();
    const c = createClient({ apiBaseUrl: emulator.apiBaseUrl, tokenSource: tokens, dispatcher, now });
    await c.getProcess(REFERENCE_EXAMPLE_ID);
    t += 30_000; // half the lifetime: renewal is due (the skew is at most half of it)
    const second = await tokens.getToken();
    assert.notEqual(second, first);
    await c.getProcess(REFERENCE_EXAMPLE_ID);
    t += 61_000;
    const pasted = createClient({ apiBaseUrl: emulator.apiBaseUrl, tokenSource: new PastedTokenSource(second, now), dispatcher, now });
    await assert.rejects(pasted.getProcess(REFERENCE_EXAMPLE_ID), (e: unknown) => e instanceof UnauthorizedError && e.reason === 'expired');
    assert.notEqual(await tokens.getToken(), second, 'the service account simply renews');
    await c.getProcess(REFERENCE_EXAMPLE_ID);
  });
});
