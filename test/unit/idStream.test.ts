import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIdCloudError } from '../../src/core/errors';
import { ProcessIdStreamScanner, scanBytesForProcessIds, scanFileForProcessIds, type IdOccurrence } from '../../src/core/idStream';
import { findProcessIds, type ProcessId } from '../../src/core/processId';
import { pid } from './pid.helpers';

const A = pid('53060f52-f146-4c12-a234-5bb5031f6f5b');
const B = pid('4d4f3d90-04a3-4259-b63b-930ab10d2e47');
const C = pid('01890a5d-ac96-774b-bcce-b302099a8057');

/** The expected answer, computed the slow, obvious way from the whole text. */
function oneShot(text: string): { ids: IdOccurrence[]; lines: number } {
  const seen = new Map<ProcessId, { id: ProcessId; count: number; firstLine: number; firstColumn: number }>();
  for (const m of findProcessIds(text)) {
    const entry = seen.get(m.id);
    if (entry) entry.count++;
    else {
      const before = text.slice(0, m.start);
      seen.set(m.id, { id: m.id, count: 1, firstLine: before.split('\n').length - 1, firstColumn: m.start - (before.lastIndexOf('\n') + 1) });
    }
  }
  return { ids: [...seen.values()], lines: text.split('\n').length };
}

function streamed(text: string, chunkSize: number): { ids: IdOccurrence[]; lines: number } {
  const scanner = new ProcessIdStreamScanner();
  for (let i = 0; i < text.length; i += chunkSize) scanner.push(text.slice(i, i + chunkSize));
  scanner.end();
  return { ids: scanner.results(), lines: scanner.lines };
}

const TRICKY = [
  `${A} at the very start\r\n`,
  `json {"id":"${B}","ref":"${A.toUpperCase()}"}\r\n`,
  `adjacent hex 0${C} and ${C}f and ${C}-0001 and ab-${C}\n`, // none of these count
  `labels trace-${C} ${B}-done\n`,
  `\r\n\n`,
  `unicode é→${A}← 😀 ${B}\n`,
  `url /client/v1/process/${C}/selfie\r`,
  `lone CR above; hex blob ${'f'.repeat(40)}-${A} then ${'a'.repeat(30)}\n`,
  `last ${B}`,
].join('');

describe('ProcessIdStreamScanner', () => {
  it('finds the IDs, counts and first positions of the one-shot scan (the reference text is what we think)', () => {
    const expected = oneShot(TRICKY);
    assert.deepEqual(expected.ids.map((o) => [o.id, o.count, o.firstLine, o.firstColumn]), [
      [A, 3, 0, 0], // not the one after the hex blob
      [B, 4, 1, 12],
      [C, 2, 3, 13],
    ]);
    assert.equal(expected.lines, 9); // a lone "\r" does not end a line
    assert.deepEqual(streamed(TRICKY, TRICKY.length), expected);
  });

  it('gives the same answer for every chunk size from 1 to 40', () => {
    const expected = oneShot(TRICKY);
    for (let size = 1; size <= 40; size++) assert.deepEqual(streamed(TRICKY, size), expected, `chunk size ${size}`);
  });

  it('gives the same answer when a chunk ends right after an ID that more hex follows', () => {
    const text = `${A}${'0'.repeat(3)} ${B}\r\n-${C}-${'ab'.repeat(20)} ${C}`;
    const expected = oneShot(text);
    assert.deepEqual(expected.ids.map((o) => o.id), [B, C]);
    for (let cut = 1; cut < text.length; cut++) {
      const scanner = new ProcessIdStreamScanner();
      scanner.push(text.slice(0, cut));
      scanner.push(text.slice(cut));
      scanner.end();
      assert.deepEqual({ ids: scanner.results(), lines: scanner.lines }, expected, `cut at ${cut}`);
    }
  });

  it('gives the same answer on a long generated log in uneven chunks', () => {
    let text = '';
    for (let i = 0; i < 3000; i++) text += `${i} line ${[A, B, C][i % 3]}${i % 7 === 0 ? 'f' : ''} ${i % 5 === 0 ? '\r\n' : '\n'}`;
    const expected = oneShot(text);
    for (const size of [1, 7, 36, 37, 999, 65536]) assert.deepEqual(streamed(text, size), expected, `chunk size ${size}`);
  });

  it('counts lines as an editor does, and handles empty input', () => {
    assert.deepEqual(streamed('', 1), { ids: [], lines: 1 });
    assert.equal(streamed('a\nb\n', 1).lines, 3);
    assert.equal(streamed('a\r\nb', 2).lines, 2);
  });

  it('refuses a push after end()', () => {
    const scanner = new ProcessIdStreamScanner();
    scanner.end();
    assert.throws(() => { scanner.push('x'); }, /after end/);
  });
});

