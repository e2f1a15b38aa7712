import * as assert from 'node:assert/strict';
import {
  AUTHENTICATION_RESULTS, BIO_TOKEN_ENGINE_RESULTS, ID_AGE_RESULTS, LIVENESS_RESULTS, PROCESS_RESULTS, PROCESS_STATES,
  SCORE_ENABLED, SMART_REVALIDATION_RESULTS, TRUST_RESULTS,
} from '../../src/core/enums';
import { maskCpf, maskDate, maskName, maskValue } from '../../src/core/mask';
import {
  capabilityRows, documentRows, resultMeaning, stateMeaning, summarize, unknownValues, VERDICT_LABELS, type CapabilityRow, type Outcome, type Verdict,
} from '../../src/core/model';
import { allMeanings } from '../../src/core/capabilities';
import { DUI_TYPES, duiTypeLabel } from '../../src/core/enums';
import { parseProcessResponse, type Process } from '../../src/core/schema';
import { SOURCES } from '../../src/core/sources';
import { STATIC_FIXTURES } from '../../src/emulator/fixtures';
import { REFERENCE_EXAMPLE } from '../../src/emulator/reference';

const ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';

/** The reference example's process (as parsed), from the emulator's verbatim copy. */
function reference(): Process {
  return parseProcessResponse({ process: REFERENCE_EXAMPLE });
}

