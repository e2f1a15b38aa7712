/**
 * What the running emulator served: one entry per request, in a bounded ring (the oldest entries
 * drop out first), so a bench can check a client's rate from the server's side of the wire.
 */
import { performance } from 'node:perf_hooks';

export interface EmulatorRequest {
  /** When the request arrived: monotonic ms (performance.now() of the emulator's process). */
  readonly at: number;
  readonly method: string;
  /** The URL path without its query (signed-URL signatures are never kept). */
  readonly path: string;
  /** The status sent; 0 when the connection closed without an answer (e.g. the reset fault). */
  readonly status: number;
}

export const DEFAULT_REQUEST_LOG_CAPACITY = 100_000;

export class RequestLog {
  private readonly ring: (EmulatorRequest | undefined)[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity = DEFAULT_REQUEST_LOG_CAPACITY, private readonly clock: () => number = () => performance.now()) {
    this.ring = new Array<EmulatorRequest | undefined>(Math.max(1, capacity));
  }

  /** The clock reading for a request that just arrived. */
  now(): number {
    return this.clock();
  }

  add(entry: EmulatorRequest): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.ring.length;
    this.size = Math.min(this.size + 1, this.ring.length);
  }

  /** The entries held, oldest first (in the order they completed). */
  entries(): EmulatorRequest[] {
    const out: EmulatorRequest[] = [];
    const start = (this.next - this.size + this.ring.length) % this.ring.length;
    for (let i = 0; i < this.size; i++) {
      const entry = this.ring[(start + i) % this.ring.length];
      if (entry) out.push(entry);
    }
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
  }
}

/** The most requests whose arrival times fall within any window of `windowMs` (half-open: [t, t + windowMs)). */
export function busiestWindow(requests: readonly Pick<EmulatorRequest, 'at'>[], windowMs = 1000): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let best = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] as number) - (times[first] as number) >= windowMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}