describe('scanFileForProcessIds', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idstream-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans a real file: IDs, bytes, lines and progress', async () => {
    const path = join(dir, 'tricky.log');
    writeFileSync(path, TRICKY, 'utf8');
    const progress: [number, number][] = [];
    const result = await scanFileForProcessIds(path, { onProgress: (read, total) => progress.push([read, total]) });
    const bytes = Buffer.byteLength(TRICKY);
    assert.deepEqual(result, { ...oneShot(TRICKY), bytes });
    assert.deepEqual(progress.at(-1), [bytes, bytes]);
  });

  it('scans a file larger than one read, with multi-byte characters on the read boundaries', async () => {
    const path = join(dir, 'big.log');
    let text = '';
    for (let i = 0; text.length < 3_000_000; i++) text += `${'ção'.repeat(i % 50)} ${[A, B, C][i % 3]}\n`;
    writeFileSync(path, text, 'utf8');
    const progress: number[] = [];
    const result = await scanFileForProcessIds(path, { onProgress: (read) => progress.push(read) });
    assert.deepEqual(result, { ...oneShot(text), bytes: Buffer.byteLength(text) });
    assert.ok(progress.length > 2, 'several reads were reported');
  });

  it('drops a byte-order mark, as an editor does', async () => {
    const path = join(dir, 'bom.log');
    writeFileSync(path, `\uFEFF${A}\n`, 'utf8');
    const result = await scanFileForProcessIds(path);
    assert.deepEqual(result.ids, [{ id: A, count: 1, firstLine: 0, firstColumn: 0 }]);
  });

  it('rejects with CancelledError when aborted, before or during the scan', async () => {
    const path = join(dir, 'abort.log');
    writeFileSync(path, `${A}\n`.repeat(200_000));
    const before = new AbortController();
    before.abort();
    await assert.rejects(scanFileForProcessIds(path, { signal: before.signal }), (e) => isIdCloudError(e) && e.kind === 'cancelled');
    const during = new AbortController();
    await assert.rejects(
      scanFileForProcessIds(path, { signal: during.signal, onProgress: () => { during.abort(); } }),
      (e) => isIdCloudError(e) && e.kind === 'cancelled',
    );
  });

  it('rejects when the file does not exist', async () => {
    await assert.rejects(scanFileForProcessIds(join(dir, 'missing.log')), /ENOENT/);
  });
});

describe('scanBytesForProcessIds (a file read through workspace.fs)', () => {
  it('finds what the whole-text scan finds, across slices, in a view into a larger buffer', async () => {
    let text = '';
    for (let i = 0; text.length < 9_000_000; i++) text += `${'ção'.repeat(i % 50)} ${[A, B, C][i % 3]}\n`;
    text = TRICKY + text;
    // a Uint8Array view with an offset, as a file system provider may hand it over
    const backing = new Uint8Array(Buffer.byteLength(text) + 7);
    Buffer.from(backing.buffer).write(text, 5, 'utf8');
    const bytes = backing.subarray(5, 5 + Buffer.byteLength(text));
    const progress: [number, number][] = [];
    const result = await scanBytesForProcessIds(bytes, { onProgress: (read, total) => progress.push([read, total]) });
    assert.deepEqual(result, { ...oneShot(text), bytes: bytes.byteLength });
    assert.ok(progress.length > 2, 'several slices were reported');
    assert.deepEqual(progress.at(-1), [bytes.byteLength, bytes.byteLength]);
  });

  it('answers an empty file with no IDs and one line', async () => {
    assert.deepEqual(await scanBytesForProcessIds(new Uint8Array(0)), { ids: [], bytes: 0, lines: 1 });
  });

  it('rejects with CancelledError when aborted, before or during the scan', async () => {
    const bytes = Buffer.from(`${A}\n`.repeat(400_000));
    const before = new AbortController();
    before.abort();
    await assert.rejects(scanBytesForProcessIds(bytes, { signal: before.signal }), (e) => isIdCloudError(e) && e.kind === 'cancelled');
    const during = new AbortController();
    await assert.rejects(
      scanBytesForProcessIds(bytes, { signal: during.signal, onProgress: () => { during.abort(); } }),
      (e) => isIdCloudError(e) && e.kind === 'cancelled',
    );
  });
});
