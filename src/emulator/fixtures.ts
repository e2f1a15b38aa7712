/**
 * The fixture catalogue: every state, every result, every value of every capability result,
 * risk score present and absent, Serpro similarity, -1 and -2, CNH and RG documents with OCR
 * data, a reused document, bioTokenData, no services, the object form of `services`, unknown
 * enum values, a hostile process and unico's reference example. See also live.ts and faults.ts.
 */
import {
  authenticationInfo, capturedDocument, cnhData, envelope, person, processBody, rgData,
  type Capabilities, type Fixture, type Person, type ProcessFields, type SelfieType,
} from './fixtureParts';
import { HOSTILE_PROCESS, HOSTILE_PROCESS_ID } from './hostile';
import type { JsonObject, JsonValue } from './jwt';
import { REFERENCE_EXAMPLE, REFERENCE_EXAMPLE_ID } from './reference';

const ANA: Person = { cpf: '00000000191', name: 'Ana Exemplo Emulada' };
const BRUNO: Person = { cpf: '00000000272', name: 'Bruno Teste Fictício', channel: 'SMS' };
const CARLA: Person = { cpf: '00000000353', name: 'Carla Demonstração Exemplo', channel: 'EMAIL' };
const DIEGO: Person = { cpf: '00000000434', name: 'Diego Exemplo da Silva' };

const CAP = (...names: string[]): string[] => names.map((n) => `PROCESS_CAPACITY_${n}`);
const FINISHED = 'PROCESS_STATE_FINISHED';
const RESULT = (r: string): string => `PROCESS_RESULT_${r}`;

/** createdAt, finishedAt and expiresAt (7 days) on day `day` of March 2025. */
function times(day: number, finished = true): Pick<ProcessFields, 'createdAt' | 'finishedAt' | 'expiresAt'> {
  const d = String(day).padStart(2, '0');
  const e = String(day + 7).padStart(2, '0');
  return {
    createdAt: `2025-03-${d}T14:02:11.482913Z`,
    ...(finished ? { finishedAt: `2025-03-${d}T14:05:37.120455Z` } : {}),
    expiresAt: `2025-03-${e}T14:02:11.482913Z`,
  };
}

interface Spec extends Omit<ProcessFields, 'id' | 'auth' | 'createdAt' | 'finishedAt' | 'expiresAt'> {
  readonly day: number;
  readonly caps: Capabilities;
  /** Default: a JPEG for finished processes that did not expire; none otherwise. */
  readonly selfie?: SelfieType | null;
}

function fixture(id: string, title: string, description: string, spec: Spec): Fixture {
  const finished = spec.state === FINISHED;
  const usable = finished && spec.result !== RESULT('EXPIRED');
  const process = processBody({ ...spec, id, ...times(spec.day, finished), auth: authenticationInfo(`auth-${id.slice(0, 8)}`, spec.caps) });
  const selfie = spec.selfie === null ? undefined : (spec.selfie ?? (usable ? 'image/jpeg' : undefined));
  return { id, title, description, process, selfie, evidenceSet: usable };
}

const cnh = (docId: string, p: Person, checks = {}): JsonObject => capturedDocument(docId, 'CNH', cnhData(p, '04458973156'), checks);
const rg = (docId: string, p: Person, checks = {}): JsonObject => capturedDocument(docId, 'RG', rgData(p, '123456789'), checks);
const services = (...docs: JsonObject[]): JsonValue => [envelope('e9b7d39c-66b3-421c-a5b0-aefc119bac06', docs)];
const bioTokenData = (ref: string): JsonObject => ({ referenceProcessId: ref, authenticationId: `auth-${ref.slice(0, 8)}` });

