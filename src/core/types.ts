/** Types shared by the core's two bundles and the editor. Type-only imports: no runtime cost. */
import type { MediaFile, Process } from './schema';
import type { DroppedValue } from './schemaIssues';

export type { MediaFile, Process };

/** A Get Process answer as the lookup hands it out. */
export interface FetchedProcess {
  readonly process: Process;
  /** The response body exactly as received (for Open Raw JSON / Copy as JSON). */
  readonly rawJson: string;
  /** Date.now() when the response arrived. */
  readonly fetchedAt: number;
  /** Values of the wrong type that were left out of `process` (shown raw, marked unexpected). */
  readonly unexpected?: readonly DroppedValue[];
}

/** What the client needs from a token source. */
export interface TokenSource {
  /** A valid access token (cached; concurrent callers share one refresh). */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Drop `token` from the cache (after a 401) so the next getToken renews. */
  invalidate(token: string): void;
}

/** What ProcessLookup needs from the network half (IdCloudClient implements it). */
export interface ProcessSource {
  getProcess(id: string, options?: { signal?: AbortSignal }): Promise<FetchedProcess>;
}
