import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  AUTHENTICATION_RESULTS, BIO_TOKEN_ENGINE_RESULTS, ID_AGE_RESULTS, LIVENESS_RESULTS, PROCESS_RESULTS, PROCESS_STATES,
  SCORE_ENABLED, SMART_REVALIDATION_RESULTS, TRUST_RESULTS,
} from '../../src/core/enums';
import { FAULT_IDS, FIXTURES, HOSTILE_PROCESS_ID, LIVE_PROCESS_ID, REFERENCE_EXAMPLE_ID, UNKNOWN_PROCESS_ID } from '../../src/emulator';
import { STATIC_FIXTURES } from '../../src/emulator/fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const processes = STATIC_FIXTURES.map((f) => f.process as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
const values = (pick: (p: Record<string, any>) => unknown): unknown[] => processes.map(pick); // eslint-disable-line @typescript-eslint/no-explicit-any
const docsOf = (p: Record<string, any>): any[] => // eslint-disable-line @typescript-eslint/no-explicit-any
  (Array.isArray(p.services) ? p.services : p.services?.docs ? [p.services.docs] : []).flatMap((s: { documents?: unknown[] }) => s.documents ?? []);

/** Every string in `value` with its path, keys included. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [[`${path}.${k} (key)`, k] as [string, string], ...strings(v, `${path}.${k}`)]);
  }
  return [];
}

describe('emulator: fixture catalogue', () => {
  it('has distinct lower-case UUIDs, titles and descriptions, apart from the fault and unknown IDs', () => {
    const ids = FIXTURES.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const f of FIXTURES) {
      assert.match(f.id, UUID);
      assert.ok(f.title.length > 3 && f.description.length > 10, f.id);
    }
    assert.ok(ids.includes(REFERENCE_EXAMPLE_ID) && ids.includes(LIVE_PROCESS_ID) && ids.includes(HOSTILE_PROCESS_ID));
    for (const id of [...Object.values(FAULT_IDS), UNKNOWN_PROCESS_ID]) assert.ok(!ids.includes(id), id);
    for (const f of STATIC_FIXTURES) assert.equal(f.process.id, f.id);
  });

  it('is listed in CONTRIBUTING.md, fault IDs included', () => {
    const readme = readFileSync('CONTRIBUTING.md', 'utf8');
    for (const id of [...FIXTURES.map((f) => f.id), ...Object.values(FAULT_IDS), UNKNOWN_PROCESS_ID]) assert.ok(readme.includes(id), id);
  });

  it('covers every documented state and result', () => {
    for (const state of PROCESS_STATES.slice(0, 4)) assert.ok(values((p) => p.state).includes(state), state);
    for (const result of PROCESS_RESULTS.slice(0, 5)) assert.ok(values((p) => p.result).includes(result), result);
  });

  it('covers every value of every capability result', () => {
    const lists: [string, readonly string[]][] = [
      ['livenessResult', LIVENESS_RESULTS], ['authenticationResult', AUTHENTICATION_RESULTS], ['identityFraudstersResult', TRUST_RESULTS],
      ['bioTokenEngineResult', BIO_TOKEN_ENGINE_RESULTS], ['smartRevalidationResult', SMART_REVALIDATION_RESULTS], ['idAgeResult', ID_AGE_RESULTS],
    ];
    for (const [field, known] of lists) {
      const seen = values((p) => p.authenticationInfo?.[field]);
      for (const value of known) assert.ok(seen.includes(value), `${field} ${value}`);
    }
    const enabled = values((p) => p.authenticationInfo?.scoreEngineResult?.scoreEnabled);
    for (const value of SCORE_ENABLED) assert.ok(enabled.includes(value), value);
  });

  it('has unknown enum values, risk scores present and absent, and Serpro similarity, -1 and -2', () => {
    assert.ok(values((p) => p.state).some((s) => typeof s === 'string' && !(PROCESS_STATES as readonly string[]).includes(s)));
    assert.ok(values((p) => p.authenticationInfo?.livenessResult).some((s) => typeof s === 'string' && !s.includes('<') && !(LIVENESS_RESULTS as readonly string[]).includes(s)));
    const engines = values((p) => p.authenticationInfo?.scoreEngineResult).filter((e) => e !== undefined) as { scoreEnabled: string; score?: number }[];
    assert.ok(engines.some((e) => e.scoreEnabled === 'SCORE_ENABLED_TRUE' && typeof e.score === 'number'));
    assert.ok(engines.some((e) => e.scoreEnabled === 'SCORE_ENABLED_TRUE' && e.score === undefined));
    const serpro = values((p) => p.authenticationInfo?.serproResult?.score);
    assert.ok(serpro.includes(-1) && serpro.includes(-2) && serpro.some((s) => typeof s === 'number' && s >= 0 && s <= 100));
  });

  it('has CNH and RG documents with OCR data, a reused document, bioTokenData, no services and the object form', () => {
    const docs = processes.flatMap(docsOf) as { doc: { code: string; data: object }; reused_doc: boolean }[];
    for (const code of ['CNH', 'RG']) assert.ok(docs.some((d) => d.doc.code === code && Object.keys(d.doc.data).length >= 5), code);
    assert.ok(docs.some((d) => d.reused_doc));
    assert.ok(processes.some((p) => p.bioTokenData !== undefined));
    assert.ok(processes.some((p) => p.state === 'PROCESS_STATE_FINISHED' && !('services' in p)));
    assert.ok(processes.some((p) => typeof p.services === 'object' && !Array.isArray(p.services)));
  });

  it('uses obviously fake people: CPFs 000000xxxxx (the reference example keeps its own)', () => {
    for (const p of processes) {
      if (p.id === REFERENCE_EXAMPLE_ID || p.id === HOSTILE_PROCESS_ID) continue;
      const cpfs = [p.person?.duiValue, ...docsOf(p).map((d: { doc: { data: { cpfNumero?: string } } }) => d.doc.data.cpfNumero)];
      for (const cpf of cpfs.filter((c) => typeof c === 'string' && c !== '')) assert.match(cpf as string, /^000000\d{5}$/, String(p.id));
    }
  });

  it('puts a payload in every string of the hostile process but its id', () => {
    const hostile = STATIC_FIXTURES.find((f) => f.id === HOSTILE_PROCESS_ID);
    assert.ok(hostile);
    const markers = ['<', 'javascript:', '](', '{{', '$(', '\u202e', '\n'];
    const plain = strings(hostile.process).filter(([path, s]) => path !== '.id' && !markers.some((m) => s.includes(m)) && !path.endsWith('(key)'));
    assert.deepEqual(plain, []);
    const all = strings(hostile.process).map(([, s]) => s).join('\n');
    for (const payload of ['<img src=x onerror=alert(1)>', '<script>', 'javascript:', '[x](command:workbench.action.quit)']) assert.ok(all.includes(payload), payload);
  });
});
