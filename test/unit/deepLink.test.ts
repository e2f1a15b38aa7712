import * as assert from 'node:assert/strict';
import { echo, linkParts, parseLink } from '../../src/editor/deeplink/link';
import { pid } from './pid.helpers';

const ID = pid('53060f52-f146-4c12-a234-5bb5031f6f5b');
const known = (id: string): boolean => ['emulator', 'sandbox', 'my-tenant'].includes(id);

describe('process links (path and query)', () => {
  it('builds /process/<id>?profile=<id> and reads it back', () => {
    const { path, query } = linkParts(ID, 'my-tenant');
    assert.equal(path, `/process/${ID}`);
    assert.equal(query, 'profile=my-tenant');
    assert.deepEqual(parseLink(path, query, known), { kind: 'process', id: ID, profileId: 'my-tenant' });
  });

  it('accepts an upper-case ID, a trailing slash and other query parameters', () => {
    assert.deepEqual(parseLink(`/process/${ID.toUpperCase()}/`, 'utm=x&profile=sandbox', known), { kind: 'process', id: ID, profileId: 'sandbox' });
  });

  it('names what is wrong: path, ID, missing or unknown profile', () => {
    assert.deepEqual(parseLink('/processes/x', 'profile=emulator', known), { kind: 'unknownPath', text: '/processes/x' });
    assert.deepEqual(parseLink('', '', known), { kind: 'unknownPath', text: '/' });
    assert.deepEqual(parseLink('/process/53060f52-f146', 'profile=emulator', known), { kind: 'malformedId', text: '53060f52-f146' });
    assert.deepEqual(parseLink(`/process/${ID}x`, 'profile=emulator', known), { kind: 'malformedId', text: `${ID}x` });
    assert.deepEqual(parseLink(`/process/${ID}`, '', known), { kind: 'missingProfile', id: ID });
    assert.deepEqual(parseLink(`/process/${ID}`, 'profile=%20', known), { kind: 'missingProfile', id: ID });
    assert.deepEqual(parseLink(`/process/${ID}`, 'profile=production-eu', known), { kind: 'unknownProfile', id: ID, text: 'production-eu' });
    assert.deepEqual(parseLink(`/process/${ID}`, 'profile=Emulator', known), { kind: 'unknownProfile', id: ID, text: 'Emulator' });
  });

  it('echoes a hostile link only as one clipped line', () => {
    const long = `/x/${'a'.repeat(200)}`;
    const parsed = parseLink(long, '', known);
    assert.equal(parsed.kind, 'unknownPath');
    assert.equal(parsed.text.length, 64);
    assert.equal(echo('a\nb\u2028c\u0007d'), 'a b c d');
  });
});
