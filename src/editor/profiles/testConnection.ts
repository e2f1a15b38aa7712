/**
 * Test Connection: a fresh token from the profile's identity endpoint (its latency and expiry),
 * then one Get Process for a random ID — a 404 proves the API accepts that token. This catches
 * the classic mistake (sandbox credentials on production) before a real lookup does.
 */
import { randomUUID } from 'crypto';
import { isIdCloudError, UnauthorizedError } from '../../core/errors';
import type { Profile } from '../services';
import { openConnection, type ConnectionDeps } from './connection';

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

export async function testConnection(
  profile: Profile,
  deps: ConnectionDeps,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<ConnectionReport> {
  const connection = await openConnection(profile, deps);
  try {
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
    deps.log.info(`[${profile.id}] test connection: token ${String(report.tokenMs ?? '-')} ms, API ${now() - started} ms`);
    return { profileId: profile.id, ...report, apiMs: now() - started };
  } finally {
    connection.close();
  }
}
