/**
 * This thread's time on a CPU and waiting for one, from Linux's /proc/thread-self/schedstat (its
 * first two fields, in ns). Read around activate() in the extension's own tests only, so the
 * activation figure splits into work and waiting: on a busy machine the workbench, code-server and
 * the other extensions start at the same moment and take the CPU away. Undefined off Linux.
 */
import * as fs from 'node:fs';

export interface ThreadTime {
  readonly onCpuMs: number;
  readonly waitedMs: number;
}

export function threadTime(): ThreadTime | undefined {
  try {
    const [run, wait] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return run === undefined || wait === undefined ? undefined : { onCpuMs: run / 1e6, waitedMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}

/** What `to` adds to `from`; undefined when either is. */
export function threadTimeSince(from: ThreadTime | undefined, to: ThreadTime | undefined): ThreadTime | undefined {
  return from && to ? { onCpuMs: to.onCpuMs - from.onCpuMs, waitedMs: to.waitedMs - from.waitedMs } : undefined;
}
