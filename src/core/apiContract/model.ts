/**
 * The domain view of an API-contract process (`GET /processes/v1/{id}`): its verdict, the meaning
 * of its integer status, and its capability answers as the same rows the Web & SDK contract's
 * surfaces show. Pure, in the activation bundle (type-only import of the schema: no zod here).
 *
 * Every meaning names its unico page (src/core/sources.ts). The API contract has no overall
 * "result" field: unico documents the status (3 "finished with success") and each capability's
 * answer, and says to decide only on status 3 (SOURCES.apiGetProcessByClient), so the verdict of a
 * finished process is read from its capability answers; where unico documents nothing, the text
 * says so.
 */
import { riskScoreMeaning, serproMeaning, type CapabilityRow, type Meaning, type Outcome } from '../capabilities';
import { l10n } from '../l10n';
import type { Caveat, ProcessSummary, Verdict } from '../model';
import { SOURCES, type Source } from '../sources';
import type { ApiProcess } from './schema';

export type { ApiProcess };

interface StatusInfo {
  /** unico's own word for the status. */
  readonly name: string;
  readonly meaning: string;
  readonly source: Source;
  /** unico: "always validate the final statuses of the processes (3, 4, 5)". */
  readonly final: boolean;
}

const STATUSES: Readonly<Record<number, StatusInfo>> = {
  1: { name: l10n.t('Processing'), meaning: l10n.t('Processing: unico answers 1 when the identity verification was inconclusive and the risk score is still being orchestrated'), source: SOURCES.apiStatuses, final: false },
  2: { name: l10n.t('Divergence'), meaning: l10n.t('The risk score found a divergence for this face and will still complete the verification'), source: SOURCES.apiStatuses, final: false },
  3: { name: l10n.t('Finished with success'), meaning: l10n.t('The capability answers are final; unico says to decide only on status 3'), source: SOURCES.apiGetProcessByClient, final: true },
  4: { name: l10n.t('Canceled'), meaning: l10n.t('Canceled (for example, a timeout)'), source: SOURCES.apiStatuses, final: true },
  5: { name: l10n.t('Error'), meaning: l10n.t('An error occurred while processing'), source: SOURCES.apiStatuses, final: true },
};

const UNDOCUMENTED_STATUS = l10n.t('A status not in the documented API (1 to 5); not documented by unico');

/** The status as shown: "3 (Finished with success)", or the bare value when undocumented. */
export function apiStatusLabel(status: number | undefined): string {
  if (status === undefined) return '';
  const info = STATUSES[status];
  return info ? `${status} (${info.name})` : String(status);
}

export function apiStatusInfo(status: number | undefined): { known: boolean; name: string | undefined; meaning: string; source: Source } {
  if (status === undefined) return { known: true, name: undefined, meaning: l10n.t('No status reported.'), source: SOURCES.apiGetProcess };
  const info = STATUSES[status];
  return info ? { known: true, ...info } : { known: false, name: undefined, meaning: UNDOCUMENTED_STATUS, source: SOURCES.apiGetProcess };
}

/** Whether the answer will not change any more: unico's final statuses 3, 4 and 5. */
export function isApiSettled(p: { readonly status?: number }): boolean {
  return p.status !== undefined && STATUSES[p.status]?.final === true;
}

const m = (outcome: Outcome, meaning: string, source: Source): Meaning => ({ outcome, meaning, source });

const LIVENESS: Readonly<Record<number, Meaning>> = {
  1: m('positive', l10n.t('Liveness passed'), SOURCES.apiGetProcess),
  2: m('negative', l10n.t('Liveness failed'), SOURCES.apiGetProcess),
};

const UNICO_ID: Readonly<Record<string, Meaning>> = {
  yes: m('positive', l10n.t('The face belongs to the holder of the provided government identifier'), SOURCES.identityVerification),
  no: m('negative', l10n.t('The face does NOT belong to the holder of the provided government identifier'), SOURCES.identityVerification),
  inconclusive: m('inconclusive', l10n.t('Insufficient evidence to decide'), SOURCES.identityVerification),
};

/**
 * `identityFraudsters.result`: the API page lists "yes, inconclusive" and sends the reader to Risk
 * Fraud Classification, whose answers (the same capability in the Web & SDK contract) are read here.
 */
