/**
 * The domain view of a process: what every surface shows (verdict, capability rows, documents,
 * meanings). Pure, in the activation bundle (type-only import of the schema: no zod here).
 *
 * Texts are English fixed literals, marked with l10n.t for the bundle extractor; the editor
 * localises each with vscode.l10n.t(text) where it shows it, so a meaning never has a value spliced into it. Meanings follow the Get Process reference and
 * unico's documented response scenarios.
 */
import { capabilityRows, unknownCapabilityValues } from './capabilities';
import { DUI_TYPES, isKnown, PROCESS_RESULTS, PROCESS_STATES } from './enums';
import { l10n } from './l10n';
import type { Process } from './schema';

export { capabilityRows, type CapabilityRow, type Outcome } from './capabilities';
export { documentRows, type DocumentRow, type OcrField } from './documents';

/** `canceled` comes only from the API contract (status 4). */
export type Verdict = 'ok' | 'invalidIdentity' | 'error' | 'expired' | 'pending' | 'awaitingDocument' | 'failed' | 'canceled' | 'unknown';

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  ok: l10n.t('OK'),
  invalidIdentity: l10n.t('Invalid identity'),
  error: l10n.t('Error'),
  expired: l10n.t('Expired'),
  pending: l10n.t('Pending'),
  awaitingDocument: l10n.t('Awaiting document'),
  failed: l10n.t('Failed'),
  canceled: l10n.t('Canceled'),
  unknown: l10n.t('Unknown'),
};

export interface ProcessSummary {
  /**
   * 'api' for unico's API contract (`/processes/v1`): `state` is then its integer status as text,
   * `result` is absent, and meanings come from src/core/apiContract/model.ts. Absent: Web & SDK.
   */
  contract?: 'api';
  verdict: Verdict;
  verdictLabel: string;
  /** Verbatim; '' when absent. */
  state: string;
  stateKnown: boolean;
  /** Verbatim; undefined when absent or empty. */
  result: string | undefined;
  /** True when absent or a documented value. */
  resultKnown: boolean;
  flow: string | undefined;
  createdAt: Date | undefined;
  finishedAt: Date | undefined;
  expiresAt: Date | undefined;
  /** FINISHED with a result, or FAILED: the process will not change any more. */
  stable: boolean;
  /**
   * On an OK verdict, every capability that did not answer positively (inconclusive, negative, or
   * a risk score that was expected and not returned). The reference defines PROCESS_RESULT_OK as
   * "all capabilities returned positive results", yet its own example is OK with an inconclusive
   * identity: surfaces show the result as sent and never claim what these rows deny.
   */
  caveats: Caveat[];
  /** The risk score, when unico returned one (the decision then rests on it). */
  riskScore: number | undefined;
}

export interface Caveat {
  /** The capability's English name (localised by the editor), e.g. "Identity verification". */
  readonly capability: string;
  readonly outcome: 'negative' | 'inconclusive' | 'missing';
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === '' ? undefined : v;
}

function toDate(v: string | undefined): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function verdictOf(state: string, result: string | undefined): Verdict {
  if (result === 'PROCESS_RESULT_EXPIRED') return 'expired';
  if (result !== undefined && !isKnown(PROCESS_RESULTS, result)) return 'unknown';
  switch (state) {
    case 'PROCESS_STATE_FINISHED':
      switch (result) {
        case 'PROCESS_RESULT_OK': return 'ok';
        case 'PROCESS_RESULT_INVALID_IDENTITY': return 'invalidIdentity';
        case 'PROCESS_RESULT_ERROR': return 'error';
        case undefined:
        case 'PROCESS_RESULT_UNSPECIFIED': return 'pending';
        default: return 'unknown';
      }
    case 'PROCESS_STATE_CREATED': return 'pending';
    case 'AWAITING_FOR_DOCUMENT': return 'awaitingDocument';
    case 'PROCESS_STATE_FAILED': return 'failed';
    default: return 'unknown';
  }
}

/**
 * The states the Get Process reference documents as final. PROCESS_STATE_CANCELED is not one: the
 * reference does not list it (only the older OpenAPI does, deprecated), so it is read like any
 * undocumented state, one that may still change.
 */
const STABLE_STATES: ReadonlySet<string> = new Set(['PROCESS_STATE_FINISHED', 'PROCESS_STATE_FAILED']);

/**
 * Whether an answer will not change any more: the one definition, for the cache (kept for good),
 * the watch (ends on it) and the summary (`stable`). Not settled: created, awaiting document, an
 * undocumented state, or finished without a result.
 */
