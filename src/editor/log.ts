/**
 * The one log of the extension: a `LogOutputChannel` named "IDCloud" (the user picks the level
 * with "Developer: Set Log Level"), and `redact()`, which every caller applies to text that may
 * carry a secret or personal data before it reaches the log.
 */
import * as vscode from 'vscode';

/**
 * The channel is made on its first use (the start-up task's "activated in" line at the latest):
 * creating it costs about a millisecond that activate() need not pay.
 */
export function createLog(): vscode.LogOutputChannel {
  let channel: vscode.LogOutputChannel | undefined;
  return new Proxy({} as vscode.LogOutputChannel, {
    get: (_target, key) => {
      const real = (channel ??= vscode.window.createOutputChannel('IDCloud', { log: true }));
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? (...args: unknown[]): unknown => Reflect.apply(value as (...a: unknown[]) => unknown, real, args) : value;
    },
  });
}

/** Removes secrets and personal data from text: see core/redact.ts. */
export { redact } from '../core/redact';