const FRAUDSTERS: Readonly<Record<string, Meaning>> = {
  yes: m('negative', l10n.t('The face has been involved in fraudulent identity transactions'), SOURCES.capabilities),
  inconclusive: m('inconclusive', l10n.t('Insufficient evidence that the face was involved in fraudulent transactions in unico\'s database'), SOURCES.capabilities),
};

const UNDOCUMENTED: Meaning = m('unknown', l10n.t('Not in the documented API; not documented by unico'), SOURCES.apiGetProcess);

/** One row per capability answer present, in the order of unico's field table. */
export function apiCapabilityRows(p: ApiProcess): CapabilityRow[] {
  const rows: CapabilityRow[] = [];
  const push = (field: string, capability: string, value: string, meaning: Meaning | undefined): void => {
    rows.push({ field, capability, value, known: meaning !== undefined, ...(meaning ?? UNDOCUMENTED) });
  };
  if (p.liveness !== undefined) push('liveness', l10n.t('Liveness'), String(p.liveness), LIVENESS[p.liveness]);
  const identity = p.unicoId?.result;
  if (identity !== undefined && identity !== '') push('unicoId.result', l10n.t('Identity verification'), identity, UNICO_ID[identity]);
  const fraud = p.identityFraudsters?.result;
  if (fraud !== undefined && fraud !== '') push('identityFraudsters.result', l10n.t('Risk fraud classification'), fraud, FRAUDSTERS[fraud]);
  if (p.score !== undefined) rows.push({ field: 'score', capability: l10n.t('Risk score'), value: String(p.score), ...riskScoreMeaning(p.score) });
  const serpro = p.government?.serpro;
  if (serpro !== undefined) rows.push({ field: 'government.serpro', capability: l10n.t('Serpro similarity'), value: String(serpro), ...serproMeaning(serpro) });
  return rows;
}

/** Every value unico does not document: an undocumented status, liveness or answer. */
export function unknownApiValues(p: ApiProcess): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  if (!apiStatusInfo(p.status).known) out.push({ path: 'status', value: String(p.status) });
  for (const row of apiCapabilityRows(p)) if (!row.known) out.push({ path: row.field, value: row.value });
  return out;
}

function verdictOf(p: ApiProcess, rows: readonly CapabilityRow[]): Verdict {
  switch (p.status) {
    case 1:
    case 2: return 'pending';
    case 4: return 'canceled';
    case 5: return 'error';
    case 3: return rows.some((r) => r.outcome === 'negative') ? 'invalidIdentity' : 'ok';
    default: return 'unknown';
  }
}

/**
 * The summary every surface shows. `state` holds the status as text ("3"); `result` is absent (the
 * API contract has none); the contract documents no times, so none are shown.
 */
export function summarizeApi(p: ApiProcess, labels: Readonly<Record<Verdict, string>>): ProcessSummary {
  const rows = apiCapabilityRows(p);
  const verdict = verdictOf(p, rows);
  const caveats: Caveat[] = [];
  if (verdict === 'ok') {
    if (rows.length === 0) caveats.push({ capability: l10n.t('Capabilities'), outcome: 'missing' });
    for (const row of rows) if (row.outcome === 'inconclusive') caveats.push({ capability: row.capability, outcome: 'inconclusive' });
  }
  return {
    contract: 'api',
    verdict,
    verdictLabel: labels[verdict],
    state: p.status === undefined ? '' : String(p.status),
    stateKnown: apiStatusInfo(p.status).known,
    result: undefined,
    resultKnown: true,
    flow: undefined,
    createdAt: undefined,
    finishedAt: undefined,
    expiresAt: undefined,
    stable: isApiSettled(p),
    caveats,
    riskScore: p.score,
  };
}

/** Every fixed meaning above, for the source-table test and the translation bundle. */
export function allApiMeanings(): { meaning: string; source: Source }[] {
  return [
    ...Object.values(STATUSES), ...Object.values(LIVENESS), ...Object.values(UNICO_ID), ...Object.values(FRAUDSTERS), UNDOCUMENTED,
    { meaning: UNDOCUMENTED_STATUS, source: SOURCES.apiGetProcess },
  ];
}
