// Resolve All's pace against the real emulator (synthetic mode) over loopback, with the rate set to 200/s:
// 1,000 distinct IDs through the same path as the editor (ResolveQueue → ProcessLookup →
// IdCloudClient and its gate). Wall time against the ideal (1,000 / 200 = 5 s; goal ≤ 1.05×),
// and the most requests in any 1-second window (goal ≤ 200), counted from the emulator's own
// per-request log. Figures are reported, never asserted.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ServiceAccountTokenSource } from '../../src/core/auth';
import { createClient } from '../../src/core/client';
import { isIdCloudError } from '../../src/core/errors';
import { ProcessLookup } from '../../src/core/lookup';
import { ResolveQueue } from '../../src/core/resolveQueue';
import { busiestWindow, startEmulator } from '../../src/emulator';
import { pid } from '../unit/pid.helpers';

const RATE = 200;
const IDS = 1000;

export async function run(): Promise<Record<string, number | string>> {
  const emulator = await startEmulator({ synthetic: true });
  try {
    const tokenSource = new ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl: emulator.identityUrl });
    await tokenSource.getToken(); // the token is not part of the run
    const client = createClient({ apiBaseUrl: emulator.apiBaseUrl, tokenSource, rateLimitPerSecond: RATE });
    const lookup = new ProcessLookup({ source: () => Promise.resolve(client), maxEntries: 500 });
    // Synthetic mode: any UUID outside the catalogue resolves to a realistic process.
    emulator.clearRequests();
    const ids = Array.from({ length: IDS }, () => pid(randomUUID()));
    const queue = new ResolveQueue(ids, {
      fetch: (id, signal) => lookup.get(id, { signal }),
      concurrency: 16,
      isFinal: (e) => isIdCloudError(e) && e.kind === 'notFound',
      isRetryable: (e) => isIdCloudError(e) && e.kind === 'rateLimited',
      now: () => performance.now(),
    });
    const started = performance.now();
    const summary = await queue.run();
    const wall = (performance.now() - started) / 1000;
    const ideal = IDS / RATE;
    const requests = emulator.requests().filter((r) => r.path.startsWith('/client/v1/process/'));
    const windowMax = busiestWindow(requests);
    return {
      'resolveAll: IDs settled': summary.settled,
      'resolveAll: Get Process requests (emulator log)': requests.length,
      'resolveAll: wall time at 200/s (s)': Number(wall.toFixed(3)),
      'resolveAll: ideal (s)': ideal,
      'resolveAll: wall / ideal (goal ≤ 1.05)': Number((wall / ideal).toFixed(3)),
      'resolveAll: most requests in any 1 s window (goal ≤ 200)': windowMax,
      'resolveAll: most in any 1 s / rate': Number((windowMax / RATE).toFixed(3)),
    };
  } finally {
    await emulator.close();
  }
}