export const STATIC_FIXTURES: readonly Fixture[] = [
  {
    id: REFERENCE_EXAMPLE_ID,
    title: 'Reference example',
    description: "unico's Get Process example response, verbatim (only signed_url is the emulator's).",
    process: REFERENCE_EXAMPLE,
    selfie: 'image/png',
    evidenceSet: true,
  },
  fixture('c805fbe8-8c64-4080-a67b-8ce2add47a51', 'Finished OK with a CNH', 'All checks passed; CNH with OCR data; Serpro similarity 98.1; risk score disabled (no score).', {
    flow: 'idunicodocs', state: FINISHED, result: RESULT('OK'), day: 10, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'), person: person(ANA),
    caps: { liveness: 'LIVE', authentication: 'POSITIVE', scoreEnabled: 'FALSE', serpro: 98.1 }, services: services(cnh('doc-cnh-000001', ANA)),
  }),
  fixture('2d45553d-23cf-4e63-8c7e-5180625cc111', 'Finished OK with a CNH and a reused RG', 'Two documents with OCR data, the RG reused from an earlier process; Serpro -1 (no face on file); PNG selfie.', {
    flow: 'idunicodocs', state: FINISHED, result: RESULT('OK'), day: 11, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'), person: person(BRUNO), selfie: 'image/png',
    caps: { liveness: 'LIVE', authentication: 'POSITIVE', serpro: -1 }, services: services(cnh('doc-cnh-000002', BRUNO), rg('doc-rg-000003', BRUNO, { reused: true })),
  }),
  fixture('fe3ea96a-9c63-4416-9638-6a2e84116fcb', 'Inconclusive identity with a risk score', 'Authentication inconclusive, risk score enabled with score -42, fraud check inconclusive, ID age inconclusive; no Serpro result.', {
    flow: 'idcheck', state: FINISHED, result: RESULT('OK'), day: 12, capacities: CAP('IDLIVE', 'IDUNICO', 'IDCHECK'), person: person(CARLA),
    caps: { liveness: 'LIVE', authentication: 'INCONCLUSIVE', fraudsters: 'INCONCLUSIVE', idAge: 'INCONCLUSIVE', scoreEnabled: 'TRUE', score: -42 }, services: [],
  }),
  fixture('33e8465c-2db5-4596-82e2-532c89d03544', 'Risk score enabled, no score', 'Authentication positive, so the enabled risk score carries no score (documented: only when inconclusive).', {
    flow: 'idcheck', state: FINISHED, result: RESULT('OK'), day: 13, capacities: CAP('IDLIVE', 'IDUNICO', 'IDCHECK'), person: person(DIEGO),
    caps: { liveness: 'LIVE', authentication: 'POSITIVE', scoreEnabled: 'TRUE', serpro: 88 }, services: [],
  }),
  fixture('3c21fcf7-b8b3-428c-9fe3-d38c3b8e0dbe', 'Invalid identity: known fraudster', 'Identity negative, fraud list match (TRUST_RESULT_YES), risk score -87; the CNH failed CPF match and validation.', {
    flow: 'idunicodocs', state: FINISHED, result: RESULT('INVALID_IDENTITY'), day: 14, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'), person: person(DIEGO),
    caps: { liveness: 'LIVE', authentication: 'NEGATIVE', fraudsters: 'YES', scoreEnabled: 'TRUE', score: -87, serpro: 12.5 },
    services: services(cnh('doc-cnh-000004', ANA, { cpfMatch: false, faceMatch: false, validateDoc: false })),
  }),
  fixture('aec0c9f8-2dae-48b5-95d2-eebd14c00e47', 'Invalid identity: not live', 'Liveness failed (LIVENESS_RESULT_NOT_LIVE), so nothing else ran.', {
    flow: 'idlive', state: FINISHED, result: RESULT('INVALID_IDENTITY'), day: 15, capacities: CAP('IDLIVE'), person: person(ANA),
    caps: { liveness: 'NOT_LIVE' }, services: [],
  }),
  fixture('4645da1b-a9dc-401b-9f8d-a5fcf01231b8', 'Result error, Serpro integration error', 'PROCESS_RESULT_ERROR; Serpro score -2 (integration error).', {
    flow: 'idcheck', state: FINISHED, result: RESULT('ERROR'), day: 16, capacities: CAP('IDLIVE', 'IDUNICO', 'IDCHECK'), person: person(BRUNO),
    caps: { liveness: 'LIVE', serpro: -2 }, services: [],
  }),
  fixture('1d57dc37-c74d-4cd2-b364-06bc5282198b', 'Expired', 'The journey was never completed: PROCESS_RESULT_EXPIRED, every capability unspecified; no selfie, no evidence set.', {
    flow: 'idunicodocs', state: FINISHED, result: RESULT('EXPIRED'), day: 3, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'), person: person(CARLA),
    caps: {}, services: [],
  }),
  fixture('38d483d8-2fc3-41cc-b879-2f2f4b187e20', 'Created, waiting for the user', 'PROCESS_STATE_CREATED: no finishedAt, result unspecified, no selfie or evidence set yet.', {
    flow: 'idunicodocs', state: 'PROCESS_STATE_CREATED', result: RESULT('UNSPECIFIED'), day: 20, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'), person: person(ANA),
    caps: {}, services: [],
  }),
  fixture('1f18d904-d17c-4a69-9745-16d5528d4d46', 'Awaiting a document', 'AWAITING_FOR_DOCUMENT (no PROCESS_STATE_ prefix): created without a CPF, waiting for Set Process Document.', {
    flow: 'idunicodocs', state: 'AWAITING_FOR_DOCUMENT', result: RESULT('UNSPECIFIED'), day: 21, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'),
    person: { duiType: 'DUI_TYPE_UNSPECIFIED', duiValue: '', friendlyName: '', notifications: [] }, caps: {}, services: [],
  }),
  {
    id: '33021739-92f3-4978-9a5a-d281894ce0cd',
    title: 'Failed (sparse)',
    description: 'PROCESS_STATE_FAILED with most fields absent: no person, authenticationInfo, services or finishedAt.',
    process: { id: '33021739-92f3-4978-9a5a-d281894ce0cd', flow: 'idlive', state: 'PROCESS_STATE_FAILED', result: RESULT('UNSPECIFIED'), createdAt: '2025-03-04T09:00:00.000001Z', expiresAt: '2025-03-11T09:00:00.000001Z' },
    selfie: undefined,
    evidenceSet: false,
  },
  fixture('c284d410-cf6a-4d05-ab30-3e156ac12974', '1:1 validation (bioToken), no services', 'BIO_TOKEN_ENGINE_RESULT_POSITIVE against a reference process; bioTokenData present; no services field at all.', {
    flow: 'idtoken', state: FINISHED, result: RESULT('OK'), day: 17, capacities: CAP('IDLIVE', 'IDTOKEN'), person: person(BRUNO),
    caps: { liveness: 'LIVE', bioToken: 'POSITIVE' }, bioTokenData: bioTokenData('c805fbe8-8c64-4080-a67b-8ce2add47a51'),
  }),
  fixture('8975d3ed-791a-4278-b23c-7aea250b7442', 'Smart Revalidation positive', 'SMART_REVALIDATION_RESULT_POSITIVE; no selfie (unico gives none for Smart Revalidation).', {
    flow: 'idsmart', useCase: 'USE_CASE_LOGIN', state: FINISHED, result: RESULT('OK'), day: 18, capacities: CAP('IDSMART'), person: person(ANA), selfie: null,
    caps: { smartRevalidation: 'POSITIVE' }, bioTokenData: bioTokenData('c805fbe8-8c64-4080-a67b-8ce2add47a51'), services: [],
  }),
  fixture('49ef26e9-a499-402b-9b37-53114c05086b', 'Smart Revalidation and 1:1 negative', 'SMART_REVALIDATION_RESULT_NEGATIVE and BIO_TOKEN_ENGINE_RESULT_NEGATIVE: not the same person as the reference process.', {
    flow: 'idsmart', useCase: 'USE_CASE_LOGIN', state: FINISHED, result: RESULT('INVALID_IDENTITY'), day: 19, capacities: CAP('IDSMART', 'IDTOKEN'), person: person(CARLA), selfie: null,
    caps: { smartRevalidation: 'NEGATIVE', bioToken: 'NEGATIVE' }, bioTokenData: bioTokenData('2d45553d-23cf-4e63-8c7e-5180625cc111'), services: [],
  }),
  fixture('f9747f75-2cfa-40b7-8163-17e91c067b86', 'Age verification positive', 'ID_AGE_RESULT_POSITIVE: old enough.', {
    flow: 'idage', purpose: 'ageverification', state: FINISHED, result: RESULT('OK'), day: 22, capacities: CAP('IDLIVE', 'IDAGE'), person: person(DIEGO),
    caps: { liveness: 'LIVE', idAge: 'POSITIVE' }, services: [],
  }),
  fixture('6ec14f84-e434-40b8-adec-25e919d9df1b', 'Age verification negative', 'ID_AGE_RESULT_NEGATIVE: too young.', {
    flow: 'idage', state: FINISHED, result: RESULT('INVALID_IDENTITY'), day: 23, capacities: CAP('IDLIVE', 'IDAGE'), person: person(ANA),
    caps: { liveness: 'LIVE', idAge: 'NEGATIVE' }, services: [],
  }),
  fixture('f981d8c8-5584-4e1c-8344-19ea8b2262c2', 'Unknown enum values', 'A state, result, liveness, capacity and channel this product has never seen, and an undocumented field: kept, flagged, never a crash.', {
    flow: 'idlive', state: 'PROCESS_STATE_ON_HOLD', result: 'PROCESS_RESULT_UNDER_REVIEW', day: 24, capacities: [...CAP('IDLIVE'), 'PROCESS_CAPACITY_IDVOICE'],
    person: person({ ...BRUNO, channel: 'TELEGRAM' }), caps: { liveness: 'SPOOF_SUSPECTED', authentication: 'PENDING_REVIEW' }, services: [],
    extra: { riskAssessment: { level: 'RISK_LEVEL_MEDIUM', reasons: ['DEVICE_EMULATOR_DETECTED'] } },
  }),
  {
    id: HOSTILE_PROCESS_ID,
    title: 'Hostile strings',
    description: 'Every string is an HTML, script, javascript: URL or markdown command-link payload: must render as inert text.',
    process: HOSTILE_PROCESS,
    selfie: 'image/png',
    evidenceSet: true,
  },
  fixture('37f0558f-0ce7-431e-a114-c14aa6577797', 'Services in the object form', 'services as {"docs": {"documents": [...]}}, the shape one unico page shows instead of the array.', {
    flow: 'idunicodocs', state: FINISHED, result: RESULT('OK'), day: 25, capacities: CAP('IDLIVE', 'IDUNICO', 'IDDOCS'), person: person(CARLA),
    caps: { liveness: 'LIVE', authentication: 'POSITIVE', serpro: 95 }, services: { docs: { documents: [rg('doc-rg-000005', CARLA)] } },
  }),
];
