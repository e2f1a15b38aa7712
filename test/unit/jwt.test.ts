import * as assert from 'node:assert/strict';
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { decodeJwtPayload, signAssertion, validatePrivateKey, type ServiceAccount } from '../../src/core/jwt';

function rsa(bits: number): { pkcs8: string; pkcs1: string; privateKey: KeyObject; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    privateKey,
    publicKey,
  };
}

function parts(token: string): { header: unknown; payload: Record<string, unknown>; signingInput: string; signature: Buffer } {
  const [h, p, s] = token.split('.');
  assert.ok(h && p && s, 'three parts');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>,
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

describe('jwt', () => {
  // Generated once, when the file loads (key generation is slow on a busy machine).
  const key = rsa(2048);
  const small = rsa(1024);
  const account: ServiceAccount = { tenantId: 'tenant-123', accountName: 'lensbot', privateKeyPem: key.pkcs8 };

  describe('validatePrivateKey', () => {
    it('accepts an RSA key in PKCS#8 and in PKCS#1', () => {
      assert.deepEqual(validatePrivateKey(key.pkcs8), { ok: true, bits: 2048 });
      assert.deepEqual(validatePrivateKey(key.pkcs1), { ok: true, bits: 2048 });
    });

    it('refuses what is not an unencrypted RSA private key of at least 2048 bits with a code, never quoting it', () => {
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const ecSec1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
      const encrypted = key.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
      const publicPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const damaged = key.pkcs8.replace(/[A-Za-z]{20}/, 'x');
      const cases: [string, object][] = [
        ['', { ok: false, reason: 'notPem' }],
        ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', { ok: false, reason: 'notPem' }],
        [small.pkcs8, { ok: false, reason: 'tooSmall', bits: 1024, minBits: 2048 }],
        [ec, { ok: false, reason: 'notRsa', keyType: 'ec' }],
        [ecSec1, { ok: false, reason: 'unsupportedBlock', label: 'EC PRIVATE KEY' }],
        [encrypted, { ok: false, reason: 'encrypted' }],
        [publicPem, { ok: false, reason: 'publicKey' }],
        [damaged, { ok: false, reason: 'unreadable' }],
      ];
      for (const [pem, expected] of cases) {
        const result = validatePrivateKey(pem);
        assert.deepEqual(result, expected);
        assert.ok(!JSON.stringify(result).includes('MII'), 'never echoes key material');
      }
    });
  });

  describe('signAssertion', () => {
    it('carries exactly iss, aud, scope, iat, exp under an RS256 header', () => {
      const { header, payload } = parts(signAssertion(account, 'https://identityhomolog.acesso.io', 1_700_000_000));
      assert.deepEqual(header, { alg: 'RS256', typ: 'JWT' });
      assert.deepEqual(Object.keys(payload).sort(), ['aud', 'exp', 'iat', 'iss', 'scope']);
      assert.deepEqual(payload, {
        iss: 'lensbot@tenant-123.iam.acesso.io',
        aud: 'https://identityhomolog.acesso.io',
        scope: '*',
        iat: 1_700_000_000,
        exp: 1_700_003_600,
      });
    });

    it('drops trailing slashes from aud and floors iat', () => {
      const { payload } = parts(signAssertion(account, 'https://identity.acesso.io//', 1_700_000_000.9));
      assert.equal(payload.aud, 'https://identity.acesso.io');
      assert.equal(payload.iat, 1_700_000_000);
    });

    it('never lets exp pass iat + 3600', () => {
      for (const lifetime of [10_000, 3600, 120, 0, -5]) {
        const { payload } = parts(signAssertion(account, 'https://identity.acesso.io', 1000, lifetime));
        const span = Number(payload.exp) - Number(payload.iat);
        assert.ok(span >= 1 && span <= 3600, `lifetime ${lifetime} → ${span}`);
      }
      assert.equal(parts(signAssertion(account, 'https://identity.acesso.io', 1000, 120)).payload.exp, 1120);
    });

    it('is signed with the account key (verifies with its public key, fails with another)', () => {
      const token = signAssertion(account, 'https://identity.acesso.io', 1000);
      const { signingInput, signature } = parts(token);
      assert.equal(verify('sha256', Buffer.from(signingInput), key.publicKey, signature), true);
      assert.equal(verify('sha256', Buffer.from(signingInput), small.publicKey, signature), false);
      const fromPkcs1 = parts(signAssertion({ ...account, privateKeyPem: key.pkcs1 }, 'https://identity.acesso.io', 1000));
      assert.equal(verify('sha256', Buffer.from(fromPkcs1.signingInput), key.publicKey, fromPkcs1.signature), true);
    });
  });

  describe('decodeJwtPayload', () => {
    it('reads the payload of a JWT without verifying it', () => {
      const token = signAssertion(account, 'https://identity.acesso.io', 1000);
      assert.equal(decodeJwtPayload(token)?.exp, 4600);
      assert.equal(decodeJwtPayload(`  ${token}\n`)?.iss, 'lensbot@tenant-123.iam.acesso.io');
    });

    it('returns undefined for anything that is not a JWT with an object payload', () => {
      const b64 = (v: string): string => Buffer.from(v).toString('base64url');
      for (const token of ['', 'opaque-token', 'a.b', `x.${b64('[1,2]')}.y`, `x.${b64('not json')}.y`, `x.${b64('null')}.y`, 'x.a+b/c.y', 'a.b.c.d']) {
        assert.equal(decodeJwtPayload(token), undefined, token);
      }
    });
  });
});
