import * as assert from 'node:assert/strict';
import { errors, MockAgent } from 'undici';
import { createClient, unauthorizedReason, type ClientEvent, type ClientOptions } from '../../src/core/client';
import { PastedTokenSource } from '../../src/core/auth';
import {
  CancelledError, ForbiddenError, InvalidProcessIdError, NetworkError, NotFoundError, RateLimitedError, ServerError,
  TimeoutError, UnauthorizedError, UnexpectedResponseError,
} from '../../src/core/errors';
import type { TokenSource } from '../../src/core/types';
import { FakeClock, flush, SteppingClock } from './fakeClock.helpers';

const API = 'https://api.test';
const ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const PATH = `/client/v1/process/${ID}`;
const JSON_HEADERS = { 'content-type': 'application/json' };
const PROCESS = { process: { id: ID, state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK' } };
const ENVOY = { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="x", error="invalid_token"' };

/** Hands out tok-1, tok-2, … : invalidate moves to the next one. */
class CountingTokens implements TokenSource {
  n = 1;
  invalidated: string[] = [];
  getToken(): Promise<string> {
    return Promise.resolve(`tok-${this.n}`);
  }
  invalidate(token: string): void {
    this.invalidated.push(token);
    this.n++;
  }
}

describe('IdCloudClient', () => {
  let agent: MockAgent;
  let tokens: CountingTokens;
  let delays: number[];
  let events: ClientEvent[];

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    tokens = new CountingTokens();
    delays = [];
    events = [];
  });

  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  /** A client on fake time: a SteppingClock by default (waits recorded in `delays`). */
  function client(extra?: Partial<ClientOptions>, clock: Pick<SteppingClock, 'now' | 'sleep'> & { delays?: number[] } = new SteppingClock(1234)) {
    delays = clock.delays ?? [];
    return createClient({
      apiBaseUrl: `${API}/`,
      tokenSource: tokens,
      dispatcher: agent,
      now: clock.now,
      random: () => 0.5,
      sleep: clock.sleep,
      onEvent: (e) => events.push(e),
      ...extra,
    });
  }

  const api = () => agent.get(API);
  const reply = (status: number, body: object | string, headers: Record<string, string> = JSON_HEADERS, path = PATH) =>
    api().intercept({ path, method: 'GET' }).reply(status, body, { headers });

  it('GETs the process with the bearer token and keeps the raw body', async () => {
    const raw = JSON.stringify(PROCESS);
    api()
      .intercept({ path: PATH, method: 'GET', headers: { authorization: 'Bearer tok-1', accept: 'application/json' } })
      .reply(200, raw, { headers: JSON_HEADERS });
    const fetched = await client().getProcess(ID.toUpperCase());
    assert.equal(fetched.process.id, ID);
    assert.equal(fetched.process.state, 'PROCESS_STATE_FINISHED');
    assert.equal(fetched.rawJson, raw);
    assert.equal(fetched.fetchedAt, 1234);
    assert.deepEqual(events.map((e) => [e.type, e.path, e.status]), [['request', PATH, undefined], ['response', PATH, 200]]);
  });

  it('refuses a malformed ID before any request', async () => {
    for (const id of ['', 'not-an-id', `${ID}0`, ID.replace(/-/g, '')]) {
      await assert.rejects(client().getProcess(id), (e: unknown) => e instanceof InvalidProcessIdError && e.status === undefined);
    }
    assert.equal(events.length, 0);
  });

  it('maps 400 / code 3 to InvalidProcessIdError without retrying', async () => {
    reply(400, { code: 3, message: 'process id is invalid', details: [] });
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof InvalidProcessIdError && e.status === 400 && e.processId === ID);
  });

  it('maps 403 / code 7 to ForbiddenError and 404 / code 5 to NotFoundError, without retrying', async () => {
    reply(403, { code: 7, message: 'no permission', details: [] }, JSON_HEADERS, `${PATH}/selfie`);
    reply(404, { code: 5, message: 'error getting process: rpc error: code = NotFound desc = process not found', details: [] });
    await assert.rejects(client().getSelfie(ID), (e: unknown) => e instanceof ForbiddenError && e.detail === 'no permission');
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof NotFoundError && e.processId === ID && /process not found/.test(e.detail));
    assert.deepEqual(delays, []);
  });

  it('on 401 renews the token once and retries once', async () => {
    api().intercept({ path: PATH, headers: { authorization: 'Bearer tok-1' } }).reply(401, 'Jwt is expired', { headers: ENVOY });
    api().intercept({ path: PATH, headers: { authorization: 'Bearer tok-2' } }).reply(200, PROCESS, { headers: JSON_HEADERS });
    assert.equal((await client().getProcess(ID)).process.id, ID);
    assert.deepEqual(tokens.invalidated, ['tok-1']);
    assert.deepEqual(events.filter((e) => e.type === 'retry').map((e) => e.reason), ['unauthorized']);
  });

  it('reports the second 401 with its reason', async () => {
    api().intercept({ path: PATH }).reply(401, 'Jwt verification fails', { headers: ENVOY }).times(2);
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof UnauthorizedError && e.reason === 'verificationFailed' && e.detail === 'Jwt verification fails');
    assert.deepEqual(tokens.invalidated, ['tok-1']);
  });

  it('does not retry a 401 with a token that cannot be renewed (pasted)', async () => {
    reply(401, 'Jwt is missing', ENVOY);
    await assert.rejects(client({ tokenSource: new PastedTokenSource('pasted') }).getProcess(ID), (e: unknown) => e instanceof UnauthorizedError && e.reason === 'missing');
  });

  it('reads every Envoy 401 string', () => {
    assert.equal(unauthorizedReason('Jwt is expired'), 'expired');
    assert.equal(unauthorizedReason('Jwt is missing'), 'missing');
    assert.equal(unauthorizedReason('Jwt verification fails'), 'verificationFailed');
    assert.equal(unauthorizedReason("Jwks doesn't have key to match kid or alg from Jwt"), 'verificationFailed');
    assert.equal(unauthorizedReason('Jwt header is an invalid JSON'), 'malformed');
    assert.equal(unauthorizedReason('Jwt payload is an invalid Base64url encoded'), 'malformed');
    assert.equal(unauthorizedReason('Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections'), 'malformed');
    assert.equal(unauthorizedReason('Jwt issuer is not configured'), 'other');
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    reply(429, 'slow down', { 'retry-after': '2' });
    reply(429, 'slow down', { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' });
    reply(200, PROCESS);
    await client({}, new SteppingClock(now)).getProcess(ID);
    assert.deepEqual(delays, [2000, 3000]);
    assert.deepEqual(events.filter((e) => e.type === 'retry').map((e) => [e.reason, e.delayMs]), [['rateLimited', 2000], ['rateLimited', 3000]]);
  });

  it('backs off exponentially with jitter on 429 without Retry-After, then gives up', async () => {
    api().intercept({ path: PATH }).reply(429, { code: 8, message: 'too many' }, { headers: JSON_HEADERS }).times(4);
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof RateLimitedError && e.retryAfterMs === undefined);
    assert.deepEqual(delays, [188, 375, 750], 'base 250 ms doubling; random 0.5 → three quarters of each step');
  });

  it('does not sit through a long Retry-After: it reports it, and so does every request until it has passed', async () => {
    reply(429, '', { 'retry-after': '120' });
    const clock = new SteppingClock(0);
    const c = client({}, clock);
    await assert.rejects(c.getProcess(ID), (e: unknown) => e instanceof RateLimitedError && e.retryAfterMs === 120_000 && /120 s/.test(e.message));
    clock.t += 20_000;
    assert.equal(c.pausedForMs(), 100_000);
    await assert.rejects(c.getProcess(ID), (e: unknown) => e instanceof RateLimitedError && e.retryAfterMs === 100_000);
    assert.equal(events.filter((e) => e.type === 'request').length, 1, 'no request while paused');
    assert.deepEqual(delays, []);
  });

  it("pauses every request of the client for a 429's Retry-After, then drains the queue at the rate", async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `53060f52-f146-4c12-a234-5bb5031f6f5${String(i)}`);
    api().intercept({ path: `/client/v1/process/${ids[0] ?? ''}` }).reply(429, 'slow down', { headers: { 'retry-after': '3' } });
    for (const id of ids) {
      api().intercept({ path: `/client/v1/process/${id}` }).reply(200, { process: { id, state: 'PROCESS_STATE_FINISHED' } }, { headers: JSON_HEADERS });
    }
    const clock = new FakeClock();
    const starts: number[] = [];
    const c = client({
      rateLimitPerSecond: 10,
      maxConcurrency: 10,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'request') starts.push(clock.t);
      },
    }, clock);
    const settled: unknown[] = [];
    const track = (p: Promise<unknown>): void => {
      void p.then((v) => settled.push(v), (e: unknown) => settled.push(e));
    };
    track(c.getProcess(ids[0] ?? ''));
    while (!events.some((e) => e.type === 'retry')) await flush();
    assert.equal(c.pausedForMs(), 3000);
    for (const id of ids.slice(1)) track(c.getProcess(id));
    await clock.runUntil(() => settled.length === ids.length, 10_000);
    assert.ok(settled.every((v) => !(v instanceof Error)), 'every lookup succeeded, the rate-limited one included');
    assert.deepEqual(starts, [0, 3000, 3101, 3202, 3303, 3404], 'nothing for 3 s, then one every 100 ms (+1 %)');
    assert.deepEqual(clock.sleeps.filter((ms) => ms >= 1000), [3000], 'one wait for the pause, in the gate; none of its own');
  });

  it('retries 5xx within a small budget, then reports ServerError with the code', async () => {
    api().intercept({ path: PATH }).reply(500, { code: 99999, message: 'Internal failure! Try again later', details: [] }, { headers: JSON_HEADERS }).times(3);
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof ServerError && e.status === 500 && e.code === 99999 && e.detail === 'Internal failure! Try again later');
    assert.deepEqual(delays, [188, 375]);
    reply(503, 'upstream connect error', { 'content-type': 'text/plain' });
    reply(200, PROCESS);
    assert.equal((await client().getProcess(ID)).process.id, ID);
  });

  it('retries a connection reset within the budget, then reports NetworkError(reset)', async () => {
    const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    api().intercept({ path: PATH }).replyWithError(reset());
    reply(200, PROCESS);
    assert.equal((await client().getProcess(ID)).process.id, ID);
    for (let i = 0; i < 3; i++) api().intercept({ path: PATH }).replyWithError(reset());
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof NetworkError && e.failure === 'reset' && e.code === 'ECONNRESET');
    assert.equal(events.filter((e) => e.reason === 'reset').length, 3);
  });

  it('classifies DNS, refused and TLS failures and does not retry them', async () => {
    const cases: [string, string][] = [['ENOTFOUND', 'dns'], ['ECONNREFUSED', 'refused'], ['CERT_HAS_EXPIRED', 'tls'], ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'], ['EWHATEVER', 'other']];
    for (const [code, failure] of cases) {
      api().intercept({ path: PATH }).replyWithError(Object.assign(new Error(code), { code }));
      await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof NetworkError && e.failure === failure && e.host === 'api.test');
    }
    const wrapped = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'connect failed');
    api().intercept({ path: PATH }).replyWithError(wrapped);
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof NetworkError && e.failure === 'refused');
    assert.deepEqual(delays, []);
  });

  it("maps undici's timeouts to TimeoutError, without retrying (the real timeout: client.emulator.test)", async () => {
    api().intercept({ path: PATH }).replyWithError(new errors.HeadersTimeoutError());
    api().intercept({ path: PATH }).replyWithError(new errors.BodyTimeoutError());
    api().intercept({ path: PATH }).replyWithError(new errors.ConnectTimeoutError());
    for (let i = 0; i < 3; i++) {
      await assert.rejects(client({ timeoutMs: 7000 }).getProcess(ID), (e: unknown) => e instanceof TimeoutError && e.host === 'api.test' && e.timeoutMs === 7000);
    }
    assert.deepEqual(delays, []);
  });

  it('turns a caller abort into CancelledError: before, in flight, and during a backoff', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(client().getProcess(ID, { signal: before.signal }), CancelledError);

    reply(200, PROCESS).delay(10_000);
    const inFlight = new AbortController();
    const pending = client().getProcess(ID, { signal: inFlight.signal });
    setImmediate(() => {
      inFlight.abort();
    });
    await assert.rejects(pending, CancelledError);

    reply(503, 'busy', { 'content-type': 'text/plain' });
    const duringBackoff = new AbortController();
    const c = client({
      sleep: () => {
        duringBackoff.abort();
        return Promise.reject(new Error('timer cleared'));
      },
    });
    await assert.rejects(c.getProcess(ID, { signal: duringBackoff.signal }), CancelledError);
  });

  it('reports bodies it cannot use as UnexpectedResponseError with the raw body', async () => {
    reply(200, '<html>gateway</html>', { 'content-type': 'text/html' });
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'notJson' && e.body === '<html>gateway</html>');
    reply(200, { process: { state: 'PROCESS_STATE_FINISHED' } });
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'schema' && e.status === 200 && /process\.id/.test(e.detail) && e.body.includes('PROCESS_STATE_FINISHED'));
    reply(409, { code: 9, message: 'failed precondition' });
    await assert.rejects(client().getProcess(ID), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'status' && e.status === 409);
  });

  it('stops reading a body past the cap', async () => {
    const big = `{"process":{"id":"${ID}","pad":"${'x'.repeat(2 * 1024 * 1024)}"}}`;
    reply(200, big);
    await assert.rejects(client({ maxBodyBytes: 64 * 1024 }).getProcess(ID), (e: unknown) => e instanceof UnexpectedResponseError && e.reason === 'tooLarge' && e.body.length === 64 * 1024 && big.startsWith(e.body));
  });

  it('decodes the selfie and the evidence set', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    reply(200, { fileContents: jpeg.toString('base64'), contentType: 'image/jpeg' }, JSON_HEADERS, `${PATH}/selfie`);
    reply(200, { fileContents: Buffer.from('%PDF-1.4 x').toString('base64'), contentType: 'x-pdf' }, JSON_HEADERS, `${PATH}/evidenceset`);
    const selfie = await client().getSelfie(ID);
    assert.equal(selfie.contentType, 'image/jpeg');
    assert.deepEqual(Buffer.from(selfie.bytes), jpeg);
    assert.equal((await client().getEvidenceSet(ID)).contentType, 'application/pdf');
  });

  it('never puts the token into an event', async () => {
    reply(401, 'Jwt is expired', ENVOY);
    reply(200, PROCESS);
    await client().getProcess(ID);
    const text = JSON.stringify(events);
    assert.ok(!text.includes('tok-'), text);
    assert.deepEqual(events.map((e) => e.type), ['request', 'response', 'retry', 'request', 'response']);
    assert.deepEqual(events.map((e) => e.attempt), [1, 1, 1, 2, 2]);
  });

  it('holds concurrent requests to the concurrency cap', async () => {
    api().intercept({ path: PATH }).reply(200, PROCESS, { headers: JSON_HEADERS }).delay(5).times(6);
    let open = 0;
    let peak = 0;
    const c = client({
      maxConcurrency: 2,
      rateLimitPerSecond: Infinity,
      onEvent: (e) => {
        if (e.type === 'request') peak = Math.max(peak, ++open);
        if (e.type === 'response') open--;
      },
    });
    await Promise.all(Array.from({ length: 6 }, () => c.getProcess(ID)));
    assert.equal(peak, 2);
  });

  it('spaces requests to the rate limit on the injected clock', async () => {
    api().intercept({ path: PATH }).reply(200, PROCESS, { headers: JSON_HEADERS }).times(4);
    const c = client({ rateLimitPerSecond: 2 }, new SteppingClock(0));
    await Promise.all(Array.from({ length: 4 }, () => c.getProcess(ID)));
    assert.deepEqual(delays, [505, 505, 505], 'one every 500 ms (+1 %)');
  });
});