export function isSettled(process: { readonly state?: string; readonly result?: string }): boolean {
  const state = process.state ?? '';
  if (!STABLE_STATES.has(state)) return false;
  const result = process.result ?? '';
  return state !== 'PROCESS_STATE_FINISHED' || (result !== '' && result !== 'PROCESS_RESULT_UNSPECIFIED');
}

export function summarize(p: Process): ProcessSummary {
  const state = p.state ?? '';
  const result = nonEmpty(p.result);
  const verdict = verdictOf(state, result);
  return {
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    state,
    stateKnown: isKnown(PROCESS_STATES, state),
    result,
    resultKnown: result === undefined || isKnown(PROCESS_RESULTS, result),
    flow: nonEmpty(p.flow),
    createdAt: toDate(p.createdAt),
    finishedAt: toDate(p.finishedAt),
    expiresAt: toDate(p.expiresAt),
    stable: isSettled(p),
    caveats: verdict === 'ok' ? caveatsOf(p) : [],
    riskScore: p.authenticationInfo?.scoreEngineResult?.score,
  };
}

function caveatsOf(p: Process): Caveat[] {
  if (!p.authenticationInfo) return [{ capability: l10n.t('Capabilities'), outcome: 'missing' }];
  const out: Caveat[] = [];
  for (const row of capabilityRows(p)) {
    if (row.outcome !== 'negative' && row.outcome !== 'inconclusive') continue;
    const outcome = row.value === '' ? 'missing' : row.outcome;
    if (!out.some((c) => c.capability === row.capability && c.outcome === outcome)) out.push({ capability: row.capability, outcome });
  }
  return out;
}

const STATE_MEANINGS: Readonly<Record<(typeof PROCESS_STATES)[number], string>> = {
  PROCESS_STATE_CREATED: l10n.t('Process created; the user has not yet completed the journey.'),
  AWAITING_FOR_DOCUMENT: l10n.t('Created without an identification document; waiting for it to be set with Set Process Document.'),
  PROCESS_STATE_FINISHED: l10n.t('Journey completed. Check the result and the capability results.'),
  PROCESS_STATE_FAILED: l10n.t('Processing error.'),
  PROCESS_STATE_UNSPECIFIED: l10n.t('State not specified (value of the older API).'),
  PROCESS_STATE_CANCELED: l10n.t('Cancelled (deprecated state of the older API).'),
};

export function stateMeaning(state: string): string {
  if (state === '') return l10n.t('No state reported.');
  return isKnown(PROCESS_STATES, state) ? STATE_MEANINGS[state] : l10n.t('A state not in the documented API.');
}

const RESULT_MEANINGS: Readonly<Record<(typeof PROCESS_RESULTS)[number], string>> = {
  PROCESS_RESULT_OK: l10n.t('All capabilities returned positive results.'),
  PROCESS_RESULT_INVALID_IDENTITY: l10n.t('At least one capability returned a definitive negative (e.g. liveness failed, identity not matched).'),
  PROCESS_RESULT_ERROR: l10n.t('Error during result processing.'),
  PROCESS_RESULT_EXPIRED: l10n.t('The process expired before the journey was completed.'),
  PROCESS_RESULT_UNSPECIFIED: l10n.t('Process not yet finished.'),
  PROCESS_RESULT_WARNING: l10n.t('Warning (value of the older API).'),
  PROCESS_RESULT_REFUSED: l10n.t('Refused (value of the older API).'),
};

export function resultMeaning(result: string | undefined): string {
  if (result === undefined || result === '') return l10n.t('No result yet: a result is present only when the process has finished.');
  return isKnown(PROCESS_RESULTS, result) ? RESULT_MEANINGS[result] : l10n.t('A result not in the documented API.');
}

/** Every enum value (and every undocumented authenticationInfo field) the reference does not list. */
export function unknownValues(p: Process): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const check = (path: string, value: string | undefined, known: boolean): void => {
    if (value !== undefined && value !== '' && !known) out.push({ path, value });
  };
  check('state', p.state, isKnown(PROCESS_STATES, p.state ?? ''));
  check('result', p.result, isKnown(PROCESS_RESULTS, p.result ?? ''));
  check('person.duiType', p.person?.duiType, isKnown(DUI_TYPES, p.person?.duiType ?? ''));
  if (p.authenticationInfo) out.push(...unknownCapabilityValues(p.authenticationInfo));
  return out;
}
