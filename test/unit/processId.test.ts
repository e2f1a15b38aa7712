import * as assert from 'node:assert/strict';
import { findProcessIds, isProcessId, normalizeProcessId, parseProcessId, processIdAt, type ProcessId } from '../../src/core/processId';

const A = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const B = '4d4f3d90-04a3-4259-b63b-930ab10d2e47';
const V7 = '01890a5d-ac96-774b-bcce-b302099a8057';
const NIL = '00000000-0000-0000-0000-000000000000';

function ids(text: string, options?: Parameters<typeof findProcessIds>[1]): string[] {
  return findProcessIds(text, options).map((m) => m.id);
}

describe('isProcessId', () => {
  it('accepts UUIDs of any version and either case', () => {
    for (const id of [A, B, V7, NIL, A.toUpperCase(), 'AbCdEf01-2345-6789-aBcD-ef0123456789']) assert.equal(isProcessId(id), true, id);
  });

  it('rejects anything that is not exactly one UUID', () => {
    for (const s of ['', A.slice(1), `${A} `, ` ${A}`, `{${A}}`, A.replace(/-/g, ''), A.replace('f146', 'g146'), A.replace('-f146-', '_f146-'),
      'a'.repeat(36), `${A.slice(0, 35)}-`]) {
      assert.equal(isProcessId(s), false, JSON.stringify(s));
    }
  });
});

