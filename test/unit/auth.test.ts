import * as assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { MockAgent } from 'undici';
import { PastedTokenSource, ServiceAccountTokenSource } from '../../src/core/auth';
import { TOKEN_ERROR_MEANINGS } from '../../src/core/tokenErrors';
import { CancelledError, isIdCloudError, NetworkError, TokenError } from '../../src/core/errors';

const IDENTITY = 'https://identity.test';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = { tenantId: 't-1', accountName: 'lens', privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
const JSON_HEADERS = { 'content-type': 'application/json' };

function claims(assertion: string): Record<string, unknown> {
  const [h, p, s] = assertion.split('.');
  assert.ok(h && p && s);
  assert.equal(verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url')), true, 'signature verifies');
  return JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
}

describe('ServiceAccountTokenSource', () => {
  let agent: MockAgent;
  let t: number;
  const now = (): number => t;
  /** Form bodies received by the fake identity endpoint. */
  let forms: URLSearchParams[];

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    t = 1_700_000_000_000;
    forms = [];
  });

  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  function tokenReply(times: number, expiresIn = 3600): void {
    agent
      .get(IDENTITY)
      .intercept({ path: '/oauth2/token', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      .reply(200, (opts) => {
        forms.push(new URLSearchParams(typeof opts.body === 'string' ? opts.body : ''));
        return { access_token: `tok-${forms.length}`, expires_in: expiresIn, token_type: 'Bearer' };
      }, { headers: JSON_HEADERS })
      .times(times);
  }

  function source(identityUrl = IDENTITY): ServiceAccountTokenSource {
    return new ServiceAccountTokenSource({ account, identityUrl, dispatcher: agent, now, random: () => 0 });
  }

  it('POSTs the JWT-bearer form with a valid five-claim assertion', async () => {
    tokenReply(1);
    assert.equal(await source(`${IDENTITY}/`).getToken(), 'tok-1');
    const form = forms[0];
    assert.ok(form);
    assert.deepEqual([...form.keys()].sort(), ['assertion', 'grant_type']);
    assert.equal(form.get('grant_type'), 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    assert.deepEqual(claims(form.get('assertion') ?? ''), {
      iss: 'lens@t-1.iam.acesso.io',
      aud: IDENTITY,
      scope: '*',
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
  });

  it('caches the token until shortly before it expires, then renews', async () => {
    tokenReply(2, 3600);
    const tokens = source();
    assert.equal(await tokens.getToken(), 'tok-1');
    t += 3_540_000 - 1; // default skew: 60 s
    assert.equal(await tokens.getToken(), 'tok-1');
    t += 1;
    assert.equal(await tokens.getToken(), 'tok-2');
  });

  it('keeps a short-lived token for at least half its life', async () => {
    tokenReply(2, 10);
    const tokens = source();
    assert.equal(await tokens.getToken(), 'tok-1');
    t += 4_999;
    assert.equal(await tokens.getToken(), 'tok-1');
    t += 1;
    assert.equal(await tokens.getToken(), 'tok-2');
  });

  it('shares one refresh among concurrent callers', async () => {
    tokenReply(1);
    const tokens = source();
    const all = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    assert.deepEqual(new Set(all), new Set(['tok-1']));
    assert.equal(forms.length, 1);
  });

  it('signs a fresh assertion for every token request, even within the same second', async () => {
    tokenReply(3);
    const tokens = source();
    await tokens.fetchToken();
    await tokens.fetchToken();
    t += 999;
    await tokens.fetchToken();
    const assertions = forms.map((f) => f.get('assertion') ?? '');
    assert.equal(new Set(assertions).size, 3);
    for (const a of assertions) {
      const c = claims(a);
      assert.equal(Object.keys(c).length, 5);
      assert.equal(c.iat, 1_700_000_000);
      assert.ok(Number(c.exp) - 1_700_000_000 <= 3600);
    }
  });

  it('renews after invalidate of the current token, not of a stale one', async () => {
    tokenReply(2);
    const tokens = source();
    const first = await tokens.getToken();
    tokens.invalidate('some-older-token');
    assert.equal(await tokens.getToken(), first);
    tokens.invalidate(first);
    assert.equal(await tokens.getToken(), 'tok-2');
  });

  it('fetchToken always asks, reports latency and expiry, and feeds the cache', async () => {
    tokenReply(2);
    const tokens = source();
    await tokens.getToken();
    const fresh = await tokens.fetchToken();
    assert.deepEqual(fresh, { accessToken: 'tok-2', expiresAt: t + 3_600_000, latencyMs: 0 });
    assert.equal(await tokens.getToken(), 'tok-2');
  });

  it('signs again once when unico says the assertion was already used (1.2.7), then succeeds', async () => {
    const sent: string[] = [];
    const pool = agent.get(IDENTITY);
    pool.intercept({ path: '/oauth2/token', method: 'POST' }).reply((opts) => {
      sent.push(typeof opts.body === 'string' ? opts.body : '');
      return { statusCode: 401, data: { error: 'server_error', error_description: 'Falha na autenticação 1.2.7' }, responseOptions: { headers: JSON_HEADERS } };
    });
    pool.intercept({ path: '/oauth2/token', method: 'POST' }).reply((opts) => {
      sent.push(typeof opts.body === 'string' ? opts.body : '');
      return { statusCode: 200, data: { access_token: 'tok-after-retry', expires_in: 3600 }, responseOptions: { headers: JSON_HEADERS } };
    });
    assert.equal(await source().getToken(), 'tok-after-retry');
    assert.equal(sent.length, 2);
    assert.notEqual(new URLSearchParams(sent[0]).get('assertion'), new URLSearchParams(sent[1]).get('assertion'));
  });

  it('maps unico 1.x.x refusals to TokenError with the plain-language meaning', async () => {
    const pool = agent.get(IDENTITY);
    for (let i = 0; i < 2; i++) {
      pool.intercept({ path: '/oauth2/token', method: 'POST' })
        .reply(401, { error: 'server_error', error_description: 'Falha na autenticação 1.2.7' }, { headers: JSON_HEADERS });
    }
    await assert.rejects(source().getToken(), (e: unknown) => {
      assert.ok(e instanceof TokenError);
      assert.equal(e.unicoCode, '1.2.7');
      assert.equal(e.meaning, TOKEN_ERROR_MEANINGS['1.2.7']);
      assert.equal(e.status, 401);
      return true;
    });
  });

  it('describes unknown codes, server failures and non-token answers', async () => {
    const pool = agent.get(IDENTITY);
    pool.intercept({ path: '/oauth2/token', method: 'POST' }).reply(400, { error: 'invalid_grant', error_description: 'nope 9.9.9' }, { headers: JSON_HEADERS });
    pool.intercept({ path: '/oauth2/token', method: 'POST' }).reply(503, 'upstream connect error', { headers: { 'content-type': 'text/plain' } });
    pool.intercept({ path: '/oauth2/token', method: 'POST' }).reply(200, '<html>login</html>', { headers: { 'content-type': 'text/html' } });
    pool.intercept({ path: '/oauth2/token', method: 'POST' }).reply(200, { access_token: '', expires_in: 3600 }, { headers: JSON_HEADERS });
    const tokens = source();
    await assert.rejects(tokens.getToken(), (e: unknown) => e instanceof TokenError && e.unicoCode === '9.9.9' && /HTTP 400.*nope 9\.9\.9/.test(e.meaning));
    await assert.rejects(tokens.getToken(), (e: unknown) => e instanceof TokenError && e.status === 503 && /try again later/.test(e.meaning));
    await assert.rejects(tokens.getToken(), (e: unknown) => e instanceof TokenError && /check the identity URL/.test(e.meaning));
    await assert.rejects(tokens.getToken(), (e: unknown) => e instanceof TokenError && /check the identity URL/.test(e.meaning));
  });

  it('reports transport failures as NetworkError and caller aborts as CancelledError', async () => {
    agent.get(IDENTITY).intercept({ path: '/oauth2/token', method: 'POST' }).replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    await assert.rejects(source().getToken(), (e: unknown) => e instanceof NetworkError && e.failure === 'refused' && e.host === 'identity.test');
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(source().getToken(aborted.signal), CancelledError);
  });

  it('lets one caller give up without cancelling the shared refresh', async () => {
    agent.get(IDENTITY).intercept({ path: '/oauth2/token', method: 'POST' })
      .reply(200, { access_token: 'slow', expires_in: 3600 }, { headers: JSON_HEADERS }).delay(50);
    const tokens = source();
    const controller = new AbortController();
    const quitter = tokens.getToken(controller.signal);
    const patient = tokens.getToken();
    controller.abort();
    await assert.rejects(quitter, (e: unknown) => isIdCloudError(e) && e.kind === 'cancelled');
    assert.equal(await patient, 'slow');
  });
});

describe('PastedTokenSource', () => {
  const jwt = (payload: object): string => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

  it('hands out the pasted token without a "Bearer " prefix, and the same one after invalidate', async () => {
    const tokens = new PastedTokenSource('  Bearer abc.def.ghi \n');
    assert.equal(await tokens.getToken(), 'abc.def.ghi');
    tokens.invalidate('abc.def.ghi');
    assert.equal(await tokens.getToken(), 'abc.def.ghi');
  });

  it('knows when a JWT has expired (unverified exp), and says nothing for opaque tokens', () => {
    let t = 1_000_000;
    const tokens = new PastedTokenSource(jwt({ exp: 1500 }), () => t);
    assert.equal(tokens.expiresAt(), 1_500_000);
    assert.equal(tokens.isExpired(), false);
    t = 1_500_000;
    assert.equal(tokens.isExpired(), true);
    const opaque = new PastedTokenSource('opaque', () => t);
    assert.equal(opaque.expiresAt(), undefined);
    assert.equal(opaque.isExpired(), false);
    assert.equal(new PastedTokenSource(jwt({ exp: 'soon' })).expiresAt(), undefined);
  });

  it('rejects an aborted call', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(new PastedTokenSource('x').getToken(controller.signal), CancelledError);
  });
});
