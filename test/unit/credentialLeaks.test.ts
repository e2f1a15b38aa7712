// The committed-credential detector on realistic files. Every key and token is generated here, at
// test time (no real-looking secret is committed for other scanners to flag).
import * as assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { fingerprintOf, findCredentialLeaks, leakedSecret, type CredentialLeak } from '../../src/core/credentialLeaks';
import { signAssertion, validatePrivateKey } from '../../src/core/jwt';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();

function body(pem: string): string {
  return pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----')).join('');
}

/** A compact RS256 JWT with these claims, signed with the test key. */
function jwt(claims: Record<string, unknown>): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), rsa.privateKey).toString('base64url')}`;
}

const now = Math.floor(Date.now() / 1000);
const accessToken = jwt({ iss: 'https://identity.acesso.io', sub: 'lensbot@t-81c2.iam.acesso.io', scope: '*', iat: now, exp: now + 3600 });

function only(leaks: CredentialLeak[]): CredentialLeak {
  assert.equal(leaks.length, 1, `one finding, got ${leaks.map((l) => l.kind).join(', ')}`);
  return leaks[0]!;
}

function sameKey(pem: string | undefined): void {
  assert.ok(pem !== undefined, 'the key could be rebuilt');
  assert.deepEqual(validatePrivateKey(pem), { ok: true, bits: 2048 });
  const der = (p: string): string => createPrivateKey(p).export({ type: 'pkcs8', format: 'der' }).toString('base64');
  assert.equal(der(pem), der(pkcs8), 'the rebuilt key is the committed one');
}

describe('credential leaks: private keys', () => {
  it('finds a PKCS#8 key file, with its exact range, hint and fingerprint, never the key itself', () => {
    const text = `# deploy key\n${pkcs8}`;
    const leak = only(findCredentialLeaks(text));
    assert.equal(leak.kind, 'privateKey');
    assert.equal(leak.start, text.indexOf('-----BEGIN'));
    assert.equal(text.slice(leak.start, leak.end), pkcs8.trimEnd());
    assert.equal(leak.hint, body(pkcs8).replace(/=+$/, '').slice(-4));
    assert.equal(leak.fingerprint, fingerprintOf(body(pkcs8)));
    assert.ok(!JSON.stringify(leak).includes(body(pkcs8).slice(0, 40)), 'the finding carries no key material');
    sameKey(leakedSecret(text, leak));
  });

  it('finds PKCS#1, EC and encrypted private keys', () => {
    for (const pem of [pkcs1, ec, encrypted]) assert.equal(only(findCredentialLeaks(`x\n${pem}\ny`)).kind, 'privateKey', pem.split('\n')[0]);
  });

  it('reads a key in a JSON string with \\n escapes and a key concatenated over lines of code', () => {
    const json = JSON.stringify({ privateKey: pkcs8 }, null, 2);
    sameKey(leakedSecret(json, only(findCredentialLeaks(json))));
    const code = `const key =\n${pkcs8.trimEnd().split('\n').map((l) => `  "${l}\\n"`).join(' +\n')};\n`;
    const leak = only(findCredentialLeaks(code));
    sameKey(leakedSecret(code, leak));
    assert.equal(leak.fingerprint, fingerprintOf(body(pkcs8)), 'same key, same fingerprint, however it is written');
  });

  it('ignores public keys, certificates, placeholders and an unfinished block', () => {
    const certificate = `-----BEGIN CERTIFICATE-----\n${randomBytes(600).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
    const placeholder = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----\n';
    const cut = pkcs8.slice(0, 900);
    assert.deepEqual(findCredentialLeaks([publicPem, certificate, placeholder, cut].join('\n')), []);
  });

  it('a leaked key that no longer matches the file yields no secret', () => {
    const leak = only(findCredentialLeaks(pkcs8));
    const at = pkcs8.indexOf('\n', 100) + 1; // the first character of a body line
    const edited = `${pkcs8.slice(0, at)}${pkcs8.charAt(at) === 'A' ? 'B' : 'A'}${pkcs8.slice(at + 1)}`;
    assert.equal(leakedSecret(edited, leak), undefined);
  });
});

describe('credential leaks: service accounts', () => {
  const escaped = JSON.stringify(pkcs8).slice(1, -1);

  it('a JSON file with tenant ID, account name and key', () => {
    const text = JSON.stringify({ tenantId: 't-81c2', accountName: 'lensbot', privateKey: pkcs8 }, null, 2);
    const leak = only(findCredentialLeaks(text));
    assert.equal(leak.kind, 'serviceAccount');
    assert.deepEqual(leak.account, { tenantId: 't-81c2', accountName: 'lensbot' });
    sameKey(leakedSecret(text, leak));
  });

  it('a .env file (IDCLOUD_TENANT_ID, IDCLOUD_ACCOUNT_NAME, a quoted key with escapes)', () => {
    const text = `IDCLOUD_TENANT_ID=t-81c2\nexport IDCLOUD_ACCOUNT_NAME="lensbot"\nIDCLOUD_PRIVATE_KEY="${escaped}"\n`;
    assert.deepEqual(only(findCredentialLeaks(text)).account, { tenantId: 't-81c2', accountName: 'lensbot' });
  });

  it('the issuer <account>@<tenant>.iam.acesso.io names both', () => {
    const text = `{"iss": "lensbot@t-81c2.iam.acesso.io", "aud": "https://identityhomolog.acesso.io", "private_key": "${escaped}"}`;
    const leak = only(findCredentialLeaks(text));
    assert.equal(leak.kind, 'serviceAccount');
    assert.deepEqual(leak.account, { tenantId: 't-81c2', accountName: 'lensbot' });
  });

  it('a Postman environment (service_account, tenant_id, secret_key) and YAML', () => {
    const postman = `{"values": [{"key": "tenant_id", "value": "t-81c2"}, {"key": "secret_key", "value": "${escaped}"}, {"service_account": "lensbot"}]}`;
    assert.deepEqual(only(findCredentialLeaks(postman)).account?.accountName, 'lensbot');
    const yaml = `idcloud:\n  tenant: t-81c2\n  serviceAccount: lensbot\n  key: |\n${pkcs8.split('\n').map((l) => `    ${l}`).join('\n')}`;
    const leak = only(findCredentialLeaks(yaml));
    assert.equal(leak.kind, 'serviceAccount');
    sameKey(leakedSecret(yaml, leak));
  });

  it('takes only plain names: no template, no bidi control, no value cut short', () => {
    for (const tenant of ['${TENANT_ID}', 't-81\u202ec2', '<your tenant>', 't 81c2']) {
      const text = JSON.stringify({ tenantId: tenant, accountName: 'lensbot', privateKey: pkcs8 });
      assert.deepEqual(only(findCredentialLeaks(text)).account, { accountName: 'lensbot' }, tenant);
    }
  });

  it('a key with only a tenant nearby is a private key, with the tenant kept for the import', () => {
    const leak = only(findCredentialLeaks(`TENANT_ID=t-81c2\nKEY="${escaped}"`));
    assert.equal(leak.kind, 'privateKey');
    assert.deepEqual(leak.account, { tenantId: 't-81c2' });
  });
});

describe('credential leaks: tokens', () => {
  it('an access token whose issuer is unico\'s identity service', () => {
    const text = `token: ${accessToken}\n`;
    const leak = only(findCredentialLeaks(text));
    assert.equal(leak.kind, 'token');
    assert.equal(text.slice(leak.secretStart, leak.secretEnd), accessToken);
    assert.deepEqual(leak.claims, { host: 'identity.acesso.io', expiresAt: (now + 3600) * 1000, assertion: false });
    assert.equal(leakedSecret(text, leak), accessToken);
    assert.equal(leak.hint, accessToken.slice(-4));
  });

  it('a signed assertion (iss …iam.acesso.io) and a token whose audience is an IDCloud API', () => {
    const assertion = signAssertion({ tenantId: 't-81c2', accountName: 'lensbot', privateKeyPem: pkcs8 }, 'https://identityhomolog.acesso.io', now);
    assert.equal(only(findCredentialLeaks(`"assertion":"${assertion}"`)).claims?.assertion, true);
    const api = jwt({ iss: 'https://auth.example', aud: ['other', 'https://api.idcloud.uat.unico.app'], exp: now - 10 });
    assert.deepEqual(only(findCredentialLeaks(api)).claims, { host: 'api.idcloud.uat.unico.app', expiresAt: (now - 10) * 1000, assertion: false });
  });

  it('an Authorization: Bearer header (curl, JSON, HTTP) covers the header, and only the token is the secret', () => {
    for (const text of [
      `curl -H "Authorization: Bearer ${accessToken}" https://api.idcloud.unico.app/client/v1/process/x`,
      `{"headers": {"Authorization": "Bearer ${accessToken}"}}`,
      `GET /client/v1/process/x HTTP/1.1\r\nauthorization: bearer ${accessToken}\r\n`,
    ]) {
      const leak = only(findCredentialLeaks(text));
      assert.equal(leak.kind, 'bearerHeader', text);
      assert.match(text.slice(leak.start, leak.end), /^authorization/i);
      assert.equal(text.slice(leak.secretStart, leak.secretEnd), accessToken);
    }
  });

  it('ignores other vendors\' JWTs, lookalike hosts, random base64, JWEs and unsigned tokens', () => {
    const auth0 = jwt({ iss: 'https://example.auth0.com/', aud: 'https://api.example.com', exp: now + 60 });
    const google = jwt({ iss: 'https://accounts.google.com', sub: '1234' });
    const lookalikes = ['https://acesso.io.evil.example', 'https://notacesso.io', 'unico.app.example.com'].map((iss) => jwt({ iss }));
    const [h, p] = accessToken.split('.');
    const text = [
      `// Auth0 docs example: Authorization: Bearer ${auth0}`,
      `/* from Google's docs */ const t = "${google}";`,
      ...lookalikes,
      randomBytes(200_000).toString('base64'),
      `${h}.${p}.`, // unsigned
      `${accessToken}.${'a'.repeat(60)}.${'b'.repeat(40)}`, // five parts: a JWE
      `x${accessToken}`, // inside a longer run
    ].join('\n');
    assert.deepEqual(findCredentialLeaks(text), []);
  });
});

describe('credential leaks: caps', () => {
  it('stops after 100 findings, sorted by position, and scans only up to maxLength', () => {
    const many = Array.from({ length: 150 }, () => accessToken).join('\n');
    const leaks = findCredentialLeaks(`${pkcs8}\n${many}`);
    assert.equal(leaks.length, 100);
    assert.equal(leaks[0]?.kind, 'privateKey');
    assert.ok(leaks.every((l, i) => i === 0 || l.start > leaks[i - 1]!.start));
    assert.equal(findCredentialLeaks(`${'x'.repeat(1000)}\n${pkcs8}`, { maxLength: 1000 }).length, 0);
    assert.equal(findCredentialLeaks(many, { maxFindings: 3 }).length, 3);
  });

  it('pathological anchors find nothing (their cost is measured by npm run bench)', () => {
    assert.deepEqual(findCredentialLeaks('eyJ-'.repeat(25_000)), []);
    assert.deepEqual(findCredentialLeaks('eyJ.eyJ.'.repeat(20_000)), []);
    assert.deepEqual(findCredentialLeaks('-----BEGIN PRIVATE KEY-----\nMIIE'.repeat(10_000)), []);
  });
});
