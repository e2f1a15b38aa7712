/**
 * The Webhook Inbox view and its commands: Start Webhook Inbox asks for a port and the
 * authentication to expect, starts the receiver on 127.0.0.1, and lists each delivery as it
 * arrives — result, process, time, redeliveries marked — linked to its process. Nothing is kept
 * on disk; the list lives as long as the window. Stop Webhook Inbox closes the port.
 */
import * as vscode from 'vscode';
import { mapWebhookResult } from '../../core/webhook';
import { Commands } from '../commandIds';
import { Disposable } from '../lifecycle';
import { plain } from '../ids/summaryText';
import type { Lookups } from '../services';
import { type Delivery, type InboxAuth, type RunningInbox, startInbox } from './inboxServer';

const MAX_SHOWN = 500;

function icon(result: string | undefined): vscode.ThemeIcon {
  switch (mapWebhookResult(result)) {
    case 'PROCESS_RESULT_OK': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'PROCESS_RESULT_INVALID_IDENTITY': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'PROCESS_RESULT_EXPIRED': return new vscode.ThemeIcon('watch');
    default: return new vscode.ThemeIcon('question');
  }
}

export class WebhookInbox extends Disposable implements vscode.TreeDataProvider<Delivery> {
  private readonly changed = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private deliveries: Delivery[] = [];
  private running: RunningInbox | undefined;

  constructor(private readonly lookups: Pick<Lookups, 'activeProfile'>, private readonly log: vscode.LogOutputChannel) {
    super();
    this._register({ dispose: () => { void this.stop(); } });
  }

  get url(): string | undefined {
    return this.running?.url;
  }

  /** Delivered so far, newest first. */
  all(): readonly Delivery[] {
    return this.deliveries;
  }

  async start(port: number, auth: InboxAuth): Promise<string> {
    await this.stop();
    this.running = await startInbox({
      port, auth,
      onDelivery: (d) => {
        this.deliveries = [d, ...this.deliveries].slice(0, MAX_SHOWN);
        this.log.info(`webhook inbox: ${d.redelivery ? 'redelivery' : 'delivery'} for ${d.payload.processId} (${d.payload.result ?? 'no result'})`);
        this.changed.fire(undefined);
      },
      onRejected: (status, reason) => { this.log.warn(`webhook inbox: refused a request (${String(status)}: ${reason})`); },
    });
    void vscode.commands.executeCommand('setContext', 'idcloud.webhookInboxRunning', true);
    this.log.info(`webhook inbox: listening on ${this.running.url} (auth: ${auth.type})`);
    return this.running.url;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    await running.close();
    void vscode.commands.executeCommand('setContext', 'idcloud.webhookInboxRunning', false);
    this.log.info('webhook inbox: stopped');
  }

  getTreeItem(d: Delivery): vscode.TreeItem {
    const item = new vscode.TreeItem(`${plain(d.payload.result ?? '—', 24)} · ${d.payload.processId}`);
    const time = new Date(d.receivedAt).toLocaleTimeString(vscode.env.language);
    item.description = d.redelivery ? vscode.l10n.t('{0} · redelivery', time) : time;
    item.tooltip = [
      d.payload.processId,
      vscode.l10n.t('Result: {0}', plain(d.payload.result ?? '—', 40)),
      vscode.l10n.t('Flow: {0}', plain(d.payload.flow ?? '—', 40)),
      ...(d.redelivery ? [vscode.l10n.t('The same processId arrived before: unico delivers at least once.')] : []),
    ].join('\n');
    item.iconPath = icon(d.payload.result);
    item.contextValue = 'webhookDelivery';
    item.command = {
      title: vscode.l10n.t('Open Process'),
      command: Commands.showProcess,
      arguments: [{ id: d.payload.processId, profileId: this.lookups.activeProfile().id }],
    };
    return item;
  }

  getChildren(element?: Delivery): Delivery[] {
    return element ? [] : this.deliveries;
  }
}

/** Asks for the port and the authentication unico is set up to send; undefined when dismissed. */
export async function askInboxSettings(): Promise<{ port: number; auth: InboxAuth } | undefined> {
  const portText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Webhook Inbox: port on 127.0.0.1'),
    prompt: vscode.l10n.t('The port to listen on (put it behind your own tunnel to receive unico\'s calls); 0 picks a free one.'),
    value: '8787',
    validateInput: (v) => (/^\d{1,5}$/.test(v.trim()) && Number(v) <= 65535 ? undefined : vscode.l10n.t('A port from 0 to 65535.')),
  });
  if (portText === undefined) return undefined;
  const kinds = [
    { label: vscode.l10n.t('None'), detail: vscode.l10n.t('Accept any call (for local testing only).'), type: 'none' as const },
    { label: vscode.l10n.t('Basic'), detail: vscode.l10n.t('Authorization: Basic, from user:password.'), type: 'basic' as const },
    { label: vscode.l10n.t('Bearer (OAuth2)'), detail: vscode.l10n.t('Authorization: Bearer <token>.'), type: 'bearer' as const },
    { label: vscode.l10n.t('API key'), detail: vscode.l10n.t('header:value as configured at unico (no colon: the raw value in Authorization).'), type: 'apiKey' as const },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('Webhook Inbox: authentication to expect') });
  if (!kind) return undefined;
  const port = Number(portText.trim());
  if (kind.type === 'none') return { port, auth: { type: 'none' } };
  const secret = await vscode.window.showInputBox({
    title: vscode.l10n.t('Webhook Inbox: {0}', kind.label),
    prompt: kind.type === 'basic' ? vscode.l10n.t('user:password') : kind.type === 'bearer' ? vscode.l10n.t('The token') : vscode.l10n.t('header:value'),
    password: true,
    ignoreFocusOut: true,
  });
  if (!secret) return undefined;
  switch (kind.type) {
    case 'basic': {
      const at = secret.indexOf(':');
      return { port, auth: { type: 'basic', user: at < 0 ? secret : secret.slice(0, at), password: at < 0 ? '' : secret.slice(at + 1) } };
    }
    case 'bearer': return { port, auth: { type: 'bearer', token: secret } };
    case 'apiKey': {
      const at = secret.indexOf(':');
      return { port, auth: at < 0 ? { type: 'apiKey', header: '', value: secret } : { type: 'apiKey', header: secret.slice(0, at).trim(), value: secret.slice(at + 1).trim() } };
    }
  }
}
