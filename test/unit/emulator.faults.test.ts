import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Agent } from 'undici';
import { FAULT_IDS, startEmulator, type RunningEmulator } from '../../src/emulator';
import { FAULTS } from '../../src/emulator/faults';
import { accessToken, getProcess, REFERENCE } from './emulator.helpers';

describe('emulator: fault-injection IDs', () => {
  let em: RunningEmulator;
  let agent: Agent;
  let token: string;
  before(async () => {
    em = await startEmulator({ slowDelayMs: 20 });
    agent = new Agent();
    token = await accessToken(agent, em);
  });
  after(async () => {
    await agent.close();
    await em.close();
  });
  const get = (id: string, suffix = ''): ReturnType<typeof getProcess> => getProcess(agent, em, id, token, suffix);

  it('lists every fault with a fixed, distinct UUID and a description', () => {
    assert.equal(FAULTS.length, Object.keys(FAULT_IDS).length);
    assert.equal(new Set(Object.values(FAULT_IDS)).size, FAULTS.length);
    for (const fault of FAULTS) {
      assert.match(fault.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(fault.description.length > 10);
    }
  });

  it('rateLimitedRetryAfter: 429 with Retry-After: 1 and no body, as documented ("HTTP status only")', async () => {
    const reply = await get(FAULT_IDS.rateLimitedRetryAfter);
    assert.equal(reply.status, 429);
    assert.equal(reply.headers['retry-after'], '1');
    assert.equal(reply.bytes.length, 0);
  });

  it('rateLimitedGrpcBody: the undocumented 429 with Retry-After: 1 and a code 8 JSON body', async () => {
    const reply = await get(FAULT_IDS.rateLimitedGrpcBody);
    assert.equal(reply.status, 429);
    assert.equal(reply.headers['retry-after'], '1');
    assert.deepEqual(reply.json(), { code: 8, message: 'rate limit exceeded', details: [] });
  });

  it('rateLimitedNoRetryAfter: 429 without Retry-After, plain text', async () => {
    const reply = await get(FAULT_IDS.rateLimitedNoRetryAfter);
    assert.equal(reply.status, 429);
    assert.equal(reply.headers['retry-after'], undefined);
    assert.equal(reply.text(), 'local_rate_limited');
  });

  it('serverError: 500 with code 99999', async () => {
    const reply = await get(FAULT_IDS.serverError);
    assert.equal(reply.status, 500);
    assert.deepEqual(reply.json(), { code: 99999, message: 'Internal failure! Try again later', details: [] });
  });

  it('serviceUnavailable: 503', async () => {
    const reply = await get(FAULT_IDS.serviceUnavailable, '/selfie');
    assert.equal(reply.status, 503);
    assert.equal(reply.text(), 'no healthy upstream');
  });

  it('slow: answers 200 with the process after the slow delay', async () => {
    const reply = await get(FAULT_IDS.slow);
    assert.equal(reply.status, 200);
    assert.equal(reply.json().process.id, FAULT_IDS.slow);
  });

  it('connectionReset: the connection is reset without an answer', async () => {
    await assert.rejects(get(FAULT_IDS.connectionReset), (e: Error & { code?: string }) => {
      assert.ok(['ECONNRESET', 'UND_ERR_SOCKET'].includes(e.code ?? ''), `${e.code}: ${e.message}`);
      return true;
    });
  });

  it('malformedJson: 200 application/json that does not parse', async () => {
    const reply = await get(FAULT_IDS.malformedJson);
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers['content-type']), /^application\/json/);
    assert.throws(() => reply.json(), SyntaxError);
  });

  it('schemaDrift: 200 JSON that is not a process (no id, numbers for enums)', async () => {
    const { process } = (await get(FAULT_IDS.schemaDrift)).json();
    assert.equal(process.id, undefined);
    assert.equal(typeof process.state, 'number');
  });

  it('hugeBody: 200 with 10 MiB of valid JSON', async () => {
    const reply = await get(FAULT_IDS.hugeBody);
    assert.equal(reply.status, 200);
    assert.equal(reply.bytes.length, 10 * 1024 * 1024);
    assert.equal(Number(reply.headers['content-length']), reply.bytes.length);
    assert.equal(reply.json().process.id, FAULT_IDS.hugeBody);
  });

  it('forbiddenMedia: the process is there, its selfie and evidence set answer 403 code 7', async () => {
    assert.equal((await get(FAULT_IDS.forbiddenMedia)).status, 200);
    for (const suffix of ['/selfie', '/evidenceset']) {
      const reply = await get(FAULT_IDS.forbiddenMedia, suffix);
      assert.equal(reply.status, 403);
      assert.deepEqual(reply.json(), { code: 7, message: 'no permission', details: [] });
    }
  });

  it('flaky: 503 on odd requests, 200 on even ones', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(FAULT_IDS.flaky)).status);
    assert.deepEqual(statuses, [503, 200, 503, 200]);
  });

  it('needs a token before any fault', async () => {
    const reply = await getProcess(agent, em, FAULT_IDS.serverError, undefined);
    assert.equal(reply.status, 401);
  });
});

describe('emulator: close()', () => {
  const count = (type: string): number => process.getActiveResourcesInfo().filter((t) => t === type).length;
  const turn = (): Promise<void> => new Promise((resolve) => { setImmediate(resolve); });

  it('drops a pending slow answer, ends every connection and leaves no handle or timer', async () => {
    await turn(); // mocha re-arms its own test timer once the test has returned its promise
    const baseline = { server: count('TCPServerWrap'), sockets: count('TCPSocketWrap'), timers: count('Timeout') };
    const em = await startEmulator({ slowDelayMs: 600_000 });
    const agent = new Agent();
    const token = await accessToken(agent, em);
    const req = httpRequest(new URL(`${em.apiBaseUrl}/client/v1/process/${FAULT_IDS.slow}`), { agent: false, headers: { authorization: `Bearer ${token}` } });
    const outcome = new Promise<string>((resolve) => {
      req.on('response', () => { resolve('answered'); });
      req.on('error', (e: NodeJS.ErrnoException) => { resolve(e.code ?? e.message); });
    });
    await new Promise<void>((resolve) => { req.end(resolve); });
    // A round trip after the slow request was flushed: by then the server has read it.
    assert.equal((await getProcess(agent, em, REFERENCE, token)).status, 200);
    assert.ok(count('Timeout') > baseline.timers, 'the slow answer is pending');
    await em.close();
    await agent.close();
    assert.equal(await outcome, 'ECONNRESET');
    await turn();
    await turn();
    assert.deepEqual({ server: count('TCPServerWrap'), sockets: count('TCPSocketWrap'), timers: count('Timeout') }, baseline);
  });
});
