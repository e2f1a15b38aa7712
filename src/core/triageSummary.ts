/**
 * What Resolve All keeps of a fetched process: a handful of fields, never the body, so 10,000
 * rows stay light in the extension host (the lookup's own cache is bounded by its LRU). Pure.
 */
import { summarizeFetched, summaryStateLabel, webSdkProcess } from './fetched';
import type { Verdict } from './model';
import type { FetchedProcess } from './types';

export interface Resolved {
  readonly verdict: Verdict;
  readonly state: string;
  readonly result: string;
  readonly flow: string;
  /** Epoch ms. */
  readonly created: number | null;
  readonly finished: number | null;
  /** The person's friendly name (personal: masked on screen and in exports unless revealed). */
  readonly name: string;
}

export function resolvedOf(fetched: FetchedProcess): Resolved {
  const s = summarizeFetched(fetched);
  return {
    verdict: s.verdict,
    state: summaryStateLabel(s),
    result: s.result ?? '',
    flow: s.flow ?? '',
    created: s.createdAt?.getTime() ?? null,
    finished: s.finishedAt?.getTime() ?? null,
    name: webSdkProcess(fetched)?.person?.friendlyName ?? '',
  };
}
