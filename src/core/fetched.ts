/**
 * The one adapter between the two contracts and the surfaces: a fetched process (Web & SDK or
 * API contract) → its summary, capability rows, documents, undocumented values and meanings.
 * Surfaces call these instead of reaching into `fetched.process`, so an API-contract process is
 * shown with its own meanings (src/core/apiContract/model.ts). Pure, in the activation bundle.
 */
import { apiCapabilityRows, apiStatusInfo, apiStatusLabel, isApiSettled, summarizeApi, unknownApiValues } from './apiContract/model';
import { capabilityRows, documentRows, isSettled, resultMeaning, stateMeaning, summarize, unknownValues, VERDICT_LABELS, type CapabilityRow, type DocumentRow, type ProcessSummary } from './model';
import type { FetchedProcess, Process } from './types';

export function summarizeFetched(fetched: FetchedProcess): ProcessSummary {
  return fetched.contract === 'api' ? summarizeApi(fetched.process, VERDICT_LABELS) : summarize(fetched.process);
}

export function isFetchedSettled(fetched: FetchedProcess): boolean {
  return fetched.contract === 'api' ? isApiSettled(fetched.process) : isSettled(fetched.process);
}

export function fetchedCapabilityRows(fetched: FetchedProcess): CapabilityRow[] {
  return fetched.contract === 'api' ? apiCapabilityRows(fetched.process) : capabilityRows(fetched.process);
}

/** The API contract's Get Process returns no documents. */
export function fetchedDocumentRows(fetched: FetchedProcess): DocumentRow[] {
  return fetched.contract === 'api' ? [] : documentRows(fetched.process);
}

export function fetchedUnknownValues(fetched: FetchedProcess): { path: string; value: string }[] {
  return fetched.contract === 'api' ? unknownApiValues(fetched.process) : unknownValues(fetched.process);
}

/** The Web & SDK process, or undefined for an API-contract one (person, documents, webhook comparison). */
export function webSdkProcess(fetched: FetchedProcess): Process | undefined {
  return fetched.contract === 'api' ? undefined : fetched.process;
}

/** What the summary's state means: a Web & SDK state, or the API contract's integer status. */
export function summaryStateMeaning(s: ProcessSummary): string {
  if (s.contract !== 'api') return stateMeaning(s.state);
  return apiStatusInfo(s.state === '' ? undefined : Number(s.state)).meaning;
}

/** What the summary's result means (the API contract has none: its meaning is the status's). */
export function summaryResultMeaning(s: ProcessSummary): string {
  return s.contract === 'api' ? summaryStateMeaning(s) : resultMeaning(s.result);
}

/** The state as shown in a table or a one-liner: verbatim, or for the API contract "3 (Finished with success)". */
export function summaryStateLabel(s: ProcessSummary): string {
  return s.contract === 'api' && s.state !== '' ? apiStatusLabel(Number(s.state)) : s.state;
}
