import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { API_ERRORS, API_FIXTURES, API_REFERENCE_EXAMPLE_ID, REFERENCE_EXAMPLE_ID, startEmulator, UNKNOWN_PROCESS_ID, type RunningEmulator } from '../../src/emulator';
import { accessToken, call, type Reply } from './emulator.helpers';

describe('emulator: API contract (processes/v1)', () => {
  let em: RunningEmulator;
  let agent: Agent;
  let token: string;
  let clock = Date.now();
  before(async () => {
    em = await startEmulator({ now: () => clock, tokenLifetimeSeconds: 60 });
    agent = new Agent();
    token = await accessToken(agent, em, clock);
  });
  after(async () => {
    await agent.close();
    await em.close();
  });

  const get = (id: string, headers: Record<string, string>, version = 'v1'): Promise<Reply> =>
    call(agent, `${em.apiBaseUrl}/processes/${version}/${id}`, { headers });
  const both = (): Record<string, string> => ({ authorization: `Bearer ${token}`, apikey: em.apiKey });

  it('serves unico\'s example verbatim on v1 and v2 with a token it issued and its APIKEY', async () => {
    for (const version of ['v1', 'v2']) {
      const reply = await get(API_REFERENCE_EXAMPLE_ID, both(), version);
      assert.equal(reply.status, 200, version);
      assert.deepEqual(reply.json(), {
        id: API_REFERENCE_EXAMPLE_ID, status: 3, unicoId: { result: 'yes' }, identityFraudsters: { result: 'inconclusive' }, government: { serpro: 87 }, liveness: 1,
      });
    }
  });

  it('has one fixture per status 1 to 5, a failed liveness, each unicoId answer and an undocumented status', () => {
    const bodies = API_FIXTURES.map((f) => f.body as { status?: number; liveness?: number; unicoId?: { result?: string } });
    for (const status of [1, 2, 3, 4, 5]) assert.ok(bodies.some((b) => b.status === status), `status ${status}`);
    assert.ok(bodies.some((b) => b.liveness === 2));
    for (const result of ['yes', 'no', 'inconclusive']) assert.ok(bodies.some((b) => b.unicoId?.result === result), result);
    assert.ok(bodies.some((b) => b.status !== undefined && b.status > 5));
    assert.equal(new Set(API_FIXTURES.map((f) => f.id)).size, API_FIXTURES.length);
  });

  it('answers every fixture, upper-case IDs too', async () => {
    for (const f of API_FIXTURES) {
      const reply = await get(f.id.toUpperCase(), both());
      assert.equal(reply.status, 200, f.title);
      assert.equal((reply.json() as { id: string }).id, f.id);
    }
  });

  function assertError(reply: Reply, status: number, code: string | undefined): void {
    assert.equal(reply.status, status);
    assert.match(String(reply.headers['content-type']), /^application\/json/);
    const body = reply.json() as { error: { code?: string; description: string } };
    assert.equal(body.error.code, code);
    assert.equal(typeof body.error.description, 'string');
  }

  it('403 20002 without an APIKEY, 403 10201 with a wrong one', async () => {
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { authorization: `Bearer ${token}` }), 403, API_ERRORS.apiKeyMissing.code);
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { authorization: `Bearer ${token}`, apikey: `${em.apiKey}x` }), 403, '10201');
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { authorization: `Bearer ${token}`, apikey: 'short' }), 403, '10201');
  });

  it('403 20001 without a token, 10501 for one it did not issue, 10502 once expired', async () => {
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { apikey: em.apiKey }), 403, '20001');
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { authorization: 'Bearer not.a.jwt', apikey: em.apiKey }), 403, '10501');
    const forged = `${token.slice(0, -4)}AAAA`;
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { authorization: `Bearer ${forged}`, apikey: em.apiKey }), 403, '10501');
    const saved = clock;
    clock += 61_000;
    try {
      assertError(await get(API_REFERENCE_EXAMPLE_ID, both()), 403, '10502');
    } finally {
      clock = saved;
    }
  });

  it('404 for an unknown ID (a Web & SDK fixture included), 400 for a malformed one', async () => {
    assertError(await get(UNKNOWN_PROCESS_ID, both()), 404, undefined);
    assertError(await get(REFERENCE_EXAMPLE_ID, both()), 404, undefined);
    assertError(await get('not-a-uuid', both()), 400, undefined);
    assertError(await get('', both()), 400, undefined);
  });

  it('the APIKEY is checked only after the token, and differs per start', async () => {
    assertError(await get(API_REFERENCE_EXAMPLE_ID, { apikey: 'wrong' }), 403, '20001');
    const other = await startEmulator();
    try {
      assert.notEqual(other.apiKey, em.apiKey);
      assert.ok(em.apiKey.length >= 20);
    } finally {
      await other.close();
    }
  });
});
