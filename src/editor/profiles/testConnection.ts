/**
 * Test Connection: a fresh token from the profile's identity endpoint (its latency and expiry),
 * then one Get Process for a random ID — a 404 proves the API accepts that token. This catches
 * the classic mistake (sandbox credentials on production) before a real lookup does.
 */
import { randomUUID } from 'crypto';
import { isIdCloudError, UnauthorizedError } from '../../core/errors';
import type { Connection, Profile } from '../services';

export interface ConnectionReport {
  readonly profileId: string;
  readonly credentials: 'serviceAccount' | 'token';
  /** Time to get a token; undefined for a pasted token (nothing to fetch). */
  readonly tokenMs: number | undefined;
  /** When the token expires (ms since epoch), if known. */
  readonly expiresAt: number | undefined;
  /** Time of the Get Process probe. */
  readonly apiMs: number;
}

/** Runs on the profile's own connection, so a success also renews the token its lookups use. */
export async function testConnection(
  profile: Profile,
  connection: Connection,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<ConnectionReport> {
  const source = connection.tokenSource;
  let report: Pick<ConnectionReport, 'credentials' | 'tokenMs' | 'expiresAt'>;
  if ('fetchToken' in source) {
    const fresh = await source.fetchToken(signal);
    report = { credentials: 'serviceAccount', tokenMs: fresh.latencyMs, expiresAt: fresh.expiresAt };
  } else {
    if (source.isExpired()) throw new UnauthorizedError('expired', 'the pasted access token has expired');
    report = { credentials: 'token', tokenMs: undefined, expiresAt: source.expiresAt() };
  }
  const started = now();
  try {
    await connection.client.getProcess(randomUUID(), { signal });
  } catch (e) {
    if (!(isIdCloudError(e) && e.kind === 'notFound')) throw e;
  }
  return { profileId: profile.id, ...report, apiMs: now() - started };
}