describe('findProcessIds', () => {
  it('reports start, end and the lower-case ID', () => {
    const text = `x ${A.toUpperCase()} y`;
    assert.deepEqual(findProcessIds(text), [{ id: A, start: 2, end: 38 }]);
    assert.equal(text.slice(2, 38).toLowerCase(), A);
  });

  it('finds IDs at the very start and very end of the text, and a text that is only an ID', () => {
    assert.deepEqual(ids(`${A} and ${B}`), [A, B]);
    assert.deepEqual(ids(A), [A]);
    assert.deepEqual(findProcessIds(`${A}\n${B}`).map((m) => m.start), [0, 37]);
  });

  it('finds IDs in log lines, JSON, URLs, quotes, key=value, braces and brackets', () => {
    const cases: [string, string[]][] = [
      [`2024-01-01T10:00:00.123Z INFO lookup processId=${A} took 12ms`, [A]],
      [`{"process":{"id":"${A}","services":[{"envelopeId":"${B}"}]}}`, [A, B]],
      [`GET https://api.idcloud.unico.app/client/v1/process/${A} 200`, [A]],
      [`GET /client/v1/process/${A}/selfie?raw=true`, [A]],
      [`'${A}' "${B}" \`${V7}\``, [A, B, V7]],
      [`{${A}} (${B}) [${V7}] <${NIL}>`, [A, B, V7, NIL]],
      [`id:${A},next=${B};`, [A, B]],
      [`urn:uuid:${A}`, [A]],
      [`process_${A}_done`, [A]],
      [`trace-${A} ${B}-done label-${V7}-selfie.jpg`, [A, B, V7]],
      [`Ünïcode→${A}←é`, [A]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(ids(text), expected, text);
  });

  it('reports every ID in order, repeats included', () => {
    assert.deepEqual(ids(`${B} ${A} ${B}`), [B, A, B]);
  });

  it('skips IDs that are part of a longer hex or UUID-like run', () => {
    const cases = [
      `0${A}`, `${A}f`, `x${A}a`, // adjacent hex digit
      `ab12-${A}`, `${A}-0001`, `${A}-beef`, `${A}-ab.log`, `-ab-${A}`, // dash-joined hex groups
      `${A}-${B}`, // two UUIDs joined: a 10-group run
      `${'f'.repeat(40)}-${A}`, // a hex blob longer than any group
      `deadbeef-${A.slice(9)}-0000`,
      A.slice(0, 35), `${A.slice(0, 8)}-f1460-4c12-a234-5bb5031f6f5b`, `${A.slice(0, 7)}-ff146-4c12-a234-5bb5031f6f5b`,
      `${A.slice(0, 8)}-f146-4c12-a234-5bb5031f6f5`, A.replace('a234', 'a2z4'),
    ];
    for (const text of cases) assert.deepEqual(ids(text), [], text);
  });

  it('treats a dash-joined word that merely contains hex letters as a label, not a hex group', () => {
    assert.deepEqual(ids(`face-${A}`), []); // "face" is all hex: a group
    assert.deepEqual(ids(`surface-${A}`), [A]); // hex tail of a word: a label
    assert.deepEqual(ids(`${A}-decade`), []);
    assert.deepEqual(ids(`${A}-decades`), [A]);
    assert.deepEqual(ids(`${A}-`), [A]);
    assert.deepEqual(ids(`--${A}--`), [A]);
    assert.deepEqual(ids(`label0123456789abcdef0123-${A}`), [A], 'a 24-digit hex tail of a word is still a label');
    assert.deepEqual(ids(`${A}-0123456789abcdef0123ms`), [A]);
    assert.deepEqual(ids(`x${'0'.repeat(33)}-${A}`), [], 'past 32 hex digits it is a blob, word or not');
  });

  it('is not confused by dashes that almost line up', () => {
    const text = `2024-01-01 ---- a-b-c-d-e 1234-5678-9abc-def0 ${A.replace(/-/g, '--')} ok ${B}`;
    assert.deepEqual(ids(text), [B]);
  });

  it('handles \\n, \\r\\n and \\r line ends around IDs', () => {
    const text = `first ${A}\r\n${B}\r\nthird\n${V7}\r${NIL}\n`;
    assert.deepEqual(ids(text), [A, B, V7, NIL]);
  });

  it('honours max', () => {
    const text = `${A} ${B} ${V7}`;
    assert.deepEqual(ids(text, { max: 2 }), [A, B]);
    assert.deepEqual(ids(text, { max: 1 }), [A]);
    assert.deepEqual(ids(text, { max: 0 }), []);
  });

  it('honours from and to, judging boundaries by the text outside them', () => {
    const text = `${A} ${B} ${V7}`; // starts 0, 37, 74
    assert.deepEqual(ids(text, { from: 1 }), [B, V7]);
    assert.deepEqual(ids(text, { from: 37 }), [B, V7]);
    assert.deepEqual(ids(text, { from: 38 }), [V7]);
    assert.deepEqual(ids(text, { to: 73 }), [A, B]);
    assert.deepEqual(ids(text, { to: 72 }), [A]);
    assert.deepEqual(ids(text, { from: 37, to: 73 }), [B]);
    assert.deepEqual(ids(text, { from: -5, to: 1e9 }), [A, B, V7]);
    assert.deepEqual(ids(`9${A}9`, { from: 1, to: 37 }), [], 'adjacent hex outside the range still disqualifies');
    assert.deepEqual(findProcessIds(text, { from: 37, to: 73 })[0], { id: B, start: 37, end: 73 });
  });

  it('finds exactly what a reference regex with the same boundary rules finds, on generated text', () => {
    // Slow but obviously right: the UUID shape, then every boundary rule as a lookaround.
    const word = '0-9a-zA-Z_\\u0080-\\uffff';
    const reference = new RegExp(
      [
        '(?<![0-9a-f])', // no hex digit right before
        `(?<!(?:^|[^${word}])[0-9a-f]{1,32}-)`, // no dash-joined hex group before (a word ending in hex is a label)
        '(?<![0-9a-f]{33}-)', // nor a hex blob
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        '(?![0-9a-f])',
        `(?!-[0-9a-f]{1,32}(?:$|[^${word}]))`,
        '(?!-[0-9a-f]{33})',
      ].join(''),
      'gi',
    );
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const pieces = [A, B.toUpperCase(), V7, '-', '-', '-', '--', 'ab', 'f', '0', 'g', 'x_', ' ', '\n', '"', '/', 'é', 'trace', 'ace', '=', 'cafe0123456789abcdef'];
    for (let round = 0; round < 20; round++) {
      let text = '';
      for (let i = 0; i < 600; i++) text += pieces[rand(pieces.length)] ?? '';
      const expected = [...text.matchAll(reference)].map((m) => ({ id: m[0].toLowerCase(), start: m.index, end: m.index + 36 }));
      assert.deepEqual(findProcessIds(text), expected, text);
      assert.ok(expected.length > 10, 'the generated text holds IDs');
    }
  });
});

describe('processIdAt', () => {
  const line = `xx ${A} yy ${B}`; // A at 3..39, B at 43..79

  it('returns the ID under the offset, from its first character to just past its last', () => {
    for (const offset of [3, 10, 38, 39]) assert.deepEqual(processIdAt(line, offset), { id: A, start: 3, end: 39 }, String(offset));
    assert.equal(processIdAt(line, 43)?.id, B);
    assert.equal(processIdAt(line, 79)?.id, B);
  });

  it('returns undefined between IDs, past the ends, and on IDs that do not stand alone', () => {
    for (const offset of [0, 2, 40, 42, -1, 1000]) assert.equal(processIdAt(line, offset), undefined, String(offset));
    assert.equal(processIdAt(`0${A}`, 10), undefined);
    assert.equal(processIdAt(`${A}-beef`, 10), undefined);
  });

  it('agrees with findProcessIds at every offset of a tricky text', () => {
    const text = `a${A}b ${B}-dead ${A}\r\n"${V7}" 1-${NIL} surface-${B}`;
    const matches = findProcessIds(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const expected = matches.find((m) => m.start <= offset && offset <= m.end);
      assert.deepEqual(processIdAt(text, offset), expected, String(offset));
    }
  });

  it('reads only a small window of a 5 MB line', () => {
    const filler = 'k'.repeat(2_500_000);
    const text = `${filler}${A}${filler}`;
    const at = filler.length;
    assert.deepEqual(processIdAt(text, at + 5), { id: A, start: at, end: at + 36 });
    assert.equal(processIdAt(text, 1_000_000), undefined);
    // Proof of locality: a string whose characters outside the window would throw if read.
    const window = new Proxy(
      { length: text.length },
      {
        get(target, prop) {
          if (prop === 'length') return target.length;
          if (prop === 'charCodeAt') {
            return (i: number) => {
              if (Math.abs(i - at) > 120) throw new Error(`read offset ${i}, far from ${at}`);
              return text.charCodeAt(i);
            };
          }
          if (prop === 'slice') return (s: number, e: number) => text.slice(s, e);
          throw new Error(`unexpected access to ${String(prop)}`);
        },
      },
    ) as unknown as string;
    assert.equal(processIdAt(window, at + 20)?.id, A);
  });
});

describe('normalizeProcessId', () => {
  it('accepts what users paste', () => {
    const cases = [
      A, A.toUpperCase(), `  ${A}\n`, `"${A}"`, `'${A}'`, `\`${A}\``, `{${A}}`, `{ "${A}" }`, `(${A})`, `<${A}>`, `[${A}]`,
      `urn:uuid:${A}`, `URN:UUID:${A.toUpperCase()}`, `"urn:uuid:${A}"`,
      `https://api.idcloud.unico.app/client/v1/process/${A}`,
      `https://api.idcloud.uat.unico.app/client/v1/process/${A}/selfie`,
      `http://127.0.0.1:4000/client/v1/process/${A}?x=1`, `/client/v1/process/${A}#top`, `/process/${A}/`,
    ];
    for (const input of cases) assert.equal(normalizeProcessId(input), A, input);
  });

  it('returns undefined for anything else', () => {
    const cases = ['', '   ', 'hello', `{${A}`, `"${A}'`, `${A}x`, `x${A}`, `id=${A}`, `/process/${A}x`, `/process/${A.slice(1)}`,
      `urn:uuid:`, `/process/`, `${A} ${B}`];
    for (const input of cases) assert.equal(normalizeProcessId(input), undefined, input);
  });
});

describe('ProcessId (the brand)', () => {
  it('is made lower case once, by the normaliser or a read-back parse, so holders never lower-case it again', () => {
    const id: ProcessId | undefined = normalizeProcessId(A.toUpperCase());
    assert.equal(id, A);
    assert.equal(parseProcessId(A.toUpperCase()), A);
    assert.equal(parseProcessId(` ${A}`), undefined, 'a read-back value must be exactly an ID');
    assert.equal(parseProcessId(42), undefined);
    // @ts-expect-error a raw string is not a ProcessId: it must come through normalizeProcessId or parseProcessId
    const raw: ProcessId = A.toUpperCase();
    assert.notEqual(raw, A, 'what the brand keeps out: an upper-case ID that would miss the lower-case cache key');
  });
});
