/**
 * The one log of the extension: a `LogOutputChannel` named "IDCloud" (the user picks the level
 * with "Developer: Set Log Level"), and `redact()`, which every caller applies to text that may
 * carry a secret or personal data before it reaches the log.
 */
import * as vscode from 'vscode';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('IDCloud', { log: true });
}

/** Removes secrets and personal data from text: see core/redact.ts. */
export { redact } from '../core/redact';
