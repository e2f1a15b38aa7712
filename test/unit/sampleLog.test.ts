import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProcessIds } from '../../src/core/processId';
import { parseSize, sampleLogChunks, writeSampleLog, type SampleLogOptions, type SampleLogSummary } from '../../src/emulator/sampleLog';

function generate(options: SampleLogOptions): { text: string; summary: SampleLogSummary } {
  const chunks = sampleLogChunks(options);
  let text = '';
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done) return { text, summary: step.value };
    text += step.value;
  }
}

describe('sample log generator', () => {
  const { text, summary } = generate({ ids: 2000, seed: 42 });

  it('is deterministic by seed', () => {
    assert.equal(generate({ ids: 2000, seed: 42 }).text, text);
    assert.notEqual(generate({ ids: 2000, seed: 43 }).text, text);
  });

  it('holds exactly the IDs it reports, each ~2.5 times on average, and no near miss reads as an ID', () => {
    const found = findProcessIds(text);
    assert.equal(found.length, summary.occurrences);
    assert.deepEqual([...new Set(found.map((m) => m.id))], summary.ids);
    assert.equal(summary.ids.length, 2000);
    assert.equal(summary.occurrences, 5000);
    assert.equal(summary.bytes, Buffer.byteLength(text));
    assert.equal(summary.lines, text.split('\n').length - 1);
  });

  it('agrees with a \\b…\\b UUID regex on the distinct IDs (what the bench compares with ripgrep)', () => {
    const regex = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
    const raw = new Set(Array.from(text.matchAll(regex), (m) => m[0]));
    assert.equal(raw.size, summary.ids.length, 'an ID is never logged in two cases');
    assert.deepEqual(new Set([...raw].map((id) => id.toLowerCase())), new Set(summary.ids));
  });

  it('has what real logs have: JSON and plain lines, CRLF, upper-case IDs, webhook payloads, multi-byte text before IDs, near misses', () => {
    assert.match(text, /^\{"time":"[^"]+","level":"info","msg":"webhook received","payload":\{"processId":"[0-9a-f-]{36}","state":"PROCESS_STATE_FINISHED","result":"(ok|invalid_identity|expired)"/m);
    assert.match(text, /^\d{4}-\d\d-\d\dT[\d:.]+Z (INFO |DEBUG|WARN |ERROR) /m);
    assert.match(text, /\r\n/);
    assert.match(text, /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/);
    for (const multiByte of [/ã|ç|é/, /→|—|€/, /😀|🔎/u]) assert.match(text, new RegExp(`${multiByte.source}[^\\n]* [0-9a-fA-F]{8}-`, 'u'));
    assert.match(text, /checksum=[0-9a-f]{9}-/);
    assert.match(text, /key [0-9a-f]{8}-g/);
  });

  it('writes about --bytes bytes to a file, every ID included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sample-log-'));
    try {
      const file = join(dir, 'big.log');
      const written = await writeSampleLog(file, { ids: 3000, bytes: 2_000_000, seed: 5 });
      const onDisk = readFileSync(file, 'utf8');
      assert.equal(Buffer.byteLength(onDisk), written.bytes);
      assert.ok(written.bytes >= 2_000_000 && written.bytes < 2_010_000, String(written.bytes));
      assert.equal(new Set(findProcessIds(onDisk).map((m) => m.id)).size, 3000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads sizes with K, M and G suffixes', () => {
    assert.deepEqual(['400M', '2g', '10K', '1234', '1.5M', 'x', '5T'].map(parseSize), [400 * 1024 ** 2, 2 * 1024 ** 3, 10240, 1234, 1572864, undefined, undefined]);
  });
});
