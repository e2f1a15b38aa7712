import assert from 'node:assert/strict';
import { documentRows } from '../../src/core/model';
import { maskValue } from '../../src/core/mask';
import { parseProcessResponse } from '../../src/core/schema';
import { maskBody, maskJson, personalValues } from '../../src/core/maskJson';
import { REFERENCE_EXAMPLE } from '../../src/emulator/reference';

const REFERENCE_BODY = { process: REFERENCE_EXAMPLE };

describe('raw JSON masking (panel, Open Raw JSON)', () => {
  const process = parseProcessResponse(REFERENCE_BODY);
  const secrets = personalValues(process, documentRows(process));
  const masked = JSON.stringify(maskJson(REFERENCE_BODY, secrets, maskValue));

  it('hides the person, the personal OCR fields, the SDK token and the pre-signed document URL', () => {
    for (const hidden of ['12345678909', 'Luke Skywalker', '044589731564', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...', 'https://example.com/doc?token=xyz']) {
      assert.ok(!masked.includes(hidden), `${hidden} is still visible`);
    }
  });

  it('keeps what is not personal', () => {
    for (const shown of ['53060f52-f146-4c12-a234-5bb5031f6f5b', 'idunicosign', 'PROCESS_RESULT_OK', 'LIVENESS_RESULT_LIVE', 'DUI_TYPE_BR_CPF']) {
      assert.ok(masked.includes(shown), `${shown} was masked`);
    }
  });
});

describe('maskJson in one pass (many personal values)', () => {
  const star = (v: string): string => `<${String(v.length)}>`;

  it('masks whole values, embedded values (longest first), numbers, and keeps the rest', () => {
    const secrets = new Set(['12345678909', '123', 'Maria da Silva', 'Maria', 'https://docs.example/d?sig=abc', '4242']);
    const body = {
      cpf: '12345678909', short: '123', ref: 'order-12345678909-x', name: 'Sra. Maria da Silva e Maria', url: 'https://docs.example/d?sig=abc',
      n: 4242, other: 4243, list: ['Maria', 'nothing', 'a123b'], nested: { __proto__: 'Maria' },
    };
    const masked = maskJson(JSON.parse(JSON.stringify(body)), secrets, star);
    assert.deepStrictEqual(masked, {
      cpf: '<11>', short: '<3>', ref: 'order-<11>-x', name: 'Sra. <14> e <5>', url: '<30>',
      n: '<4>', other: 4243, list: ['<5>', 'nothing', 'a123b'], nested: { __proto__: '<5>' },
    });
  });

  it('leaves no personal value readable among 2,000 overlapping random values', () => {
    let seed = 7;
    const rand = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const word = (): string => Array.from({ length: 4 + rand(6) }, () => 'abcab'[rand(5)]).join('');
    const secrets = new Set(Array.from({ length: 2000 }, word));
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 3 + rand(4) }, word).join(rand(2) === 0 ? ' ' : ''));
    const masked = maskJson(texts, secrets, star) as string[];
    let changed = 0;
    texts.forEach((text, i) => {
      const got = masked[i] ?? '';
      if (got !== text) changed++;
      for (const s of secrets) assert.ok(!got.includes(s), `${s} survived in ${got} (from ${text})`);
    });
    assert.strictEqual(changed, texts.length, 'every text held a secret');
  });
});

describe('maskBody (Open Raw Response while personal data is hidden)', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZGsifQ.c2lnbmF0dXJl';

  it('JSON that failed the schema: values under personal keys masked wherever they occur', () => {
    const drift = JSON.stringify({
      process: {
        id: '53060f52-f146-4c12-a234-5bb5031f6f5b', state: 'PROCESS_STATE_NEW_IN_V2', clientReference: 'pedido-Maria Souza-7',
        person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: '98765432100', friendlyName: 'Maria Souza' },
        token: jwt, services: [{ documents: [{ signed_url: 'https://docs.example/d/1?X-Amz-Signature=abc123', doc: { data: { nomeCivil: 'Maria Souza', rg: '12.345.678-9' } } }] }],
      },
    });
    const out = maskBody(drift);
    for (const hidden of ['98765432100', 'Maria', 'Souza', jwt.slice(0, 20), 'docs.example', 'abc123', '12.345.678-9']) assert.ok(!out.includes(hidden), `${hidden} in ${out}`);
    for (const kept of ['PROCESS_STATE_NEW_IN_V2', '53060f52-f146-4c12-a234-5bb5031f6f5b', 'DUI_TYPE_BR_CPF', 'pedido-']) assert.ok(out.includes(kept), `${kept} masked`);
  });

  it('text that is not JSON (an HTML error page, a body cut off at the cap): CPFs, tokens and e-mails redacted', () => {
    const html = `<html><body>Erro: CPF 987.654.321-00 de maria@example.com.br, Authorization: Bearer ${jwt}</body></html>`;
    const out = maskBody(html);
    for (const hidden of ['987.654.321-00', 'maria@example.com.br', jwt]) assert.ok(!out.includes(hidden), `${hidden} in ${out}`);
    assert.ok(out.startsWith('<html><body>Erro: CPF '));
    const cut = `{"process":{"person":{"duiValue":"98765432100","friendlyName":"Jo`;
    assert.ok(!maskBody(cut).includes('98765432100'));
  });
});
