/**
 * Builders for fixture processes in the shape of unico's real responses (devcenter examples):
 * `PROCESS_CAPACITY_*`, `NOTIFICATION_CHANNEL_*`, `purpose: "creditprocess"`, `companyData`
 * with `countryCode: "BRA"`, empty strings for unset fields, microsecond timestamps. Every
 * capability field is always present (unused ones are `*_UNSPECIFIED`), as unico documents.
 * People are obviously fake: CPFs 000.000.00x-xx, names that say "Exemplo".
 */
import type { JsonObject, JsonValue } from './jwt';

export type SelfieType = 'image/jpeg' | 'image/png';

export interface Fixture {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The `process` object; its documents' `signed_url` is replaced at each GET. */
  readonly process: JsonObject;
  /** Get Selfie's content type; undefined → 404 (no selfie for this process). */
  readonly selfie: SelfieType | undefined;
  /** Whether Get Evidence Set has a file (finished processes only). */
  readonly evidenceSet: boolean;
}

/** Per-capability results, by the enum suffix (LIVE, POSITIVE, …); omitted → UNSPECIFIED. */
export interface Capabilities {
  readonly liveness?: string;
  readonly authentication?: string;
  readonly fraudsters?: string;
  readonly bioToken?: string;
  readonly smartRevalidation?: string;
  readonly idAge?: string;
  readonly scoreEnabled?: string;
  readonly score?: number;
  readonly serpro?: number;
}

export function authenticationInfo(authenticationId: string, c: Capabilities): JsonObject {
  const scoreEngineResult: JsonObject = { scoreEnabled: `SCORE_ENABLED_${c.scoreEnabled ?? 'UNSPECIFIED'}` };
  if (c.score !== undefined) scoreEngineResult.score = c.score;
  const info: JsonObject = {
    authenticationId,
    livenessResult: `LIVENESS_RESULT_${c.liveness ?? 'UNSPECIFIED'}`,
    authenticationResult: `AUTHENTICATION_RESULT_${c.authentication ?? 'UNSPECIFIED'}`,
    identityFraudstersResult: `TRUST_RESULT_${c.fraudsters ?? 'UNSPECIFIED'}`,
    bioTokenEngineResult: `BIO_TOKEN_ENGINE_RESULT_${c.bioToken ?? 'UNSPECIFIED'}`,
    smartRevalidationResult: `SMART_REVALIDATION_RESULT_${c.smartRevalidation ?? 'UNSPECIFIED'}`,
    idAgeResult: `ID_AGE_RESULT_${c.idAge ?? 'UNSPECIFIED'}`,
    scoreEngineResult,
  };
  if (c.serpro !== undefined) info.serproResult = { score: c.serpro };
  return info;
}

export interface Person {
  readonly cpf: string;
  readonly name: string;
  readonly channel?: string;
}

export function person(p: Person): JsonObject {
  return {
    duiType: 'DUI_TYPE_BR_CPF',
    duiValue: p.cpf,
    friendlyName: p.name,
    notifications: [{ notificationChannel: `NOTIFICATION_CHANNEL_${p.channel ?? 'WHATSAPP'}` }],
  };
}

export interface ProcessFields {
  readonly id: string;
  readonly flow: string;
  readonly state: string;
  readonly result: string;
  readonly createdAt: string;
  /** Omitted for unfinished processes. */
  readonly finishedAt?: string;
  readonly expiresAt: string;
  readonly capacities: readonly string[];
  readonly person: JsonObject;
  readonly auth: JsonObject;
  readonly services?: JsonValue;
  readonly bioTokenData?: JsonObject;
  readonly useCase?: string;
  /** Default `creditprocess`. */
  readonly purpose?: string;
  /** Fields beyond the documented ones, appended as they are. */
  readonly extra?: JsonObject;
}

export function processBody(f: ProcessFields): JsonObject {
  const body: JsonObject = {
    id: f.id,
    flow: f.flow,
    callbackUri: 'https://app.example.com/idcloud/callback',
    userRedirectUrl: `https://journey.example.com/p/${f.id}`,
    state: f.state,
    result: f.result,
    createdAt: f.createdAt,
  };
  if (f.finishedAt !== undefined) body.finishedAt = f.finishedAt;
  Object.assign(body, {
    expiresAt: f.expiresAt,
    purpose: f.purpose ?? 'creditprocess',
    clientReference: `emulator-${f.id.slice(0, 8)}`,
    useCase: f.useCase ?? '',
    capacities: [...f.capacities],
    token: '',
    person: f.person,
    authenticationInfo: f.auth,
    company: { code: 'emulator-demo', friendlyName: 'Empresa Exemplo do Emulador', logoUrl: '' },
    companyData: { branchId: '', countryCode: 'BRA' },
  });
  if (f.bioTokenData !== undefined) body.bioTokenData = f.bioTokenData;
  if (f.services !== undefined) body.services = f.services;
  return { ...body, ...f.extra };
}

export interface DocumentChecks {
  readonly typified?: boolean;
  readonly cpfMatch?: boolean;
  readonly faceMatch?: boolean;
  readonly validateDoc?: boolean;
  readonly reused?: boolean;
}

export function capturedDocument(docId: string, code: string, data: JsonObject, checks: DocumentChecks = {}): JsonObject {
  return {
    doc_id: docId,
    typified: checks.typified ?? true,
    cpf_match: checks.cpfMatch ?? true,
    face_match: checks.faceMatch ?? true,
    validate_doc: checks.validateDoc ?? true,
    reused_doc: checks.reused ?? false,
    signed_url: '',
    doc: { version: 1, code, data },
  };
}

export function cnhData(p: Person, numero: string): JsonObject {
  return {
    numero,
    cpfNumero: p.cpf,
    nomeCivil: p.name,
    dataNascimento: '1990-05-12T00:00:00Z',
    dataPrimeiraHabilitacao: '2010-08-03T00:00:00Z',
    dataExpiracao: '2031-12-07T00:00:00Z',
    categoria: 'AB',
    filiacao: ['Mãe Exemplo Fictícia', 'Pai Exemplo Fictício'],
    localEmissao: 'SAO PAULO, SP',
  };
}

export function rgData(p: Person, numero: string): JsonObject {
  return {
    numero,
    cpfNumero: p.cpf,
    nomeCivil: p.name,
    dataNascimento: '1987-11-30T00:00:00Z',
    dataExpedicao: '2015-02-19T00:00:00Z',
    orgaoEmissor: 'SSP',
    ufEmissor: 'SP',
    nomeMae: 'Mãe Exemplo Fictícia',
    nomePai: 'Pai Exemplo Fictício',
    naturalidade: 'CAMPINAS-SP',
  };
}

/** One signed envelope with the given documents. */
export function envelope(envelopeId: string, documents: readonly JsonObject[]): JsonObject {
  return {
    envelopeId,
    documentIds: documents.map((d) => d.doc_id ?? ''),
    consent_granted: true,
    documents: [...documents],
  };
}
