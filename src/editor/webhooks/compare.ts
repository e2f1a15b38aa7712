/**
 * Compare Webhook with the API: fetches the process of a webhook payload (an explicit lookup in the
 * active profile) and says where they disagree — a state that moved on, a different result (the
 * webhook's lower-case vocabulary mapped onto Get Process's), another flow.
 */
import * as vscode from 'vscode';
import { compareWebhook, findWebhookPayloads, type WebhookPayload, asWebhookPayload } from '../../core/webhook';
import type { Lookups, ShowProcess } from '../services';

/** The payload under the cursor (or selected) in the active editor. */
export function payloadAtCursor(): WebhookPayload | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const found = findWebhookPayloads(editor.document.getText());
  return (found.find((f) => offset >= f.start && offset <= f.end) ?? (found.length === 1 ? found[0] : undefined))?.payload;
}

const FIELD_LABELS = { state: 'State', result: 'Result', flow: 'Flow' } as const;

export async function compareWithApi(arg: unknown, deps: { lookups: Lookups; showProcess: ShowProcess }): Promise<string | undefined> {
  const payload = asWebhookPayload(arg) ?? payloadAtCursor();
  if (!payload) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a webhook payload (a JSON object with processId and state or result) and run Compare Webhook with the API again.'));
    return undefined;
  }
  const profile = deps.lookups.activeProfile();
  const ref = { id: payload.processId, profileId: profile.id };
  const fetched = await deps.lookups.get(ref);
  if (fetched.contract === 'api') {
    // unico's webhooks describe Web & SDK processes (state, result); an API-contract process has neither.
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} uses the API contract: its processes have a status, not the state and result a webhook carries, so there is nothing to compare.', profile.label));
    return undefined;
  }
  const differences = compareWebhook(payload, fetched.process);
  const open = vscode.l10n.t('Open Process');
  const detail = differences.map((d) => vscode.l10n.t('{0}: webhook {1} · API {2}', vscode.l10n.t(FIELD_LABELS[d.field]), d.webhook, d.api || '—')).join('\n');
  const message = differences.length === 0
    ? vscode.l10n.t('The webhook and {0} agree on process {1}.', profile.label, payload.processId)
    : vscode.l10n.t('The webhook and {0} disagree on process {1}.', profile.label, payload.processId);
  // not awaited: the answer is the comparison; the message stays up until the user is done with it
  void Promise.resolve(vscode.window.showInformationMessage(message, { modal: differences.length > 0, detail: detail || undefined }, open))
    .then((picked) => (picked === open ? deps.showProcess(ref) : undefined));
  return differences.length === 0 ? 'agree' : detail;
}
