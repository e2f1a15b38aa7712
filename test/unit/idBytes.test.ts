import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIdsInBytes, ProcessIdByteScanner } from '../../src/core/idBytes';
import { ProcessIdStreamScanner, scanFileForProcessIds } from '../../src/core/idStream';
import { findProcessIds } from '../../src/core/processId';
import { sampleLogChunks } from '../../src/emulator/sampleLog';
import { prng } from '../../src/emulator/prng';

const A = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const B = '4d4f3d90-04a3-4259-b63b-930ab10d2e47';
const C = '01890a5d-ac96-774b-bcce-b302099a8057';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Answer = { ids: { id: string; count: number; firstLine: number; firstColumn: number }[]; lines: number };

/** The reference: the string scanner on the text as an editor decodes it (TextDecoder drops a leading BOM). */
function byString(bytes: Buffer): Answer {
  const scanner = new ProcessIdStreamScanner();
  scanner.push(new TextDecoder().decode(bytes));
  scanner.end();
  return { ids: scanner.results(), lines: scanner.lines };
}

function byBytes(bytes: Buffer, cuts: readonly number[]): Answer {
  const scanner = new ProcessIdByteScanner();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.subarray(at, cut));
    at = cut;
  }
  scanner.end();
  return { ids: scanner.results(), lines: scanner.lines };
}

const every = (bytes: Buffer, size: number): number[] => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size).slice(1);


const MULTI = ['é', 'ç', 'ã', '→', '—', '€', '中', '😀', '🔎', '𝒜'];
const TRICKY = Buffer.from([
  `${A} at the very start\r\n`,
  `json {"id":"${B}","ref":"${A.toUpperCase()}"}\r\n`,
  `adjacent hex 0${C} and ${C}f and ${C}-0001 and ab-${C}\n`,
  `labels trace-${C} ${B}-done é-${A} ${A}-ção\n`,
  `\r\n\n`,
  `2-byte é${A} 3-byte →${B} 4-byte 😀${C} 😀😀 ${A} 𝒜𝒜-${B}\n`,
  `url /client/v1/process/${C}/selfie\r`,
  `lone CR above; hex blob ${'f'.repeat(40)}-${A} then ${'a'.repeat(30)}\n`,
  `groups ${'a'.repeat(32)}-${B} ${'a'.repeat(33)}-${C} ${B}-${'b'.repeat(32)} ${A}-${'b'.repeat(33)}\n`,
  `last ${B}`,
].join(''));

describe('ProcessIdByteScanner agrees with the string scanner', () => {
  it('on the tricky text, read whole (and the reference is what we think)', () => {
    const expected = byString(TRICKY);
    assert.deepEqual(expected.ids.map((o) => o.id), [A, B, C]);
    assert.deepEqual(byBytes(TRICKY, []), expected);
  });

  it('for every single split position, and every chunk size from 1 to 80', () => {
    const expected = byString(TRICKY);
    for (let cut = 0; cut <= TRICKY.length; cut++) assert.deepEqual(byBytes(TRICKY, [cut]), expected, `split at ${cut}`);
    for (let size = 1; size <= 80; size++) assert.deepEqual(byBytes(TRICKY, every(TRICKY, size)), expected, `chunk size ${size}`);
  });

  it('with 2-, 3- and 4-byte characters (surrogate pairs) before an ID on its line, split anywhere', () => {
    for (const ch of MULTI) {
      for (const n of [1, 2, 7]) {
        const text = Buffer.from(`x\n${ch.repeat(n)} ${A} ${ch}${B}\r\n${ch.repeat(n)}${C.toUpperCase()}`);
        const expected = byString(text);
        assert.equal(expected.ids.length, 3, ch);
        for (let cut = 0; cut <= text.length; cut++) assert.deepEqual(byBytes(text, [cut]), expected, `${ch}×${n} split at ${cut}`);
      }
    }
  });

  it('skips a leading BOM however the first bytes arrive, and keeps one elsewhere', () => {
    const text = Buffer.concat([BOM, Buffer.from(`${A} é ${B}\r\n\uFEFF${C}\n`)]);
    const expected = byString(text);
    assert.equal(expected.ids[0]?.firstColumn, 0);
    assert.equal(expected.ids[2]?.firstColumn, 1);
    for (const cuts of [[], [1], [2], [3], [1, 2], [1, 2, 3], [0, 0, 1]]) assert.deepEqual(byBytes(text, cuts), expected, `cuts ${cuts.join()}`);
    assert.deepEqual(byBytes(Buffer.from([0xef, 0xbb]), [1]), { ids: [], lines: 1 });
    assert.deepEqual(byBytes(Buffer.concat([BOM, BOM, Buffer.from(A)]), [2]), byString(Buffer.concat([BOM, BOM, Buffer.from(A)])));
  });

  it('on 400 random texts of IDs, near misses, hex runs, dashes, newlines and multi-byte characters, in random chunks', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = prng(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const pieces = [A, B, C, A.toUpperCase(), A.slice(0, 35), `${A}0`, `0${B}`, '-', '--', 'ab', 'f00d', 'xyz', '_', ' ', ' ', '\n', '\r\n', '\r', ...MULTI, '\uFEFF'];
      let text = random() < 0.2 ? '\uFEFF' : '';
      const length = 5 + Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += pick(pieces);
      const bytes = Buffer.from(text);
      const cuts: number[] = [];
      for (let at = 0; ;) {
        at += 1 + Math.floor(random() * 48);
        if (at >= bytes.length) break;
        cuts.push(at);
      }
      assert.deepEqual(byBytes(bytes, cuts), byString(bytes), `seed ${seed}`);
    }
  });

  it('on a generated sample log (64 KiB and odd-sized chunks), every ID and column equal', () => {
    let text = '';
    const chunks = sampleLogChunks({ ids: 3000, seed: 9 });
    for (let step = chunks.next(); !step.done; step = chunks.next()) text += step.value;
    const bytes = Buffer.from(text);
    const expected = byString(bytes);
    assert.equal(expected.ids.length, 3000);
    assert.deepEqual(byBytes(bytes, every(bytes, 65536)), expected);
    assert.deepEqual(byBytes(bytes, every(bytes, 9973)), expected);
  });

  it('findIdsInBytes finds what findProcessIds finds, with from/to bounds', () => {
    const text = TRICKY.toString('latin1'); // ASCII offsets equal byte offsets in latin1
    const starts: number[] = [];
    findIdsInBytes(TRICKY, 0, TRICKY.length, (s) => starts.push(s));
    assert.deepEqual(starts, findProcessIds(text).map((m) => m.start));
    const bounded: number[] = [];
    findIdsInBytes(TRICKY, 5, 200, (s) => bounded.push(s));
    assert.deepEqual(bounded, findProcessIds(text, { from: 5, to: 200 }).map((m) => m.start));
  });
});

describe('scanFileForProcessIds (bytes)', () => {
  it('gives the string scanner\'s answer for a file with a BOM, CRLF and multi-byte text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idbytes-'));
    try {
      const bytes = Buffer.concat([BOM, TRICKY, Buffer.from('\r\n😀 é '.repeat(50_000)), TRICKY]);
      const path = join(dir, 'log.txt');
      writeFileSync(path, bytes);
      const result = await scanFileForProcessIds(path);
      assert.deepEqual({ ids: result.ids, lines: result.lines }, byString(bytes));
      assert.equal(result.bytes, bytes.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
