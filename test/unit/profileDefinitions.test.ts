// The pure rules behind custom profiles: which endpoints may receive a token, and how bad entries
// of idcloud.customProfiles are skipped with a reason instead of breaking the others.
import * as assert from 'assert';
import { BUILTIN_PROFILES, normaliseEndpoint, parseCustomProfiles, problemInEnglish } from '../../src/editor/profiles/definitions';

describe('profile definitions', () => {
  it('has the environments\' hosts in one place, the emulator first', () => {
    assert.deepStrictEqual(BUILTIN_PROFILES.map((p) => [p.id, p.apiBaseUrl, p.identityUrl, p.production]), [
      ['emulator', '', '', false],
      ['sandbox', 'https://api.idcloud.uat.unico.app', 'https://identityhomolog.acesso.io', false],
      ['production', 'https://api.idcloud.unico.app', 'https://identity.acesso.io', true],
    ]);
  });

  it('accepts https anywhere and http only on loopback, without a trailing slash', () => {
    assert.deepStrictEqual(normaliseEndpoint('https://api.example.com/base/'), { url: 'https://api.example.com/base' });
    assert.deepStrictEqual(normaliseEndpoint(' http://127.0.0.1:8080/identity// '), { url: 'http://127.0.0.1:8080/identity' });
    assert.deepStrictEqual(normaliseEndpoint('http://localhost:3000'), { url: 'http://localhost:3000' });
    assert.deepStrictEqual(normaliseEndpoint('http://[::1]:3000'), { url: 'http://[::1]:3000' });
    const refused: [unknown, string][] = [
      ['http://api.example.com', 'notHttps'], ['ftp://x.example', 'notHttps'], ['https://u:p@x.example', 'userInfo'],
      ['https://x.example/?q=1', 'queryOrFragment'], ['https://x.example/#f', 'queryOrFragment'], ['not a url', 'notUrl'],
      ['', 'missing'], [42, 'missing'], [undefined, 'missing'],
    ];
    for (const [bad, reason] of refused) assert.deepStrictEqual(normaliseEndpoint(bad), { reason }, String(bad));
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
    assert.deepStrictEqual(problems, [
      { index: 1, reason: 'duplicateId', id: 'team-uat' },
      { index: 2, reason: 'duplicateId', id: 'production' },
      { index: 3, reason: 'badId' },
      { index: 4, reason: 'badLabel' },
      { index: 5, reason: 'badProduction' },
      { index: 6, reason: 'badEndpoint', field: 'identityUrl', problem: 'notHttps' },
      { index: 7, reason: 'notObject' },
    ]);
    // the log's English names the field and the rule
    assert.equal(problemInEnglish(problems[5]!), '"identityUrl" must use https (http is accepted only for 127.0.0.1, localhost and [::1])');
    assert.equal(problemInEnglish(problems[0]!), '"id" "team-uat" is already used by another profile');
  });

  it('treats a missing setting as none and a non-array as one problem', () => {
    assert.deepStrictEqual(parseCustomProfiles(undefined), { profiles: [], problems: [] });
    assert.deepStrictEqual(parseCustomProfiles({}).problems, [{ index: -1, reason: 'notArray' }]);
  });
});
