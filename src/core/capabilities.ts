/**
 * Each capability of authenticationInfo as a row: its verbatim value, its outcome and its
 * plain-language meaning from the Get Process reference tables (Serpro -1/-2, risk score
 * -100..100, *_UNSPECIFIED = not used in this flow). Pure; English literals localised by the editor.
 */
import {
  AUTHENTICATION_RESULTS, BIO_TOKEN_ENGINE_RESULTS, ID_AGE_RESULTS, LIVENESS_RESULTS,
  SCORE_ENABLED, SMART_REVALIDATION_RESULTS, TRUST_RESULTS,
} from './enums';
import { l10n } from './l10n';
import type { Process } from './schema';

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
}

type AuthenticationInfo = NonNullable<Process['authenticationInfo']>;
interface Meaning {
  readonly outcome: Outcome;
  readonly meaning: string;
}
interface EnumCapability {
  readonly field: string;
  readonly capability: string;
  readonly prefix: string;
  readonly read: (a: AuthenticationInfo) => string | undefined;
  readonly values: Readonly<Record<string, Meaning>>;
}

const NOT_USED: Meaning = { outcome: 'notUsed', meaning: l10n.t('Not used in this flow') };
const UNDOCUMENTED: Meaning = { outcome: 'unknown', meaning: l10n.t('Not in the documented API') };

/** `Record<every documented value, …>`: the compiler insists each value of enums.ts has a meaning. */
function meanings<T extends string>(_known: readonly T[], values: Readonly<Record<T, Meaning>>): Readonly<Record<string, Meaning>> {
  return values;
}

const ENUM_CAPABILITIES: readonly EnumCapability[] = [
  {
    field: 'livenessResult', capability: l10n.t('Liveness'), prefix: 'LIVENESS_RESULT_', read: (a) => a.livenessResult,
    values: meanings(LIVENESS_RESULTS, {
      LIVENESS_RESULT_LIVE: { outcome: 'positive', meaning: l10n.t('A live person was in front of the camera') },
      LIVENESS_RESULT_NOT_LIVE: { outcome: 'negative', meaning: l10n.t('Not a live person (possible spoofing attempt)') },
      LIVENESS_RESULT_UNSPECIFIED: NOT_USED,
    }),
  },
  {
    field: 'authenticationResult', capability: l10n.t('Identity verification'), prefix: 'AUTHENTICATION_RESULT_', read: (a) => a.authenticationResult,
    values: meanings(AUTHENTICATION_RESULTS, {
      AUTHENTICATION_RESULT_POSITIVE: { outcome: 'positive', meaning: l10n.t('The face belongs to the holder of the document number') },
      AUTHENTICATION_RESULT_NEGATIVE: { outcome: 'negative', meaning: l10n.t('The face does not belong to the holder of the document number') },
      AUTHENTICATION_RESULT_INCONCLUSIVE: { outcome: 'inconclusive', meaning: l10n.t('Not enough evidence to tell whether the face belongs to the holder') },
      AUTHENTICATION_RESULT_UNSPECIFIED: NOT_USED,
    }),
  },
  {
    field: 'identityFraudstersResult', capability: l10n.t('Risk fraud classification'), prefix: 'TRUST_RESULT_', read: (a) => a.identityFraudstersResult,
    values: meanings(TRUST_RESULTS, {
      TRUST_RESULT_YES: { outcome: 'negative', meaning: l10n.t('Signs of fraud associated with this face') },
      TRUST_RESULT_INCONCLUSIVE: { outcome: 'inconclusive', meaning: l10n.t('No signs of fraud associated with this face (not a confirmation that there is no risk)') },
      TRUST_RESULT_UNSPECIFIED: NOT_USED,
    }),
  },
  {
    field: 'bioTokenEngineResult', capability: l10n.t('1:1 validation'), prefix: 'BIO_TOKEN_ENGINE_RESULT_', read: (a) => a.bioTokenEngineResult,
    values: meanings(BIO_TOKEN_ENGINE_RESULTS, {
      BIO_TOKEN_ENGINE_RESULT_POSITIVE: { outcome: 'positive', meaning: l10n.t('Same person as in the reference process') },
      BIO_TOKEN_ENGINE_RESULT_NEGATIVE: { outcome: 'negative', meaning: l10n.t('Not the same person as in the reference process') },
      BIO_TOKEN_ENGINE_RESULT_UNSPECIFIED: NOT_USED,
    }),
  },
  {
    field: 'smartRevalidationResult', capability: l10n.t('Smart revalidation'), prefix: 'SMART_REVALIDATION_RESULT_', read: (a) => a.smartRevalidationResult,
    values: meanings(SMART_REVALIDATION_RESULTS, {
      SMART_REVALIDATION_RESULT_POSITIVE: { outcome: 'positive', meaning: l10n.t('The person was revalidated') },
      SMART_REVALIDATION_RESULT_NEGATIVE: { outcome: 'negative', meaning: l10n.t('The person could not be revalidated') },
      SMART_REVALIDATION_RESULT_UNSPECIFIED: NOT_USED,
    }),
  },
  {
    field: 'idAgeResult', capability: l10n.t('Age verification'), prefix: 'ID_AGE_RESULT_', read: (a) => a.idAgeResult,
    values: meanings(ID_AGE_RESULTS, {
      ID_AGE_RESULT_POSITIVE: { outcome: 'positive', meaning: l10n.t('The age requirement is met') },
      ID_AGE_RESULT_NEGATIVE: { outcome: 'negative', meaning: l10n.t('The age requirement is not met') },
      ID_AGE_RESULT_INCONCLUSIVE: { outcome: 'inconclusive', meaning: l10n.t('The age could not be determined') },
      ID_AGE_RESULT_UNSPECIFIED: NOT_USED,
    }),
  },
  {
    field: 'scoreEngineResult.scoreEnabled', capability: l10n.t('Risk score'), prefix: 'SCORE_ENABLED_', read: (a) => a.scoreEngineResult?.scoreEnabled,
    values: meanings(SCORE_ENABLED, {
      SCORE_ENABLED_TRUE: { outcome: 'info', meaning: l10n.t('Risk score enabled: a score comes with an inconclusive identity verification') },
      SCORE_ENABLED_FALSE: { outcome: 'info', meaning: l10n.t('Risk score disabled') },
      SCORE_ENABLED_UNSPECIFIED: NOT_USED,
    }),
  },
];