/** Rows of a finished process (where *_UNSPECIFIED means "not used in this flow"). */
function rows(authenticationInfo: Process['authenticationInfo']): CapabilityRow[] {
  return capabilityRows({ id: ID, state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK', authenticationInfo });
}

describe('summarize', () => {
  const F = 'PROCESS_STATE_FINISHED';
  const R = (r: string): string => `PROCESS_RESULT_${r}`;
  const table: [string | undefined, string | undefined, Verdict][] = [
    [F, R('OK'), 'ok'],
    [F, R('INVALID_IDENTITY'), 'invalidIdentity'],
    [F, R('ERROR'), 'error'],
    [F, R('EXPIRED'), 'expired'],
    [F, R('UNSPECIFIED'), 'pending'],
    [F, undefined, 'pending'],
    [F, '', 'pending'],
    [F, R('WARNING'), 'unknown'],
    [F, R('REFUSED'), 'unknown'],
    [F, R('SOMETHING_NEW'), 'unknown'],
    ['PROCESS_STATE_CREATED', undefined, 'pending'],
    ['PROCESS_STATE_CREATED', R('UNSPECIFIED'), 'pending'],
    ['PROCESS_STATE_CREATED', R('EXPIRED'), 'expired'],
    ['PROCESS_STATE_CREATED', R('SOMETHING_NEW'), 'unknown'],
    ['AWAITING_FOR_DOCUMENT', undefined, 'awaitingDocument'],
    ['AWAITING_FOR_DOCUMENT', R('UNSPECIFIED'), 'awaitingDocument'],
    ['PROCESS_STATE_FAILED', undefined, 'failed'],
    ['PROCESS_STATE_FAILED', R('UNSPECIFIED'), 'failed'],
    ['PROCESS_STATE_UNSPECIFIED', undefined, 'unknown'],
    ['PROCESS_STATE_CANCELED', undefined, 'unknown'],
    ['PROCESS_STATE_PAUSED', R('OK'), 'unknown'],
    ['', undefined, 'unknown'],
    [undefined, undefined, 'unknown'],
  ];

  it('derives the verdict for every state and result', () => {
    for (const [state, result, verdict] of table) {
      const s = summarize({ id: ID, state, result });
      assert.equal(s.verdict, verdict, `${String(state)} + ${String(result)}`);
      assert.equal(s.verdictLabel, VERDICT_LABELS[verdict]);
    }
  });

  it('labels every verdict in plain words', () => {
    assert.deepEqual(VERDICT_LABELS, {
      ok: 'OK', invalidIdentity: 'Invalid identity', error: 'Error', expired: 'Expired', pending: 'Pending',
      awaitingDocument: 'Awaiting document', failed: 'Failed', canceled: 'Canceled', unknown: 'Unknown',
    });
  });

  it('reports state and result verbatim, flags unknown values, and says whether the process can still change', () => {
    const s = summarize(reference());
    assert.deepEqual(s, {
      verdict: 'ok', verdictLabel: 'OK', state: 'PROCESS_STATE_FINISHED', stateKnown: true, result: 'PROCESS_RESULT_OK', resultKnown: true,
      flow: 'idunicosign', createdAt: new Date('2024-01-01T10:00:00Z'), finishedAt: new Date('2024-01-01T10:15:00Z'),
      expiresAt: new Date('2024-01-08T10:00:00Z'), stable: true,
      // the reference's own example: OK, yet identity and fraud classification are inconclusive
      caveats: [
        { capability: 'Identity verification', outcome: 'inconclusive' },
        { capability: 'Risk fraud classification', outcome: 'inconclusive' },
      ],
      riskScore: 85.5,
    });
    const odd = summarize({ id: ID, state: 'PROCESS_STATE_PAUSED', result: 'PROCESS_RESULT_NEW', flow: '', createdAt: 'yesterday', finishedAt: '' });
    assert.deepEqual([odd.state, odd.stateKnown, odd.result, odd.resultKnown, odd.flow, odd.createdAt, odd.finishedAt, odd.stable],
      ['PROCESS_STATE_PAUSED', false, 'PROCESS_RESULT_NEW', false, undefined, undefined, undefined, false]);
    const bare = summarize({ id: ID });
    assert.deepEqual([bare.state, bare.stateKnown, bare.result, bare.resultKnown], ['', false, undefined, true]);
    for (const state of PROCESS_STATES) {
      assert.equal(summarize({ id: ID, state, result: 'PROCESS_RESULT_OK' }).stable, state === 'PROCESS_STATE_FINISHED' || state === 'PROCESS_STATE_FAILED', state);
    }
    // FINISHED without a result is shown as Pending, so it must not be cached as settled either
    assert.equal(summarize({ id: ID, state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_UNSPECIFIED' }).stable, false);
    assert.equal(summarize({ id: ID, state: 'PROCESS_STATE_FINISHED' }).stable, false);
    assert.equal(summarize({ id: ID, createdAt: '2025-03-04T09:00:00.000001Z' }).createdAt?.toISOString(), '2025-03-04T09:00:00.000Z');
  });
});

describe('summarize: caveats on an OK verdict', () => {
  const ok = (authenticationInfo?: Process['authenticationInfo']): Process =>
    ({ id: ID, state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK', authenticationInfo });

  it('has none when every capability answered positively or was not used', () => {
    assert.deepEqual(summarize(ok({ livenessResult: 'LIVENESS_RESULT_LIVE', authenticationResult: 'AUTHENTICATION_RESULT_POSITIVE', idAgeResult: 'ID_AGE_RESULT_UNSPECIFIED' })).caveats, []);
  });

  it('names each inconclusive or negative capability, and a risk score that was expected but not returned', () => {
    assert.deepEqual(summarize(ok({ authenticationResult: 'AUTHENTICATION_RESULT_INCONCLUSIVE', scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_TRUE', score: -42 } })).caveats, [
      { capability: 'Identity verification', outcome: 'inconclusive' },
      { capability: 'Risk score', outcome: 'negative' },
    ]);
    assert.deepEqual(summarize(ok({ authenticationResult: 'INCONCLUSIVE', scoreEngineResult: { scoreEnabled: 'TRUE' } })).caveats, [
      { capability: 'Identity verification', outcome: 'inconclusive' },
      { capability: 'Risk score', outcome: 'missing' },
    ]);
    assert.deepEqual(summarize(ok()).caveats, [{ capability: 'Capabilities', outcome: 'missing' }]);
  });

  it('only qualifies OK: other verdicts already say the capabilities were not all positive', () => {
    const invalid = { ...ok({ livenessResult: 'LIVENESS_RESULT_NOT_LIVE' }), result: 'PROCESS_RESULT_INVALID_IDENTITY' };
    assert.deepEqual(summarize(invalid).caveats, []);
  });
});

describe('stateMeaning and resultMeaning', () => {
  it('give a distinct meaning to every documented value and a generic one otherwise', () => {
    const states = PROCESS_STATES.map(stateMeaning);
    const results = PROCESS_RESULTS.map(resultMeaning);
    for (const list of [states, results]) assert.equal(new Set(list).size, list.length);
    assert.equal(stateMeaning('PROCESS_STATE_CREATED'), 'Process created; the user has not yet completed the journey.');
    assert.match(stateMeaning('AWAITING_FOR_DOCUMENT'), /Set Process Document/);
    assert.equal(resultMeaning('PROCESS_RESULT_OK'), 'All capabilities returned positive results.');
    assert.equal(stateMeaning('PROCESS_STATE_PAUSED'), 'A state not in the documented API.');
    assert.equal(stateMeaning(''), 'No state reported.');
    assert.equal(resultMeaning('PROCESS_RESULT_NEW'), 'A result not in the documented API.');
    assert.equal(resultMeaning(undefined), resultMeaning(''));
    assert.ok(!states.includes(stateMeaning('X')) && !results.includes(resultMeaning('X')));
  });
});

describe('capabilityRows', () => {
  it('lists the reference example in the reference order', () => {
    assert.deepEqual(capabilityRows(reference()).map((r) => [r.field, r.capability, r.value, r.known, r.outcome]), [
      ['livenessResult', 'Liveness', 'LIVENESS_RESULT_LIVE', true, 'positive'],
      ['authenticationResult', 'Identity verification', 'AUTHENTICATION_RESULT_INCONCLUSIVE', true, 'inconclusive'],
      ['identityFraudstersResult', 'Risk fraud classification', 'TRUST_RESULT_INCONCLUSIVE', true, 'inconclusive'],
      ['bioTokenEngineResult', '1:1 validation', 'BIO_TOKEN_ENGINE_RESULT_UNSPECIFIED', true, 'notUsed'],
      ['smartRevalidationResult', 'Smart revalidation', 'SMART_REVALIDATION_RESULT_UNSPECIFIED', true, 'notUsed'],
      ['idAgeResult', 'Age verification', 'ID_AGE_RESULT_UNSPECIFIED', true, 'notUsed'],
      ['scoreEngineResult.scoreEnabled', 'Risk score', 'SCORE_ENABLED_TRUE', true, 'info'],
      ['scoreEngineResult.score', 'Risk score', '85.5', true, 'positive'],
      ['serproResult.score', 'Serpro similarity', '92', true, 'info'],
    ]);
  });

  it('gives every documented value of every capability its outcome and a meaning', () => {
    const expected: [keyof NonNullable<Process['authenticationInfo']>, readonly string[], Outcome[]][] = [
      ['livenessResult', LIVENESS_RESULTS, ['positive', 'negative', 'notUsed']],
      ['authenticationResult', AUTHENTICATION_RESULTS, ['positive', 'negative', 'inconclusive', 'notUsed']],
      ['identityFraudstersResult', TRUST_RESULTS, ['negative', 'inconclusive', 'notUsed']],
      ['bioTokenEngineResult', BIO_TOKEN_ENGINE_RESULTS, ['positive', 'negative', 'notUsed']],
      ['smartRevalidationResult', SMART_REVALIDATION_RESULTS, ['positive', 'negative', 'notUsed']],
      ['idAgeResult', ID_AGE_RESULTS, ['positive', 'negative', 'inconclusive', 'notUsed']],
    ];
    const meanings = new Set<string>();
    for (const [field, values, outcomes] of expected) {
      values.forEach((value, i) => {
        const [row, ...rest] = rows({ [field]: value });
        assert.equal(rest.length, 0);
        assert.deepEqual([row?.field, row?.value, row?.known, row?.outcome], [field, value, true, outcomes[i]], value);
        assert.ok(row?.meaning);
        if (value.endsWith('_UNSPECIFIED')) assert.equal(row.meaning, 'Not used in this flow');
        else meanings.add(row.meaning);
      });
    }
    assert.equal(meanings.size, 14, 'each non-UNSPECIFIED value means something different');
    assert.deepEqual(SCORE_ENABLED.map((scoreEnabled) => rows({ scoreEngineResult: { scoreEnabled } })[0]?.outcome), ['info', 'info', 'notUsed']);
    // unico's own words (devcenter capabilities page), not ours
    assert.equal(rows({ identityFraudstersResult: 'TRUST_RESULT_YES' })[0]?.meaning, 'The face has been involved in fraudulent identity transactions');
    assert.match(rows({ identityFraudstersResult: 'TRUST_RESULT_INCONCLUSIVE' })[0]?.meaning ?? '', /^Insufficient evidence/);
    assert.doesNotMatch(rows({ livenessResult: 'LIVENESS_RESULT_NOT_LIVE' })[0]?.meaning ?? '', /spoof/);
    assert.match(rows({ idAgeResult: 'ID_AGE_RESULT_INCONCLUSIVE' })[0]?.meaning ?? '', /not documented by unico/);
  });

  it('says what UNSPECIFIED means from the state: not used only on a finished process', () => {
    const unspecified = (state: string, result?: string): string | undefined =>
      capabilityRows({ id: ID, state, result, authenticationInfo: { livenessResult: 'LIVENESS_RESULT_UNSPECIFIED' } })[0]?.meaning;
    assert.equal(unspecified('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_OK'), 'Not used in this flow');
    assert.equal(unspecified('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_INVALID_IDENTITY'), 'Not used in this flow');
    assert.equal(unspecified('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_EXPIRED'), 'No answer: the process expired before the journey was completed');
    assert.equal(unspecified('PROCESS_STATE_CREATED', 'PROCESS_RESULT_EXPIRED'), 'No answer: the process expired before the journey was completed');
    assert.equal(unspecified('PROCESS_STATE_CREATED'), 'No answer yet: the process has not finished');
    assert.equal(unspecified('AWAITING_FOR_DOCUMENT'), 'No answer yet: the process has not finished');
    assert.equal(unspecified('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_UNSPECIFIED'), 'No answer yet: the process has not finished');
    assert.equal(unspecified('PROCESS_STATE_FAILED'), 'No answer: the process failed (processing error)');
  });

  it('gives every meaning a source: the reference or a unico page', () => {
    const meanings = allMeanings();
    assert.ok(meanings.length >= 30, String(meanings.length));
    const addresses = new Set<string>(Object.values(SOURCES));
    for (const m of meanings) {
      assert.ok(m.meaning !== '', 'empty meaning');
      assert.ok(addresses.has(m.source), `${m.meaning}: no source`);
      assert.match(m.source, /^https:\/\/(developer|devcenter|developers)\.unico\.io\//, m.meaning);
    }
    for (const row of capabilityRows(reference())) assert.ok(addresses.has(row.source), row.field);
  });

  it('reads the documented shorthand values (LIVE, INCONCLUSIVE) as the full ones', () => {
    const [row] = rows({ livenessResult: 'LIVE' });
    assert.deepEqual([row?.value, row?.known, row?.outcome], ['LIVE', true, 'positive']);
  });

  it('keeps and flags unknown values and undocumented fields', () => {
    const source = SOURCES.getProcess;
    assert.deepEqual(rows({ livenessResult: 'LIVENESS_RESULT_MAYBE', faceWithOtherIdResult: 'FACE_WITH_OTHER_ID_RESULT_NO', authenticationId: 'a' }), [
      { field: 'livenessResult', capability: 'Liveness', value: 'LIVENESS_RESULT_MAYBE', known: false, outcome: 'unknown', meaning: 'Not in the documented API', source },
      { field: 'faceWithOtherIdResult', capability: 'faceWithOtherIdResult', value: 'FACE_WITH_OTHER_ID_RESULT_NO', known: false, outcome: 'unknown', meaning: 'Not in the documented API', source },
    ]);
  });

  it('skips absent and empty values, and has no rows without authenticationInfo', () => {
    assert.deepEqual(rows({ livenessResult: '', authenticationId: 'a', scoreEngineResult: {}, serproResult: {} }), []);
    assert.deepEqual(capabilityRows({ id: ID }), []);
  });

  it('explains the risk score across its range, and its absence when one was expected', () => {
    const score = (s: number): [string | undefined, boolean | undefined, Outcome | undefined] => {
      const row = rows({ scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_TRUE', score: s } })[1];
      return [row?.value, row?.known, row?.outcome];
    };
    // unico's five bands (developer.unico.io risk-score page): deny, assess, capture error, assess, approve
    assert.deepEqual(score(-100), ['-100', true, 'negative']);
    assert.deepEqual(score(-40), ['-40', true, 'negative']);
    assert.deepEqual(score(-39), ['-39', true, 'inconclusive']);
    assert.deepEqual(score(-1), ['-1', true, 'inconclusive']);
    assert.deepEqual(score(0), ['0', true, 'inconclusive']);
    assert.deepEqual(score(0.5), ['0.5', true, 'inconclusive']);
    assert.deepEqual(score(49), ['49', true, 'inconclusive']);
    assert.deepEqual(score(50), ['50', true, 'positive']);
    assert.deepEqual(score(100), ['100', true, 'positive']);
    assert.deepEqual(score(101), ['101', false, 'unknown']);
    assert.deepEqual(score(-100.5), ['-100.5', false, 'unknown']);
    const meaning = (s: number): string => rows({ scoreEngineResult: { score: s } })[0]?.meaning ?? '';
    assert.match(meaning(-42), /recommends denying/);
    assert.match(meaning(-10), /assessing the risks/);
    assert.match(meaning(0), /capture error, not a risk verdict/);
    assert.match(meaning(85.5), /recommends approving/);

    const expectedButMissing = rows({ authenticationResult: 'AUTHENTICATION_RESULT_INCONCLUSIVE', scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_TRUE' } });
    assert.deepEqual(expectedButMissing[2], {
      field: 'scoreEngineResult.score', capability: 'Risk score', value: '', known: true, outcome: 'inconclusive',
      meaning: 'No risk score was returned: it could not be generated', source: SOURCES.responseScenarios,
    });
    assert.equal(rows({ authenticationResult: 'INCONCLUSIVE', scoreEngineResult: { scoreEnabled: 'TRUE' } }).length, 3, 'shorthand too');
    for (const info of [
      { authenticationResult: 'AUTHENTICATION_RESULT_POSITIVE', scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_TRUE' } },
      { authenticationResult: 'AUTHENTICATION_RESULT_INCONCLUSIVE', scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_FALSE' } },
      { authenticationResult: 'AUTHENTICATION_RESULT_INCONCLUSIVE' },
    ]) {
      assert.equal(rows(info).some((r) => r.field === 'scoreEngineResult.score'), false, JSON.stringify(info));
    }
  });

  it('explains Serpro similarity, -1 and -2', () => {
    const serpro = (score: number): CapabilityRow | undefined => rows({ serproResult: { score } })[0];
    const source = SOURCES.getProcess;
    assert.deepEqual(serpro(-1), { field: 'serproResult.score', capability: 'Serpro similarity', value: '-1', known: true, outcome: 'inconclusive', meaning: 'No face on file for this CPF', source });
    assert.deepEqual(serpro(-2), { field: 'serproResult.score', capability: 'Serpro similarity', value: '-2', known: true, outcome: 'inconclusive', meaning: 'Integration error', source });
    for (const s of [0, 92, 98.1, 100]) assert.deepEqual([serpro(s)?.known, serpro(s)?.outcome], [true, 'info'], String(s));
    for (const s of [-3, -0.5, 101]) assert.deepEqual([serpro(s)?.known, serpro(s)?.outcome], [false, 'unknown'], String(s));
  });
});

describe('documentRows', () => {
  it('turns the reference document into a row with OCR fields marked personal unless harmless', () => {
    assert.deepEqual(documentRows(reference()), [{
      serviceIndex: 0, envelopeId: '4d4f3d90-04a3-4259-b63b-930ab10d2e47', docId: 'doc-abc-123', code: 'CNH', version: 1,
      typified: true, cpfMatch: true, faceMatch: true, validated: true, reused: false, signedUrl: 'https://example.com/doc?token=xyz',
      ocr: [
        { key: 'numero', value: '044589731564', personal: true },
        { key: 'cpfNumero', value: '12345678909', personal: true },
        { key: 'nomeCivil', value: 'Luke Skywalker', personal: true },
        { key: 'dataNascimento', value: '1990-05-12T00:00:00Z', personal: true },
        { key: 'dataExpiracao', value: '2027-12-07T00:00:00Z', personal: false },
        { key: 'categoria', value: 'B', personal: false },
      ],
    }]);
  });

  it('covers several services, bare document IDs, odd OCR values and absent services', () => {
    const p: Process = {
      id: ID,
      services: [
        { envelopeId: '', documents: [{ doc_id: 'a', doc: { code: 'RG', data: { 'Órgão Emissor': 'SSP', idade: 34, ativo: true, filiacao: { mae: 'M' } } } }] },
        { documentIds: ['a2', 'b', ''], documents: [{ doc_id: 'a2' }] },
      ],
    };
    assert.deepEqual(documentRows(p), [
      { serviceIndex: 0, envelopeId: undefined, docId: 'a', code: 'RG', version: undefined, signedUrl: undefined, ocr: [
        { key: 'Órgão Emissor', value: 'SSP', personal: false },
        { key: 'idade', value: '34', personal: true },
        { key: 'ativo', value: 'true', personal: true },
        { key: 'filiacao', value: '{"mae":"M"}', personal: true },
      ] },
      { serviceIndex: 1, envelopeId: undefined, docId: 'a2', code: undefined, version: undefined, signedUrl: undefined, ocr: [] },
      { serviceIndex: 1, envelopeId: undefined, docId: 'b', code: undefined, version: undefined, signedUrl: undefined, ocr: [] },
    ]);
    assert.deepEqual(documentRows({ id: ID }), []);
    assert.deepEqual(documentRows({ id: ID, services: [] }), []);
  });
});

describe('unknownValues', () => {
  it('is empty for the reference example', () => {
    assert.deepEqual(unknownValues(reference()), []);
  });

  it('lists every value the reference does not document, with its path', () => {
    const p: Process = {
      id: ID, state: 'PROCESS_STATE_PAUSED', result: 'PROCESS_RESULT_NEW', person: { duiType: 'DUI_TYPE_MARS_ID' },
      authenticationInfo: {
        livenessResult: 'LIVE', authenticationResult: 'AUTHENTICATION_RESULT_MAYBE', idAgeResult: '',
        scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_X', score: 5 }, faceWithOtherIdResult: 'NO',
      },
    };
    assert.deepEqual(unknownValues(p), [
      { path: 'state', value: 'PROCESS_STATE_PAUSED' },
      { path: 'result', value: 'PROCESS_RESULT_NEW' },
      { path: 'person.duiType', value: 'DUI_TYPE_MARS_ID' },
      { path: 'authenticationInfo.authenticationResult', value: 'AUTHENTICATION_RESULT_MAYBE' },
      { path: 'authenticationInfo.scoreEngineResult.scoreEnabled', value: 'SCORE_ENABLED_X' },
      { path: 'authenticationInfo.faceWithOtherIdResult', value: 'NO' },
    ]);
  });
});

describe('the emulator fixture catalogue through schema and model', () => {
  const modelled = STATIC_FIXTURES.map((f) => {
    const p = parseProcessResponse({ process: f.process });
    return { f, p, summary: summarize(p), capabilities: capabilityRows(p), documents: documentRows(p), unknown: unknownValues(p) };
  });

  it('parses and models every fixture', () => {
    assert.ok(modelled.length >= 20, `${modelled.length} fixtures`);
    for (const { f, p, summary } of modelled) {
      assert.equal(p.id, f.id, f.title);
      assert.ok(summary.verdictLabel, f.title);
    }
  });

  it('covers every verdict, every documented capability value, risk score present and absent, Serpro -1 and -2', () => {
    const verdicts = new Set(modelled.map((m) => m.summary.verdict));
    // 'canceled' is the API contract's status 4 only (its own catalogue: apiContract.test.ts).
    assert.deepEqual([...verdicts].sort(), Object.keys(VERDICT_LABELS).filter((v) => v !== 'canceled').sort());
    const seen = new Set(modelled.flatMap((m) => m.capabilities.map((r) => `${r.field}=${r.value}`)));
    const documented: [string, readonly string[]][] = [
      ['livenessResult', LIVENESS_RESULTS], ['authenticationResult', AUTHENTICATION_RESULTS], ['identityFraudstersResult', TRUST_RESULTS],
      ['bioTokenEngineResult', BIO_TOKEN_ENGINE_RESULTS], ['smartRevalidationResult', SMART_REVALIDATION_RESULTS], ['idAgeResult', ID_AGE_RESULTS],
      ['scoreEngineResult.scoreEnabled', SCORE_ENABLED],
    ];
    for (const [field, values] of documented) for (const v of values) assert.ok(seen.has(`${field}=${v}`), `${field}=${v}`);
    for (const v of ['-1', '-2']) assert.ok(seen.has(`serproResult.score=${v}`), `Serpro ${v}`);
    assert.ok(modelled.some((m) => m.capabilities.some((r) => r.field === 'scoreEngineResult.score' && r.value !== '')), 'a risk score');
    assert.ok(modelled.some((m) => m.p.authenticationInfo?.scoreEngineResult?.scoreEnabled === 'SCORE_ENABLED_TRUE'
      && m.p.authenticationInfo.scoreEngineResult.score === undefined), 'risk score enabled without a score');
    assert.ok(modelled.some((m) => m.unknown.length > 0), 'an unknown enum value');
    assert.ok(modelled.some((m) => m.documents.some((d) => d.reused === true)), 'a reused document');
    assert.deepEqual(new Set(modelled.flatMap((m) => m.documents.map((d) => d.code)).filter((c) => c === 'CNH' || c === 'RG')), new Set(['CNH', 'RG']));
  });
});

describe('masks', () => {
  it('maskCpf keeps the middle digits only', () => {
    assert.equal(maskCpf('12345678909'), '***.456.789-**');
    assert.equal(maskCpf('123.456.789-09'), '***.456.789-**');
    assert.equal(maskCpf('1234'), '****');
    assert.equal(maskCpf(''), '');
  });

  it('maskName keeps each initial and word length', () => {
    assert.equal(maskName('Luke Skywalker'), 'L*** S********');
    assert.equal(maskName('  Ana  Émília da Silva '), '  A**  É***** d* S**** ');
    assert.equal(maskName('X'), 'X');
    assert.equal(maskName(''), '');
  });

  it('maskDate keeps the shape and hides every digit', () => {
    assert.equal(maskDate('1990-05-12T00:00:00Z'), '****-**-**T**:**:**Z');
    assert.equal(maskDate('12/05/1990'), '**/**/****');
  });

  it('maskValue keeps only a length class', () => {
    assert.deepEqual(['', 'a', 'abcd', 'abcde', '12345678', '123456789', 'x'.repeat(16), 'x'.repeat(17), 'x'.repeat(500)].map(maskValue),
      ['', '****', '****', '********', '********', '************', '************', '****************', '****************']);
    assert.equal(maskValue('044589731564').includes('0'), false);
  });
});

describe('person document types', () => {
  it('knows the 17 documented types with a label each, and keeps an unknown one flagged', () => {
    assert.equal(DUI_TYPES.length, 17);
    for (const t of DUI_TYPES) assert.ok(duiTypeLabel(t), t);
    assert.equal(new Set(DUI_TYPES.map(duiTypeLabel)).size, 17);
    assert.equal(duiTypeLabel('DUI_TYPE_BR_CPF'), 'CPF (Brazil)');
    assert.equal(duiTypeLabel('DUI_TYPE_MARS_ID'), undefined);
    assert.deepEqual(unknownValues({ id: ID, person: { duiType: 'DUI_TYPE_AR_DNI' } }), []);
    assert.deepEqual(unknownValues({ id: ID, person: { duiType: 'DUI_TYPE_MARS_ID' } }), [{ path: 'person.duiType', value: 'DUI_TYPE_MARS_ID' }]);
  });
});
