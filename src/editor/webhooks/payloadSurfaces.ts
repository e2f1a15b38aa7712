/**
 * Webhook payloads in open files (a JSON file, a log line): a code lens "Open process · webhook
 * result ok" with "Compare with the API", and a hover that maps the webhook's result vocabulary
 * onto Get Process's, with its source. Both read only the document: nothing is looked up until
 * the user clicks, so they work the same in Restricted Mode.
 */
import * as vscode from 'vscode';
import { WEBHOOK_SOURCES } from '../../core/sources';
import { findWebhookPayloads, LAST_EVENTS, mapWebhookResult, type FoundPayload, type WebhookPayload } from '../../core/webhook';
import { Commands } from '../commandIds';
import { plain } from '../ids/summaryText';
import type { Lookups } from '../services';

/** Larger documents are not searched (a payload is a few hundred bytes; logs that big use Find in File). */
const MAX_DOCUMENT = 5 * 1024 * 1024;

/**
 * The payloads of the last document asked about. Keyed by the document object and its version, not
 * by URI: an untitled document's URI (untitled:Untitled-1) is reused by the next one after a close,
 * at version 1 again, and must not be served the closed one's answer.
 */
class PayloadCache {
  private document: vscode.TextDocument | undefined;
  private version = -1;
  private found: FoundPayload[] = [];

  get(document: vscode.TextDocument): FoundPayload[] {
    if (document !== this.document || document.version !== this.version) {
      const text = document.getText();
      this.found = text.length > MAX_DOCUMENT || !text.includes('"processId"') ? [] : findWebhookPayloads(text);
      this.document = document;
      this.version = document.version;
    }
    return this.found;
  }
}

export class WebhookLensProvider implements vscode.CodeLensProvider {
  private readonly cache = new PayloadCache();

  constructor(private readonly lookups: Pick<Lookups, 'activeProfile'>) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return this.cache.get(document).flatMap(({ payload, keyAt }) => {
      const range = new vscode.Range(document.positionAt(keyAt), document.positionAt(keyAt));
      const ref = { id: payload.processId, profileId: this.lookups.activeProfile().id };
      const title = payload.result === undefined
        ? vscode.l10n.t('Open process · webhook')
        : vscode.l10n.t('Open process · webhook result {0}', plain(payload.result, 24));
      return [
        new vscode.CodeLens(range, { title, command: Commands.showProcess, arguments: [ref] }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Compare with the API'), command: Commands.compareWebhook, arguments: [payload] }),
      ];
    });
  }
}

/** API text as an inline code span: inert there (no markdown, links or icons), so only backticks, line breaks and bidi controls need replacing. */
function code(text: string, max = 60): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `\`${clipped.replace(/[`\r\n\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '?')}\``;
}

function resultLine(payload: WebhookPayload): string | undefined {
  if (payload.result === undefined) return undefined;
  const mapped = mapWebhookResult(payload.result);
  const value = code(payload.result, 40);
  return mapped === undefined
    ? vscode.l10n.t('Result {0}: not a value unico documents for webhooks (ok, expired, invalid_identity).', value)
    : vscode.l10n.t('Result {0} stands for {1} in Get Process.', value, `\`${mapped}\``);
}

function lastEventLine(payload: WebhookPayload): string | undefined {
  if (payload.lastEvent === undefined) return undefined;
  const known = LAST_EVENTS.includes(payload.lastEvent);
  const value = code(payload.lastEvent);
  return known
    ? vscode.l10n.t('Last event before it expired: {0} (unico documents the name only).', value)
    : vscode.l10n.t('Last event {0}: not a value unico documents.', value);
}

export class WebhookHoverProvider implements vscode.HoverProvider {
  private readonly cache = new PayloadCache();

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const hit = this.cache.get(document).find((f) => offset >= f.start && offset < f.end);
    if (!hit) return undefined;
    const { payload } = hit;
    const lines = [
      `**${vscode.l10n.t('unico webhook')}** · \`${payload.processId}\``,
      '',
      ...[
        resultLine(payload),
        payload.state === undefined ? undefined : vscode.l10n.t('State {0}: unico notifies only the final state.', code(payload.state, 40)),
        lastEventLine(payload),
        vscode.l10n.t('Delivered at least once: the same processId may arrive again, so handle it idempotently.'),
      ].filter((l): l is string => l !== undefined).map((l) => `- ${l}`),
      '',
      `[${vscode.l10n.t('Source: unico webhook events')}](${WEBHOOK_SOURCES.events}) · [${vscode.l10n.t('delivery')}](${WEBHOOK_SOURCES.security})`,
    ];
    const md = new vscode.MarkdownString(lines.join('\n'));
    md.isTrusted = false;
    return new vscode.Hover(md, new vscode.Range(document.positionAt(hit.start), document.positionAt(hit.end)));
  }
}
