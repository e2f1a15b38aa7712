// The pure rules behind custom profiles: which endpoints may receive a token, and how bad entries
// of idcloud.customProfiles are skipped with a reason instead of breaking the others.
import * as assert from 'assert';
import { BUILTIN_PROFILES, normaliseEndpoint, parseCustomProfiles } from '../../src/editor/profiles/definitions';

describe('profile definitions', () => {
  it('has the environments\' hosts in one place, the emulator first', () => {
    assert.deepStrictEqual(BUILTIN_PROFILES.map((p) => [p.id, p.apiBaseUrl, p.identityUrl, p.production, p.contract ?? 'webSdk']), [
      ['emulator', '', '', false, 'webSdk'],
      ['sandbox', 'https://api.idcloud.uat.unico.app', 'https://identityhomolog.acesso.io', false, 'webSdk'],
      ['production', 'https://api.idcloud.unico.app', 'https://identity.acesso.io', true, 'webSdk'],
      ['emulator-api', '', '', false, 'api'],
      ['sandbox-api', 'https://api.id.uat.unico.app', 'https://identityhomolog.acesso.io', false, 'api'],
      ['production-api', 'https://api.id.unico.app', 'https://identity.acesso.io', true, 'api'],
    ]);
  });

  it('reads a custom profile\'s contract: webSdk by default, api when asked, anything else refused', () => {
    const base = { label: 'T', apiBaseUrl: 'https://api.id.uat.unico.app', identityUrl: 'https://identityhomolog.acesso.io' };
    const { profiles, problems } = parseCustomProfiles([
      { id: 'a', ...base }, { id: 'b', ...base, contract: 'api' }, { id: 'c', ...base, contract: 'webSdk' }, { id: 'd', ...base, contract: 'byClient' },
    ]);
    assert.deepStrictEqual(profiles.map((p) => [p.id, p.contract]), [['a', undefined], ['b', 'api'], ['c', undefined]]);
    assert.deepStrictEqual(problems, [{ index: 3, reason: '"contract" must be "webSdk" or "api"' }]);
  });

  it('accepts https anywhere and http only on loopback, without a trailing slash', () => {
    assert.deepStrictEqual(normaliseEndpoint('https://api.example.com/base/'), { url: 'https://api.example.com/base' });
    assert.deepStrictEqual(normaliseEndpoint(' http://127.0.0.1:8080/identity// '), { url: 'http://127.0.0.1:8080/identity' });
    assert.deepStrictEqual(normaliseEndpoint('http://localhost:3000'), { url: 'http://localhost:3000' });
    assert.deepStrictEqual(normaliseEndpoint('http://[::1]:3000'), { url: 'http://[::1]:3000' });
    for (const bad of ['http://api.example.com', 'ftp://x.example', 'https://u:p@x.example', 'https://x.example/?q=1', 'https://x.example/#f', 'not a url', '', 42, undefined]) {
      assert.ok('reason' in normaliseEndpoint(bad), String(bad));
    }
  });

  it('keeps valid custom profiles and reports each bad entry with its index', () => {
    const ok = { id: 'team-uat', label: ' Team UAT ', apiBaseUrl: 'https://a.example/', identityUrl: 'https://i.example', production: true };
    const { profiles, problems } = parseCustomProfiles([
      ok,
      { ...ok, id: 'team-uat' },
      { ...ok, id: 'production' },
      { ...ok, id: 'Upper' },
      { ...ok, id: 'x', label: '' },
      { ...ok, id: 'y', production: 'yes' },
      { ...ok, id: 'z', identityUrl: 'http://i.example' },
      'nope',
    ]);
    assert.deepStrictEqual(profiles, [{ id: 'team-uat', label: 'Team UAT', kind: 'custom', apiBaseUrl: 'https://a.example', identityUrl: 'https://i.example', production: true }]);
    assert.deepStrictEqual(problems.map((p) => p.index), [1, 2, 3, 4, 5, 6, 7]);
    assert.match(problems[5]?.reason ?? '', /identityUrl.*https/);
  });

  it('treats a missing setting as none and a non-array as one problem', () => {
    assert.deepStrictEqual(parseCustomProfiles(undefined), { profiles: [], problems: [] });
    assert.deepStrictEqual(parseCustomProfiles({}).problems.length, 1);
  });
});
