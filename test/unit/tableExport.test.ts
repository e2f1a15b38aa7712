import * as assert from 'node:assert/strict';
import { csvField, toCsv, toJsonLines } from '../../src/core/tableExport';
import { countBuckets, DEFAULT_QUERY, isTableQuery, queryRows, type TriageRow } from '../../src/core/triageTable';

describe('table export', () => {
  describe('csvField', () => {
    it('leaves plain text alone', () => {
      assert.equal(csvField('PROCESS_STATE_FINISHED'), 'PROCESS_STATE_FINISHED');
      assert.equal(csvField(''), '');
    });

    it('quotes fields with quotes, commas, CR or LF, doubling the quotes (RFC 4180)', () => {
      assert.equal(csvField('a,b'), '"a,b"');
      assert.equal(csvField('say "hi"'), '"say ""hi"""');
      assert.equal(csvField('one\ntwo'), '"one\ntwo"');
      assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');
    });

    it('neutralises a field that a spreadsheet would run as a formula', () => {
      assert.equal(csvField('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
      assert.equal(csvField('+1+1'), "'+1+1");
      assert.equal(csvField('-2+3'), "'-2+3");
      assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvField('\tcmd'), "'\tcmd");
      assert.equal(csvField('\r=1'), `"'\r=1"`);
      assert.equal(csvField('a=1'), 'a=1', 'only a leading character counts');
    });

    it('keeps non-ASCII text as is', () => {
      assert.equal(csvField('João Araújo'), 'João Araújo');
      assert.equal(csvField('名前, 名'), '"名前, 名"');
    });
  });

  it('toCsv: a UTF-8 BOM, a header, CRLF after every record', () => {
    const csv = toCsv(['id', 'name'], [['1', 'Ana, Maria'], ['2', '=cmd']]);
    assert.equal(csv, '\uFEFFid,name\r\n1,"Ana, Maria"\r\n2,\'=cmd\r\n');
    assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
  });

  it('toJsonLines: one object per line, each parsing back to itself', () => {
    const records = [{ id: 'a', note: 'line\nbreak "q" \u2028', n: 1 }, { id: 'b', note: 'ção', n: null }];
    const text = toJsonLines(records);
    const lines = text.split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.deepEqual(lines.slice(0, 2).map((l) => JSON.parse(l) as unknown), records);
  });
});

function row(partial: Partial<TriageRow> & { id: string; line: number }): TriageRow {
  return {
    bucket: 'ok', verdict: 'OK', state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK', flow: 'idcheck',
    created: null, createdText: '', finished: null, finishedText: '', occurrences: 1, person: '', ...partial,
  };
}

describe('triage table query', () => {
  const rows = [
    row({ id: 'a', line: 3, created: 300, flow: 'idlive' }),
    row({ id: 'b', line: 1, bucket: 'invalidIdentity', verdict: 'Invalid identity', created: 100 }),
    row({ id: 'c', line: 2, bucket: 'notFound', verdict: 'Not found', state: '', result: '', flow: '' }),
    row({ id: 'd', line: 4, bucket: 'invalidIdentity', verdict: 'Invalid identity', created: 200, occurrences: 9 }),
  ];

  it('counts every bucket, zeros included', () => {
    assert.deepEqual(countBuckets(rows), { ok: 1, invalidIdentity: 2, expired: 0, pending: 0, notFound: 1, error: 0, unresolved: 0 });
  });

  it('filters by bucket, flow and text, sorts by a column with nulls last, ties in file order', () => {
    const ids = (q: Partial<typeof DEFAULT_QUERY>): string[] => queryRows(rows, { ...DEFAULT_QUERY, ...q }).map((r) => r.id);
    assert.deepEqual(ids({}), ['b', 'c', 'a', 'd']);
    assert.deepEqual(ids({ bucket: 'invalidIdentity' }), ['b', 'd']);
    assert.deepEqual(ids({ flow: 'idlive' }), ['a']);
    assert.deepEqual(ids({ text: 'NOT FOUND' }), ['c']);
    assert.deepEqual(ids({ sort: 'created' }), ['b', 'd', 'a', 'c']);
    assert.deepEqual(ids({ sort: 'created', descending: true }), ['c', 'a', 'd', 'b']);
    assert.deepEqual(ids({ sort: 'verdict' }), ['a', 'b', 'd', 'c']);
    assert.deepEqual(ids({ sort: 'occurrences', descending: true }), ['d', 'b', 'c', 'a']);
  });

  it('accepts only a well-formed query from the webview', () => {
    assert.equal(isTableQuery(DEFAULT_QUERY), true);
    assert.equal(isTableQuery({ ...DEFAULT_QUERY, sort: 'constructor' }), false);
    assert.equal(isTableQuery({ ...DEFAULT_QUERY, bucket: 'everything' }), false);
    assert.equal(isTableQuery({ ...DEFAULT_QUERY, extra: 1 }), false);
    assert.equal(isTableQuery({ ...DEFAULT_QUERY, text: 'x'.repeat(501) }), false);
    const { descending: _, ...missing } = DEFAULT_QUERY;
    assert.equal(isTableQuery(missing), false);
  });
});
