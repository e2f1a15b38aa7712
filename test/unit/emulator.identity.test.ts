import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { accessToken, call, claims, decodePayload, getProcess, GRANT, jws, postToken, REFERENCE } from './emulator.helpers';

describe('emulator: token endpoint', () => {
  let em: RunningEmulator;
  let agent: Agent;
  let clock = Date.now();
  before(async () => {
    em = await startEmulator({ now: () => clock, tokenLifetimeSeconds: 120 });
    agent = new Agent();
  });
  // RS256 is deterministic: the same claims in the same second make the same assertion, a replay.
  beforeEach(() => { clock += 1000; });
  after(async () => {
    await agent.close();
    await em.close();
  });

  const key = (): string => em.serviceAccount.privateKeyPem;
  async function errorCode(assertion: string): Promise<string> {
    const reply = await postToken(agent, em, assertion);
    assert.equal(reply.status, 401);
    const body = reply.json();
    assert.equal(body.error, 'server_error');
    const description = String(body.error_description);
    const match = /^Falha na autenticação (\d+\.\d+\.\d+)$/.exec(description);
    assert.ok(match, description);
    return match[1]!;
  }

  it('exchanges a correct assertion for a Bearer access token it signed, with expires_in', async () => {
    const reply = await postToken(agent, em, jws(claims(em, clock), key()));
    assert.equal(reply.status, 200);
    const body = reply.json();
    assert.deepEqual(Object.keys(body as object).sort(), ['access_token', 'expires_in', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 120);
    const payload = decodePayload(String(body.access_token));
    assert.equal(payload.iss, em.identityUrl);
    assert.equal(payload.exp, Math.floor(clock / 1000) + 120);
  });

  it('refuses a replayed assertion with 1.2.7 (each request needs a freshly signed JWT)', async () => {
    const assertion = jws(claims(em, clock), key());
    assert.equal((await postToken(agent, em, assertion)).status, 200);
    assert.equal(await errorCode(assertion), '1.2.7');
  });

  const cases: [string, (c: Record<string, unknown>) => Record<string, unknown>, string][] = [
    ['a wrong tenant in iss', (c) => ({ ...c, iss: `${em.serviceAccount.accountName}@other-tenant.iam.acesso.io` }), '1.0.1'],
    ['an iss that is not account@tenant.iam.acesso.io', (c) => ({ ...c, iss: 'lens-local' }), '1.2.20'],
    ['a missing scope', ({ scope: _scope, ...c }) => c, '1.1.1'],
    ['an extra claim (jti)', (c) => ({ ...c, jti: 'x' }), '1.2.22'],
    ['an extra claim (nbf)', (c) => ({ ...c, nbf: c.iat }), '1.2.22'],
    ['sub (impersonation)', (c) => ({ ...c, sub: 'someone' }), '1.2.19'],
    ['aud with a trailing slash', (c) => ({ ...c, aud: `${em.identityUrl}/` }), '1.2.5'],
    ['aud of another host', (c) => ({ ...c, aud: 'https://identityhomolog.acesso.io' }), '1.2.5'],
    ['an exp in the past', (c) => ({ ...c, iat: (c.iat as number) - 7200, exp: (c.iat as number) - 3600 }), '1.2.4'],
    ['exp more than 3600 s after iat', (c) => ({ ...c, exp: (c.iat as number) + 3601 }), '1.2.5'],
    ['iat given as a string', (c) => ({ ...c, iat: String(c.iat) }), '1.2.20'],
    ['a missing aud', ({ aud: _aud, ...c }) => c, '1.2.20'],
  ];
  for (const [what, change, code] of cases) {
    it(`answers ${code} for ${what}`, async () => {
      assert.equal(await errorCode(jws(change(claims(em, clock)), key())), code);
    });
  }

  it('answers 1.2.5 for a signature that does not verify and for alg other than RS256', async () => {
    const good = jws(claims(em, clock), key()).split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...claims(em, clock), iat: Math.floor(clock / 1000) - 1 })).toString('base64url');
    assert.equal(await errorCode(`${good[0]}.${otherPayload}.${good[2]}`), '1.2.5');
    assert.equal(await errorCode(jws(claims(em, clock), key(), { alg: 'RS512', typ: 'JWT' })), '1.2.5');
    assert.equal(await errorCode(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${otherPayload}.`), '1.2.5');
  });

  it('answers 1.2.20 for an assertion it cannot decode', async () => {
    assert.equal(await errorCode('not-a-jwt'), '1.2.20');
    assert.equal(await errorCode('e30.bm90IGpzb24.c2ln'), '1.2.20');
  });

  it('answers 400 for a wrong grant_type or a body that is not a form', async () => {
    const wrongGrant = await postToken(agent, em, jws(claims(em, clock), key()), 'client_credentials');
    assert.equal(wrongGrant.status, 400);
    assert.equal(wrongGrant.json().error, 'unsupported_grant_type');
    const json = await call(agent, `${em.identityUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: GRANT, assertion: jws(claims(em, clock), key()) }),
    });
    assert.equal(json.status, 400);
    assert.equal(json.json().error, 'invalid_request');
  });

  it('issues tokens that stop working when their lifetime has passed (by the injected clock)', async () => {
    const token = await accessToken(agent, em, clock);
    assert.equal((await getProcess(agent, em, REFERENCE, token)).status, 200);
    clock += 119_000;
    assert.equal((await getProcess(agent, em, REFERENCE, token)).status, 200);
    clock += 1_000;
    const expired = await getProcess(agent, em, REFERENCE, token);
    assert.equal(expired.status, 401);
    assert.equal(expired.text(), 'Jwt is expired');
  });
});
