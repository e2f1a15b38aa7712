// redact(): the log's (and the screen's) filter for secrets and personal data, with real-looking
// inputs for each gap an outside review found, and a structural proof that it runs in linear time.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { MAX_LINE, REDACTIONS, redact } from '../../src/core/redact';

const b64url = (text: string): string => Buffer.from(text).toString('base64url');

function assertHidden(input: string, secrets: readonly string[], kept: readonly string[] = []): string {
  const out = redact(input);
  for (const s of secrets) assert.ok(!out.includes(s), `${s} leaked: ${out}`);
  for (const k of kept) assert.ok(out.includes(k), `${k} was removed: ${out}`);
  return out;
}

/** The quantifiers of a regex source outside character classes and escapes: `*`, `+`, `{n,}` are unbounded. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c === '*' || c === '+') found.push(`${c} at ${String(i)}`);
    if (c === '{') {
      const m = /^\{\d+,\}/.exec(source.slice(i));
      if (m) found.push(`${m[0]} at ${String(i)}`);
    }
  }
  return found;
}

describe('redact', () => {
  it('hides signed-URL signatures: S3, CloudFront, GCS and the signed_url key', () => {
    const s3sig = '3f1c2b9e8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10';
    const s3 = `GET https://unico-docs.s3.sa-east-1.amazonaws.com/p/doc.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261202T004000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=${s3sig} 200`;
    assertHidden(s3, [s3sig], ['X-Amz-Expires=300', 'X-Amz-Signature=']);
    const cf = 'Qm9iIHNpZ25lZCB0aGlzIGRvY3VtZW50IGF0IG5vb24gb24gYSBzdW5ueSBkYXk~abc-def_ghi';
    assertHidden(`https://d111111abcdef8.cloudfront.net/doc.jpg?Expires=1764636000&Signature=${cf}&Key-Pair-Id=K2JCJMDEHXQW5F`, [cf, 'Qm9iIHNp'], ['Key-Pair-Id=K2JCJMDEHXQW5F']);
    assertHidden('https://storage.googleapis.com/b/o?X-Goog-Expires=300&X-Goog-Signature=8a7b6c5d4e3f2a1b0c9d', ['8a7b6c5d4e3f2a1b0c9d']);
    assertHidden('url=https://x.example/d?signature=abcdef0123456789', ['abcdef0123456789']);
    const url = 'https://unico-docs.example/d/123?Policy=eyJTdGF0ZW1lbnQiOlt7fV19&Key=k';
    assertHidden(`{"doc_id":"a1","signed_url":"${url}","typified":true}`, [url, 'Policy='], ['"doc_id":"a1"', '"typified":true']);
  });

  it('hides Authorization headers with any scheme or none', () => {
    assertHidden("curl -H 'Authorization: Basic dXNlcjpodW50ZXIy' https://api.example", ['dXNlcjpodW50ZXIy'], ['Authorization: Basic']);
    assertHidden('authorization=3f9a8b7c6d5e4f3a2b1c0d9e', ['3f9a8b7c6d5e4f3a2b1c0d9e']);
    assertHidden('{"Authorization": "Digest username=\\"x\\""}', ['username=\\"x'], ['Authorization']);
    assertHidden('Authorization: Bearer abc.def-123', ['abc.def-123']);
  });

  it('hides client_secret= and password=', () => {
    assertHidden('grant_type=client_credentials&client_secret=s3cr3t-V4lue&scope=x', ['s3cr3t-V4lue'], ['grant_type=client_credentials', 'scope=x']);
    assertHidden('{"user":"svc","password":"hunter2!"}', ['hunter2!'], ['"user":"svc"']);
  });

  it('hides a PEM body without its BEGIN line, in lines or pasted as one line', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const body = pem.split('\n').slice(1);
    const sample = (body[3] ?? '').slice(0, 40);
    assertHidden(`key fragment:\n${body.join('\n')}`, [sample]);
    assertHidden(`key: ${body.join(' ')}`, [sample]);
    assertHidden(`"${body.join('\\n')}"`, [sample]);
    assertHidden(`pem=${body.join('').replace(/-----END PRIVATE KEY-----/, '')}`, [sample]);
  });

  it('keeps short base64, hex digests, hostnames, UUIDs and timestamps', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    assertHidden(`sha256=${sha} at api.sandbox.unico.example id 53060f52-f146-4c12-a234-5bb5031f6f5b t=1764636000000 file extension.bundle.js`,
      [], [sha, 'api.sandbox.unico.example', '53060f52-f146-4c12-a234-5bb5031f6f5b', '1764636000000', 'extension.bundle.js']);
  });

  it('hides JWTs whose header does not start eyJ, and every part of a 5-part JWE', () => {
    const payload = b64url('{"sub":"svc","exp":1764636000}');
    const spaced = `${b64url('{ "alg": "RS256", "typ": "JWT" }')}.${payload}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
    const pretty = `${b64url('{\n  "alg": "HS256"\n}')}.${payload}.c2ln`;
    assert.ok(!spaced.startsWith('eyJ') && !pretty.startsWith('eyJ'));
    assertHidden(`token ${spaced} and ${pretty}.`, [payload, 'c2lnbmF0dXJl', spaced.slice(0, 12), pretty.slice(0, 12)]);
    // RFC 7516 appendix A.1 (RSAES-OAEP, A256GCM), parts shortened
    const jwe = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ';
    const out = assertHidden(`jwe=${jwe} end`, jwe.split('.'));
    assert.ok(out.endsWith(' end'), out);
    // and one with an empty encrypted key (alg "dir")
    const dir = `${b64url('{"alg":"dir","enc":"A128GCM"}')}..48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rp.XFBoMYUZodetZdvTiFvSkQ`;
    assertHidden(`payload ${dir}`, ['48V1_ALb6US04U3b', '5eym8TW_c8SuK0ltJ3rp', 'XFBoMYUZodetZdvTiFvSkQ']);
  });

  it('hides a JWT cut short after its payload began (a clipped server echo)', () => {
    const cut = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url('{"sub":"svc","tenant":"t1"}').slice(0, 20)}`;
    assertHidden(`Token rejected: ${cut}…`, [cut.split('.')[1] ?? '?'], ['Token rejected: ']);
  });

  it('hides CPFs however they are written', () => {
    for (const cpf of ['123.456.789-09', '123456789-09', '123 456 789 09', '12345678909']) {
      const out = assertHidden(`cpf: ${cpf}, duiValue=${cpf};`, [cpf, '789']);
      assert.ok(out.includes('‹cpf›'), out);
    }
  });

  it('hides e-mail addresses', () => {
    assertHidden('notify maria.silva+kyc@example.com.br now', ['maria.silva', 'example.com.br'], ['notify', 'now']);
  });

  it('clips a line longer than MAX_LINE and marks it', () => {
    const line = `${'a '.repeat(MAX_LINE)}tail`;
    const out = redact(`head\n${line}\nnext`);
    assert.ok(out.startsWith('head\n') && out.endsWith('‹clipped›\nnext'), out.slice(-40));
    assert.ok(!out.includes('tail'));
  });

  it('redacts the pathological JWT-like run and still finds a JWT after it', () => {
    const jwt = `${b64url('{"alg":"none"}')}.${b64url('{"exp":1}')}.`;
    for (const input of [`${'eyJ-'.repeat(16_000)} ${jwt}`, `${'eyJ-'.repeat(25_000)}\n${jwt}`]) {
      const out = redact(input);
      assert.ok(!out.includes(jwt) && out.endsWith('‹jwt›'), out.slice(-40));
    }
  });

  it('uses only bounded quantifiers, so no rule can backtrack beyond a fixed window', () => {
    for (const [pattern] of REDACTIONS) assert.deepStrictEqual(unboundedQuantifiers(pattern.source), [], pattern.source);
    assert.deepStrictEqual(unboundedQuantifiers('a+[b+]\\+c{2,}'), ['+ at 1', '{2,} at 9'], 'the checker itself finds them');
  });
});
