/** Types shared by the core's two bundles and the editor. Type-only imports: no runtime cost. */
import type { ApiProcess } from './apiContract/schema';
import type { MediaFile, Process } from './schema';
import type { DroppedValue } from './schemaIssues';

export type { MediaFile, Process };

export type { ApiProcess };

/** Which of unico's two contracts a profile speaks: Web & SDK (`/client/v1/process`) or API (`/processes/v1`, + APIKEY). */
export type Contract = 'webSdk' | 'api';

/** A Get Process answer as the lookup hands it out: a Web & SDK process, or an API-contract one. */
export type FetchedProcess = WebSdkFetched | ApiFetched;

/** Web & SDK (`GET /client/v1/process/{id}`). */
export interface WebSdkFetched {
  readonly contract?: 'webSdk';
  readonly process: Process;
  /** The response body exactly as received (for Open Raw JSON / Copy as JSON). */
  readonly rawJson: string;
  /** Date.now() when the response arrived. */
  readonly fetchedAt: number;
  /** Values of the wrong type that were left out of `process` (shown raw, marked unexpected). */
  readonly unexpected?: readonly DroppedValue[];
}

/** API contract (`GET /processes/v1/{id}`): its own schema, no documents, no media. */
export interface ApiFetched {
  readonly contract: 'api';
  readonly process: ApiProcess;
  readonly rawJson: string;
  readonly fetchedAt: number;
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
