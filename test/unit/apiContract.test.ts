import * as assert from 'node:assert/strict';
import { allApiMeanings, apiCapabilityRows, apiStatusInfo, apiStatusLabel, isApiSettled, summarizeApi, unknownApiValues } from '../../src/core/apiContract/model';
import { parseApiProcess } from '../../src/core/apiContract/schema';
import { VERDICT_LABELS } from '../../src/core/model';
import { SOURCES } from '../../src/core/sources';
import { API_FIXTURES, API_REFERENCE_EXAMPLE_ID } from '../../src/emulator/apiFixtures';

const ID = API_REFERENCE_EXAMPLE_ID;
const parse = (body: unknown) => parseApiProcess(body);
const summary = (body: Record<string, unknown>) => summarizeApi(parse({ id: ID, ...body }).process, VERDICT_LABELS);

describe('API contract: schema', () => {
  it('reads unico\'s example and keeps unknown fields', () => {
    const { process, unexpected } = parse({ id: ID, status: 3, unicoId: { result: 'yes' }, identityFraudsters: { result: 'inconclusive' }, government: { serpro: 87 }, liveness: 1, extra: { a: 1 } });
    assert.equal(process.status, 3);
    assert.equal(process.unicoId?.result, 'yes');
    assert.equal(process.government?.serpro, 87);
    assert.deepEqual((process as Record<string, unknown>).extra, { a: 1 });
    assert.deepEqual(unexpected, []);
  });

  it('coerces numeric strings, reads null as absent, reads PascalCase keys', () => {
    const { process } = parse({ Id: ID, Status: '3', Liveness: 1, Score: '-42', unicoId: null, government: { serpro: null } });
    assert.equal(process.id, ID);
    assert.equal(process.status, 3);
    assert.equal(process.liveness, 1);
    assert.equal(process.score, -42);
    assert.equal(process.unicoId, undefined);
    assert.equal(process.government?.serpro, undefined);
  });

  it('drops and reports mistyped values instead of failing', () => {
    const { process, unexpected } = parse({ id: ID, status: 'done', unicoId: 'yes', liveness: true, government: { serpro: [1] } });
    assert.equal(process.status, undefined);
    assert.equal(process.unicoId, undefined);
    assert.deepEqual(unexpected.map((d) => d.path).sort(), ['government.serpro', 'liveness', 'status', 'unicoId']);
    assert.equal(unexpected.find((d) => d.path === 'status')?.raw, '"done"');
  });

  it('fails only without an id, naming the path and never a value', () => {
    for (const body of [{}, { status: 3 }, { id: 42 }, { id: '' }, [], 'x', null]) {
      assert.throws(() => parse(body), (e: Error & { reason?: string; detail?: string }) => e.reason === 'schema' && !String(e.detail).includes('42'));
    }
  });

  it('parses every emulator fixture', () => {
    for (const f of API_FIXTURES) assert.equal(parse(f.body).process.id, f.id);
  });
});

describe('API contract: model', () => {
  it('status 3 with every answer positive is OK; an inconclusive answer is a caveat', () => {
    const ok = summary({ status: 3, unicoId: { result: 'yes' }, liveness: 1 });
    assert.equal(ok.verdict, 'ok');
    assert.equal(ok.contract, 'api');
    assert.deepEqual(ok.caveats, []);
    assert.ok(ok.stable);
    const ref = summary({ status: 3, unicoId: { result: 'yes' }, identityFraudsters: { result: 'inconclusive' }, liveness: 1 });
    assert.equal(ref.verdict, 'ok');
    assert.deepEqual(ref.caveats, [{ capability: 'Risk fraud classification', outcome: 'inconclusive' }]);
  });

  it('status 3 with a definitive negative (unicoId no, liveness 2, fraudster yes) is Invalid identity', () => {
    assert.equal(summary({ status: 3, unicoId: { result: 'no' }, liveness: 1 }).verdict, 'invalidIdentity');
    assert.equal(summary({ status: 3, liveness: 2 }).verdict, 'invalidIdentity');
    assert.equal(summary({ status: 3, unicoId: { result: 'yes' }, identityFraudsters: { result: 'yes' } }).verdict, 'invalidIdentity');
  });

  it('1 and 2 are pending and unsettled; 4 canceled, 5 error, both settled; anything else unknown', () => {
    for (const status of [1, 2]) {
      const s = summary({ status });
      assert.equal(s.verdict, 'pending');
      assert.equal(s.stable, false);
    }
    assert.equal(summary({ status: 4 }).verdict, 'canceled');
    assert.equal(summary({ status: 5 }).verdict, 'error');
    assert.ok(isApiSettled({ status: 4 }) && isApiSettled({ status: 5 }));
    const odd = summary({ status: 7 });
    assert.equal(odd.verdict, 'unknown');
    assert.equal(odd.stateKnown, false);
    assert.equal(odd.stable, false);
    assert.equal(summary({}).verdict, 'unknown');
  });

  it('an OK with no capability answer says so', () => {
    assert.deepEqual(summary({ status: 3 }).caveats, [{ capability: 'Capabilities', outcome: 'missing' }]);
  });

  it('rows carry unico\'s meanings with their pages; undocumented values are flagged', () => {
    const rows = apiCapabilityRows(parse({ id: ID, liveness: 9, unicoId: { result: 'maybe' }, score: 62, government: { serpro: -1 } }).process);
    assert.deepEqual(rows.map((r) => [r.field, r.known, r.outcome]), [
      ['liveness', false, 'unknown'], ['unicoId.result', false, 'unknown'], ['score', true, 'positive'], ['government.serpro', true, 'inconclusive'],
    ]);
    const yes = apiCapabilityRows(parse({ id: ID, unicoId: { result: 'yes' } }).process)[0];
    assert.equal(yes?.source, SOURCES.identityVerification);
    assert.deepEqual(unknownApiValues(parse({ id: ID, status: 7, liveness: 9 }).process), [{ path: 'status', value: '7' }, { path: 'liveness', value: '9' }]);
  });

  it('labels and meanings of statuses', () => {
    assert.equal(apiStatusLabel(3), '3 (Finished with success)');
    assert.equal(apiStatusLabel(8), '8');
    assert.equal(apiStatusInfo(2).source, SOURCES.apiStatuses);
    assert.match(apiStatusInfo(8).meaning, /not documented by unico/);
    for (const m of allApiMeanings()) assert.ok(Object.values(SOURCES).includes(m.source), m.meaning);
  });
});

describe('API contract: the emulator catalogue through schema and model', () => {
  it('covers OK, Invalid identity, Pending, Canceled, Error and Unknown', () => {
    const verdicts = new Set(API_FIXTURES.map((f) => summarizeApi(parse(f.body).process, VERDICT_LABELS).verdict));
    assert.deepEqual([...verdicts].sort(), ['canceled', 'error', 'invalidIdentity', 'ok', 'pending', 'unknown']);
  });
});
