/**
 * Each capability of authenticationInfo as a row: its verbatim value, its outcome and its
 * plain-language meaning. Every meaning carries its source (src/core/sources.ts): the Get Process
 * reference or the unico page that explains the value; where unico explains nothing, the meaning
 * says "Not documented by unico". An *_UNSPECIFIED value means "not used in this flow" only on a
 * finished process: on an unfinished or expired one the journey never ran that step.
 * Pure; English literals localised by the editor.
 */
import {
  AUTHENTICATION_RESULTS, BIO_TOKEN_ENGINE_RESULTS, ID_AGE_RESULTS, LIVENESS_RESULTS,
  SCORE_ENABLED, SMART_REVALIDATION_RESULTS, TRUST_RESULTS,
} from './enums';
import { l10n } from './l10n';
import type { Process } from './schema';
import { SOURCES, type Source } from './sources';

export type Outcome = 'positive' | 'negative' | 'inconclusive' | 'notUsed' | 'info' | 'unknown';

export interface CapabilityRow {
  /** Path inside authenticationInfo, e.g. "livenessResult", "scoreEngineResult.score". */
  field: string;
  capability: string;
  /** Verbatim ('' for a risk score that was expected but not returned). */
  value: string;
  known: boolean;
  outcome: Outcome;
  meaning: string;
  /** The address of the page (or reference) the meaning comes from. */
  source: Source;
}

type AuthenticationInfo = NonNullable<Process['authenticationInfo']>;
export interface Meaning {
  readonly outcome: Outcome;
  readonly meaning: string;
  readonly source: Source;
}
interface EnumCapability {
  readonly field: string;
  readonly capability: string;
  readonly prefix: string;
  readonly read: (a: AuthenticationInfo) => string | undefined;
  /** Every documented value but *_UNSPECIFIED, whose meaning depends on the process's state. */
  readonly values: Readonly<Record<string, Meaning>>;
}

const UNDOCUMENTED: Meaning = { outcome: 'unknown', meaning: l10n.t('Not in the documented API'), source: SOURCES.getProcess };

/** `Record<every documented value but UNSPECIFIED, …>`: the compiler insists each value of enums.ts has a meaning. */
function meanings<T extends string>(_known: readonly T[], values: Readonly<Record<Exclude<T, `${string}_UNSPECIFIED`>, Meaning>>): Readonly<Record<string, Meaning>> {
  return values;
}

const m = (outcome: Outcome, meaning: string, source: Source): Meaning => ({ outcome, meaning, source });

const ENUM_CAPABILITIES: readonly EnumCapability[] = [
  {
    field: 'livenessResult', capability: l10n.t('Liveness'), prefix: 'LIVENESS_RESULT_', read: (a) => a.livenessResult,
    values: meanings(LIVENESS_RESULTS, {
      LIVENESS_RESULT_LIVE: m('positive', l10n.t('The user was alive at the moment the selfie was captured'), SOURCES.capabilities),
      LIVENESS_RESULT_NOT_LIVE: m('negative', l10n.t('The user was not alive at the moment the selfie was captured'), SOURCES.capabilities),
    }),
  },
  {
    field: 'authenticationResult', capability: l10n.t('Identity verification'), prefix: 'AUTHENTICATION_RESULT_', read: (a) => a.authenticationResult,
    values: meanings(AUTHENTICATION_RESULTS, {
      AUTHENTICATION_RESULT_POSITIVE: m('positive', l10n.t('The face belongs to the holder of the government identifier (CPF)'), SOURCES.identityVerification),
      AUTHENTICATION_RESULT_NEGATIVE: m('negative', l10n.t('The face does not belong to the holder of the government identifier (CPF)'), SOURCES.identityVerification),
      AUTHENTICATION_RESULT_INCONCLUSIVE: m('inconclusive', l10n.t('Insufficient evidence to decide whether the face belongs to the holder of the government identifier'), SOURCES.identityVerification),
    }),
  },
  {
    field: 'identityFraudstersResult', capability: l10n.t('Risk fraud classification'), prefix: 'TRUST_RESULT_', read: (a) => a.identityFraudstersResult,
    values: meanings(TRUST_RESULTS, {
      TRUST_RESULT_YES: m('negative', l10n.t('The face has been involved in fraudulent identity transactions'), SOURCES.capabilities),
      TRUST_RESULT_INCONCLUSIVE: m('inconclusive', l10n.t('Insufficient evidence that the face was involved in fraudulent transactions in unico\'s database'), SOURCES.capabilities),
    }),
  },
  {
    field: 'bioTokenEngineResult', capability: l10n.t('1:1 validation'), prefix: 'BIO_TOKEN_ENGINE_RESULT_', read: (a) => a.bioTokenEngineResult,
    values: meanings(BIO_TOKEN_ENGINE_RESULTS, {
      BIO_TOKEN_ENGINE_RESULT_POSITIVE: m('positive', l10n.t('The face is the same one used in the reference process'), SOURCES.catalog),
      BIO_TOKEN_ENGINE_RESULT_NEGATIVE: m('negative', l10n.t('The face is not the same one used in the reference process'), SOURCES.catalog),
    }),
  },
  {
    field: 'smartRevalidationResult', capability: l10n.t('Smart revalidation'), prefix: 'SMART_REVALIDATION_RESULT_', read: (a) => a.smartRevalidationResult,
    values: meanings(SMART_REVALIDATION_RESULTS, {
      SMART_REVALIDATION_RESULT_POSITIVE: m('positive', l10n.t('The user matches the reference process'), SOURCES.smartRevalidation),
      SMART_REVALIDATION_RESULT_NEGATIVE: m('negative', l10n.t('The user does not match the reference process'), SOURCES.smartRevalidation),
    }),
  },
  {
    field: 'idAgeResult', capability: l10n.t('Age verification'), prefix: 'ID_AGE_RESULT_', read: (a) => a.idAgeResult,
    values: meanings(ID_AGE_RESULTS, {
      ID_AGE_RESULT_POSITIVE: m('positive', l10n.t('The user meets the minimum required age'), SOURCES.ageVerification),
      ID_AGE_RESULT_NEGATIVE: m('negative', l10n.t('The user does not meet the minimum required age'), SOURCES.ageVerification),
      ID_AGE_RESULT_INCONCLUSIVE: m('inconclusive', l10n.t('Inconclusive: not documented by unico'), SOURCES.getProcess),
    }),
  },
  {
    field: 'scoreEngineResult.scoreEnabled', capability: l10n.t('Risk score'), prefix: 'SCORE_ENABLED_', read: (a) => a.scoreEngineResult?.scoreEnabled,
    values: meanings(SCORE_ENABLED, {
      SCORE_ENABLED_TRUE: m('info', l10n.t('Risk score enabled: a score comes when identity verification is inconclusive'), SOURCES.getProcess),
      SCORE_ENABLED_FALSE: m('info', l10n.t('Risk score not enabled'), SOURCES.getProcess),
    }),
  },
];

