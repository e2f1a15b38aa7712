/**
 * Asking for a process ID: an input box validated as a UUID, prefilled from the selection or the
 * ID under the cursor, else from the clipboard. The box opens at once; the clipboard fills it in
 * when it answers (on the web the browser may ask for permission or never answer, so it is not
 * read there at all).
 */
import * as vscode from 'vscode';
import { EXAMPLE_PROCESS_ID, findProcessIds, normalizeProcessId, processIdAt, type ProcessId } from '../../core/processId';
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

/** The first process ID in `text` (the whole text normalised, else the first one found in it). */
export function firstProcessId(text: string): ProcessId | undefined {
  const clipped = text.slice(0, MAX_SCAN);
  return normalizeProcessId(clipped) ?? findProcessIds(clipped, { max: 1 })[0]?.id;
}

/** The ID in the active editor's selection, else the one under the cursor. */
export function editorProcessId(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): ProcessId | undefined {
  if (!editor) return undefined;
  const { selection, document } = editor;
  if (!selection.isEmpty) {
    const selected = firstProcessId(document.getText(selection));
    if (selected !== undefined) return selected;
  }
  return processIdAt(document.lineAt(selection.active.line).text, selection.active.character)?.id;
}

async function clipboardProcessId(): Promise<ProcessId | undefined> {
  if (vscode.env.uiKind !== vscode.UIKind.Desktop) return undefined;
  try {
    return firstProcessId(await vscode.env.clipboard.readText());
  } catch {
    return undefined;
  }
}

/**
 * Undefined when the user dismisses the box. The process is looked up in the active profile.
 * `notice` (why the box is asked for) shows as a warning under it until the user types.
 */
export function askForProcessId(lookups: Pick<Lookups, 'activeProfile'>, notice?: string): Promise<ProcessRef | undefined> {
  const profile = lookups.activeProfile();
  const box = vscode.window.createInputBox();
  box.title = profile.production
    ? vscode.l10n.t('Look Up Process — {0} (production)', profile.label)
    : vscode.l10n.t('Look Up Process — {0}', profile.label);
  box.prompt = vscode.l10n.t('Process ID (UUID), as returned by Create Process or printed in your logs');
  box.placeholder = EXAMPLE_PROCESS_ID;
  box.ignoreFocusOut = true;
  const prefill = (id: string): void => {
    box.value = id;
    box.valueSelection = [0, id.length];
  };
  if (notice !== undefined) box.validationMessage = { message: notice, severity: vscode.InputBoxValidationSeverity.Warning };
  const fromEditor = notice === undefined ? editorProcessId() : undefined;
  if (fromEditor !== undefined) prefill(fromEditor);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (ref: ProcessRef | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(ref);
      box.dispose();
    };
    box.onDidChangeValue((value) => {
      box.validationMessage = value === '' ? undefined : validateProcessIdInput(value);
    });
    box.onDidAccept(() => {
      const id = normalizeProcessId(box.value);
      if (id === undefined) box.validationMessage = validateProcessIdInput(box.value);
      else finish({ id, profileId: profile.id });
    });
    box.onDidHide(() => {
      finish(undefined);
    });
    box.show();
    if (fromEditor === undefined) {
      void clipboardProcessId().then((id) => {
        if (id !== undefined && !settled && box.value === '') prefill(id);
      });
    }
  });
}
