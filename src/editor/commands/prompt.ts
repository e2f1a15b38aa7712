/**
 * Asking for a process ID: an input box validated as a UUID, prefilled from the selection, the
 * ID under the cursor, or the clipboard — whichever holds one first.
 */
import * as vscode from 'vscode';
import { findProcessIds, normalizeProcessId, processIdAt } from '../../core/processId';
import type { Lookups, ProcessRef } from '../services';

/** Clipboard and selection text looked at, at most (a pasted log can be megabytes). */
const MAX_SCAN = 20_000;

/** The input box's validation: undefined when `text` is (or contains, quoted or in a URL) one process ID. */
export function validateProcessIdInput(text: string): string | undefined {
  if (text.trim() === '') return vscode.l10n.t('Paste or type a process ID (a UUID).');
  return normalizeProcessId(text) === undefined
    ? vscode.l10n.t('Not a process ID: expected a UUID like 53060f52-f146-4c12-a234-5bb5031f6f5b.')
    : undefined;
}

function firstId(text: string): string | undefined {
  const clipped = text.slice(0, MAX_SCAN);
  return normalizeProcessId(clipped) ?? findProcessIds(clipped, { max: 1 })[0]?.id;
}

/** The ID the user most likely means: selection, then the ID under the cursor, then the clipboard. */
export async function suggestProcessId(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const { selection, document } = editor;
    if (!selection.isEmpty) {
      const selected = firstId(document.getText(selection));
      if (selected !== undefined) return selected;
    }
    const line = document.lineAt(selection.active.line).text;
    const under = processIdAt(line, selection.active.character);
    if (under !== undefined) return under.id;
  }
  return firstId(await vscode.env.clipboard.readText());
}

/** Undefined when the user dismisses the box. The process is looked up in the active profile. */
export async function askForProcessId(lookups: Pick<Lookups, 'activeProfile'>): Promise<ProcessRef | undefined> {
  const profile = lookups.activeProfile();
  const value = await vscode.window.showInputBox({
    title: profile.production
      ? vscode.l10n.t('Look Up Process — {0} (production)', profile.label)
      : vscode.l10n.t('Look Up Process — {0}', profile.label),
    prompt: vscode.l10n.t('Process ID (UUID), as returned by Create Process or printed in your logs'),
    placeHolder: '53060f52-f146-4c12-a234-5bb5031f6f5b',
    value: await suggestProcessId(),
    ignoreFocusOut: true,
    validateInput: validateProcessIdInput,
  });
  const id = value === undefined ? undefined : normalizeProcessId(value);
  return id === undefined ? undefined : { id, profileId: profile.id };
}