const FINISHED = 'PROCESS_STATE_FINISHED';

/**
 * What *_UNSPECIFIED means depends on the process: the reference says capabilities not used in the
 * flow return UNSPECIFIED, and that the result is UNSPECIFIED until the process finishes.
 */
export function unspecifiedMeaning(p: Pick<Process, 'state' | 'result'>): Meaning {
  const result = p.result ?? '';
  if (result === 'PROCESS_RESULT_EXPIRED' || result === 'EXPIRED') {
    return m('notUsed', l10n.t('No answer: the process expired before the journey was completed'), SOURCES.getProcess);
  }
  if (p.state === FINISHED && result !== '' && result !== 'PROCESS_RESULT_UNSPECIFIED') {
    return m('notUsed', l10n.t('Not used in this flow'), SOURCES.getProcess);
  }
  if (p.state === 'PROCESS_STATE_FAILED') return m('notUsed', l10n.t('No answer: the process failed (processing error)'), SOURCES.getProcess);
  return m('notUsed', l10n.t('No answer yet: the process has not finished'), SOURCES.getProcess);
}

/** Documented value (or its shorthand without the prefix, e.g. "LIVE") → meaning; UNSPECIFIED by state. */
function lookUp(spec: EnumCapability, value: string, p: Pick<Process, 'state' | 'result'>): Meaning | undefined {
  const full = value.startsWith(spec.prefix) ? value : spec.prefix + value;
  if (full === `${spec.prefix}UNSPECIFIED`) return unspecifiedMeaning(p);
  return spec.values[full];
}

/** `value` is `full`, or its shorthand without `prefix`. */
function is(value: string | undefined, full: string, prefix: string): boolean {
  return value === full || (value !== undefined && prefix + value === full);
}

/** unico's five bands for the risk score, with its recommendation for each (SOURCES.riskScore). */
export function riskScoreMeaning(score: number): Meaning & { known: boolean } {
  const band = (outcome: Outcome, meaning: string): Meaning & { known: boolean } => ({ known: true, ...m(outcome, meaning, SOURCES.riskScore) });
  if (!(score >= -100 && score <= 100)) return { known: false, ...m('unknown', l10n.t('Outside the documented range (-100 to +100)'), SOURCES.riskScore) };
  if (score <= -40) return band('negative', l10n.t('Strong negative (-100 to -40): unico recommends denying the registration'));
  if (score < 0) return band('inconclusive', l10n.t('Moderate negative (-39 to -1): unico recommends assessing the risks before deciding'));
  if (score === 0) return band('inconclusive', l10n.t('Neutral (0): a capture error, not a risk verdict; unico recommends a new capture'));
  if (score < 50) return band('inconclusive', l10n.t('Moderate positive (+1 to +49): unico recommends assessing the risks before deciding'));
  return band('positive', l10n.t('Strong positive (+50 to +100): unico recommends approving the registration'));
}