/** Documented value (or its shorthand without the prefix, e.g. "LIVE") → meaning. */
function lookUp(spec: EnumCapability, value: string): Meaning | undefined {
  return spec.values[value] ?? spec.values[spec.prefix + value];
}

/** `value` is `full`, or its shorthand without `prefix`. */
function is(value: string | undefined, full: string, prefix: string): boolean {
  return value === full || (value !== undefined && prefix + value === full);
}

function riskScoreMeaning(score: number): Meaning & { known: boolean } {
  if (!(score >= -100 && score <= 100)) return { known: false, outcome: 'unknown', meaning: l10n.t('Outside the documented range (-100 to 100)') };
  if (score < 0) return { known: true, outcome: 'negative', meaning: l10n.t('Higher risk of fraud: unico suggests rejecting') };
  if (score === 0) return { known: true, outcome: 'inconclusive', meaning: l10n.t('Not enough evidence to estimate the risk (possibly a wrong CPF)') };
  return { known: true, outcome: 'positive', meaning: l10n.t('Lower risk of fraud') };
}

function serproMeaning(score: number): Meaning & { known: boolean } {
  if (score === -1) return { known: true, outcome: 'inconclusive', meaning: l10n.t('No face on file for this CPF') };
  if (score === -2) return { known: true, outcome: 'inconclusive', meaning: l10n.t('Integration error') };
  if (score >= 0 && score <= 100) return { known: true, outcome: 'info', meaning: l10n.t('Similarity with the face on file for this CPF (0 to 100)') };
  return { known: false, outcome: 'unknown', meaning: l10n.t('Outside the documented values (-2, -1, 0 to 100)') };
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
    const m = lookUp(spec, value);
    rows.push({ field: spec.field, capability: spec.capability, value, known: m !== undefined, ...(m ?? UNDOCUMENTED) });
  }
  const score = info.scoreEngineResult?.score;
  if (score !== undefined) {
    rows.push({ field: 'scoreEngineResult.score', capability: l10n.t('Risk score'), value: String(score), ...riskScoreMeaning(score) });
  } else if (
    is(info.scoreEngineResult?.scoreEnabled, 'SCORE_ENABLED_TRUE', 'SCORE_ENABLED_') &&
    is(info.authenticationResult, 'AUTHENTICATION_RESULT_INCONCLUSIVE', 'AUTHENTICATION_RESULT_')
  ) {
    rows.push({ field: 'scoreEngineResult.score', capability: l10n.t('Risk score'), value: '', known: true, outcome: 'inconclusive', meaning: l10n.t('No risk score was returned: it could not be generated') });
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
    if (value !== undefined && value !== '' && lookUp(spec, value) === undefined) out.push({ path: `authenticationInfo.${spec.field}`, value });
  }
  for (const [field, value] of undocumentedFields(info)) if (value !== '') out.push({ path: `authenticationInfo.${field}`, value });
  return out;
}
