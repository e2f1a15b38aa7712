import * as assert from 'node:assert/strict';
import { tokenShape } from '../../src/core/tokenShape';

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const NOW = Date.UTC(2026, 11, 2, 1, 0, 0);
const header = part({ alg: 'RS256', typ: 'JWT' });

describe('tokenShape (a pasted access token, before it is saved)', () => {
  it('a JWS with a future exp is valid, with its expiry', () => {
    const exp = NOW / 1000 + 3600;
    assert.deepStrictEqual(tokenShape(`${header}.${part({ sub: 'svc', exp })}.c2ln`, NOW), { kind: 'valid', expiresAt: exp * 1000 });
  });

  it('a JWS whose exp has passed is expired', () => {
    assert.deepStrictEqual(tokenShape(`${header}.${part({ exp: NOW / 1000 - 1 })}.c2ln`, NOW), { kind: 'expired', expiresAt: NOW - 1000 });
  });

  it('a JWS without a numeric exp has no known expiry', () => {
    assert.deepStrictEqual(tokenShape(`${header}.${part({ sub: 'svc' })}.c2ln`, NOW), { kind: 'noExpiry' });
    assert.deepStrictEqual(tokenShape(`${header}.${part({ exp: '1764640000' })}.c2ln`, NOW), { kind: 'noExpiry' });
  });

  it('anything else is not a JWT: garbage.token, opaque strings, JWE, bad base64 or JSON, an empty signature', () => {
    for (const bad of [
      'garbage.token', 'abc123', '', `${header}.${part({ exp: 1 })}`, `${header}.${part({ exp: 1 })}.`, `${header}.bm90IGpzb24.c2ln`,
      `bm90IGpzb24.${part({ exp: 1 })}.c2ln`, `${header}.${part([1, 2])}.c2ln`, `${header}.${part({ exp: 1 })}.c2ln+/`,
      `${header}.a.b.c.d`,
    ]) assert.deepStrictEqual(tokenShape(bad, NOW), { kind: 'notJwt' }, bad);
  });
});