export function serproMeaning(score: number): Meaning & { known: boolean } {
  const known = (outcome: Outcome, meaning: string): Meaning & { known: boolean } => ({ known: true, ...m(outcome, meaning, SOURCES.getProcess) });
  if (score === -1) return known('inconclusive', l10n.t('No face on file for this CPF'));
  if (score === -2) return known('inconclusive', l10n.t('Integration error'));
  if (score >= 0 && score <= 100) return known('info', l10n.t('Similarity with the face on file for this CPF (0 to 100)'));
  return { known: false, ...m('unknown', l10n.t('Outside the documented values (-2, -1, 0 to 100)'), SOURCES.getProcess) };
}

/** A risk score that was expected (enabled, identity inconclusive) but not returned. */
export const SCORE_NOT_GENERATED: Meaning = m('inconclusive', l10n.t('No risk score was returned: it could not be generated'), SOURCES.responseScenarios);

/** Every fixed meaning of the tables above (for the source-table test and the translation bundle). */
export function allMeanings(): Meaning[] {
  const states = ['PROCESS_STATE_FINISHED', 'PROCESS_STATE_CREATED', 'PROCESS_STATE_FAILED'];
  return [
    ...ENUM_CAPABILITIES.flatMap((spec) => Object.values(spec.values)),
    ...states.map((state) => unspecifiedMeaning({ state, result: state === FINISHED ? 'PROCESS_RESULT_OK' : undefined })),
    unspecifiedMeaning({ state: FINISHED, result: 'PROCESS_RESULT_EXPIRED' }),
    ...[-100, -10, 0, 10, 100, 200].map(riskScoreMeaning),
    ...[-2, -1, 50, 200].map(serproMeaning),
    SCORE_NOT_GENERATED, UNDOCUMENTED,
  ];
}

const DOCUMENTED_FIELDS: ReadonlySet<string> = new Set([
  'authenticationId', 'livenessResult', 'authenticationResult', 'identityFraudstersResult', 'bioTokenEngineResult',
  'smartRevalidationResult', 'idAgeResult', 'scoreEngineResult', 'serproResult',
]);

/** String fields of authenticationInfo the reference does not list (e.g. faceWithOtherIdResult). */
function undocumentedFields(info: AuthenticationInfo): [string, string][] {
  return Object.entries(info).flatMap(([k, v]): [string, string][] =>
    !DOCUMENTED_FIELDS.has(k) && typeof v === 'string' && v !== '' ? [[k, v]] : []);
}

/** One row per capability result present in authenticationInfo, in the reference's order. */
export function capabilityRows(p: Process): CapabilityRow[] {
  const info = p.authenticationInfo;
  if (!info) return [];
  const rows: CapabilityRow[] = [];
  for (const spec of ENUM_CAPABILITIES) {
    const value = spec.read(info);
    if (value === undefined || value === '') continue;
    const meaning = lookUp(spec, value, p);
    rows.push({ field: spec.field, capability: spec.capability, value, known: meaning !== undefined, ...(meaning ?? UNDOCUMENTED) });
  }
  const score = info.scoreEngineResult?.score;
  if (score !== undefined) {
    rows.push({ field: 'scoreEngineResult.score', capability: l10n.t('Risk score'), value: String(score), ...riskScoreMeaning(score) });
  } else if (
    is(info.scoreEngineResult?.scoreEnabled, 'SCORE_ENABLED_TRUE', 'SCORE_ENABLED_') &&
    is(info.authenticationResult, 'AUTHENTICATION_RESULT_INCONCLUSIVE', 'AUTHENTICATION_RESULT_')
  ) {
    rows.push({ field: 'scoreEngineResult.score', capability: l10n.t('Risk score'), value: '', known: true, ...SCORE_NOT_GENERATED });
  }
  const serpro = info.serproResult?.score;
  if (serpro !== undefined) {
    rows.push({ field: 'serproResult.score', capability: l10n.t('Serpro similarity'), value: String(serpro), ...serproMeaning(serpro) });
  }
  for (const [field, value] of undocumentedFields(info)) {
    rows.push({ field, capability: field, value, known: false, ...UNDOCUMENTED });
  }
  return rows;
}

/** authenticationInfo's enum values the reference does not list, and its undocumented fields. */
export function unknownCapabilityValues(info: AuthenticationInfo): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  for (const spec of ENUM_CAPABILITIES) {
    const value = spec.read(info);
    if (value !== undefined && value !== '' && lookUp(spec, value, {}) === undefined) out.push({ path: `authenticationInfo.${spec.field}`, value });
  }
  for (const [field, value] of undocumentedFields(info)) if (value !== '') out.push({ path: `authenticationInfo.${field}`, value });
  return out;
}
