// The network half's cost, on the real emulator over loopback:
//   - a Get Process through IdCloudClient (token cache, rate-limit gate, capped read, JSON,
//     zod schema) against a bare undici GET + JSON.parse of the same URL with the same token
//     (goal ≤ 1.2×), and the bare GET plus the schema alone (so the client's own machinery
//     shows apart from validation), interleaved in rounds so drift hits all alike; wall time and
//     CPU time (the emulator runs in this process, so CPU covers both ends of each exchange);
//   - requests made for 100 concurrent ProcessLookup.get of one ID;
//   - a cached lookup (peek), a token request, loading dist/network.js;
//   - bundle sizes, and whether the activation bundle pulled in undici or zod.
// Medians; figures are reported, never asserted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createClient } from '../../src/core/client';
import { ServiceAccountTokenSource } from '../../src/core/auth';
import { ProcessLookup } from '../../src/core/lookup';
import { parseProcessResponse } from '../../src/core/schema';
import { REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, startEmulator } from '../../src/emulator';
import { pid } from '../unit/pid.helpers';

const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);

const ROUNDS = 15;
const PER_ROUND = 200;
const WARM_UP = 300;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

interface Cost {
  /** Wall-clock µs per call. */
  readonly wall: number;
  /** CPU µs per call (user + system, this process: client and emulator alike). Steadier than wall time on a busy machine. */
  readonly cpu: number;
}

/** Mean cost per call of `fn` over `count` sequential calls. */
async function measure(count: number, fn: () => Promise<unknown>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn();
  const wall = ((performance.now() - start) * 1000) / count;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / count };
}

function bundleFigures(): Record<string, number | string> {
  const dist = path.resolve('dist');
  const out: Record<string, number | string> = {};
  if (!fs.existsSync(dist)) return out;
  for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.js')).sort()) {
    out[`bundle: ${file} (KB)`] = round(fs.statSync(path.join(dist, file)).size / 1024, 1);
  }
  const activation = path.join(dist, 'extension.js');
  if (fs.existsSync(activation)) {
    // The non-minified build marks each input with a "// node_modules/<pkg>/…" comment.
    const text = fs.readFileSync(activation, 'utf8');
    const heavy = ['undici', 'zod'].filter((pkg) => text.includes(`node_modules/${pkg}/`));
    out['bundle: extension.js contains undici or zod'] = heavy.length ? `YES (${heavy.join(', ')})` : 'no';
  }
  const network = path.join(dist, 'network.js');
  if (fs.existsSync(network)) {
    const script = `const t = performance.now(); require(${JSON.stringify(network)}); process.stdout.write(String(performance.now() - t));`;
    const loads = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
    out['bundle: require dist/network.js, fresh process (ms)'] = round(median(loads), 1);
  }
  return out;
}

export async function run(): Promise<Record<string, number | string>> {
  const emulator = await startEmulator();
  const dispatcher = new Agent();
  try {
    const tokens = new ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl: emulator.identityUrl, dispatcher });
    const tokenMs: number[] = [];
    for (let i = 0; i < 5; i++) tokenMs.push((await tokens.fetchToken()).latencyMs);
    const token = await tokens.getToken();

    let requests = 0;
    const client = createClient({
      apiBaseUrl: emulator.apiBaseUrl,
      tokenSource: tokens,
      dispatcher,
      rateLimitPerSecond: Infinity, // the gate's bookkeeping still runs; only the 10/s wait is lifted
      onEvent: (e) => {
        if (e.type === 'request') requests++;
      },
    });
    const url = `${emulator.apiBaseUrl}/client/v1/process/${REFERENCE_EXAMPLE_ID}`;
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const raw = async (): Promise<unknown> => {
      const res = await request(url, { headers, dispatcher });
      if (res.statusCode !== 200) throw new Error(`raw GET answered ${res.statusCode}`);
      return res.body.json();
    };
    const rawParsed = async (): Promise<unknown> => parseProcessResponse(await raw());
    const viaClient = () => client.getProcess(REFERENCE_EXAMPLE_ID);

    const sides = [raw, rawParsed, viaClient];
    for (const side of sides) await measure(WARM_UP, side);
    const rounds: Cost[][] = sides.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate which goes first so none always runs on a warmer (or busier) process.
      for (let k = 0; k < sides.length; k++) {
        const i = (r + k) % sides.length;
        rounds[i]?.push(await measure(PER_ROUND, sides[i] ?? raw));
      }
    }
    const [rawCost, parsedCost, clientCost] = rounds.map((costs) => ({
      wall: median(costs.map((c) => c.wall)),
      cpu: median(costs.map((c) => c.cpu)),
    })) as [Cost, Cost, Cost];

    const lookup = new ProcessLookup({ source: () => Promise.resolve(client) });
    requests = 0;
    await Promise.all(Array.from({ length: 100 }, () => lookup.get(REFERENCE_EXAMPLE_ID)));
    const coalesced = requests;
    const peeks = 100_000;
    const peekStart = performance.now();
    for (let i = 0; i < peeks; i++) lookup.peek(REFERENCE_EXAMPLE_ID);
    const peekUs = ((performance.now() - peekStart) * 1000) / peeks;

    return {
      'client: raw undici GET + JSON.parse, wall (µs/lookup)': round(rawCost.wall, 1),
      'client: raw GET + JSON.parse + schema, wall (µs/lookup)': round(parsedCost.wall, 1),
      'client: IdCloudClient.getProcess, wall (µs/lookup)': round(clientCost.wall, 1),
      'client: client / raw, wall (ratio, goal ≤ 1.2)': round(clientCost.wall / rawCost.wall, 3),
      'client: raw undici GET + JSON.parse, CPU (µs/lookup)': round(rawCost.cpu, 1),
      'client: raw GET + JSON.parse + schema, CPU (µs/lookup)': round(parsedCost.cpu, 1),
      'client: IdCloudClient.getProcess, CPU (µs/lookup)': round(clientCost.cpu, 1),
      'client: client / raw, CPU (ratio, goal ≤ 1.2)': round(clientCost.cpu / rawCost.cpu, 3),
      'client: client / (raw + schema), CPU (ratio: the client\'s own machinery)': round(clientCost.cpu / parsedCost.cpu, 3),
      'client: sequential lookups per side': ROUNDS * PER_ROUND,
      'client: requests for 100 concurrent lookups of one ID': coalesced,
      'client: cached lookup, peek (µs)': round(peekUs, 3),
      'client: token request, emulator (ms)': round(median(tokenMs), 1),
      ...bundleFigures(),
    };
  } finally {
    await dispatcher.close();
    await emulator.close();
  }
}
