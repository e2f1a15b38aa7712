/**
 * The triage webview: one panel per (file, profile), under the process panel's CSP (same nonce'd
 * script rule, its own bundle dist/triage.js and media/triage.css). It gets all rows on `ready`,
 * then only the rows that changed (batched), and re-renders rows when personal data is revealed.
 * Every message from the webview is validated by `isTriageMessage` first.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isTriageMessage, type TriageHostMessage, type TriageInit, type TriageLabelKey, type TriageWebviewMessage } from '../../triageProtocol';
import { Disposable } from '../lifecycle';
import { contentSecurityPolicy, escapeHtml, webviewOptions } from '../panel/html';
import { bucketLabels, columnLabels, RowBuilder } from './rows';
import type { TriageSession } from './session';
import type { TriageDeps } from './deps';
import { parseProcessId } from '../../core/processId';

export const TRIAGE_VIEW_TYPE = 'idcloud.triage';
/** Rows resolve in bursts: one post per burst. */
const FLUSH_MS = 100;

export interface TriageActions {
  exportTable(session: TriageSession, message: Extract<TriageWebviewMessage, { type: 'export' }>): Promise<void>;
  resolve(session: TriageSession): Promise<void>;
}

export class TriageView extends Disposable {
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;

  constructor(readonly panel: vscode.WebviewPanel, readonly session: TriageSession, private readonly deps: TriageDeps, private readonly actions: TriageActions) {
    super();
    const { webview } = panel;
    webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity.svg');
    webview.html = this.html(webview);
    this._register(webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
    this._register(panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false; // the document is gone; the next `ready` gets everything
    }));
    this._register(session.onDidChange((ids) => {
      if (ids === undefined) this.postAll();
      else this.queue(ids);
    }));
    this._register(session.onDidProgress(() => { this.postStatus(); }));
    this._register(deps.privacy.onDidChange(() => { this.postAll(); }));
    this._register({ dispose: () => { clearTimeout(this.timer); } });
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(18).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'triage.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'triage.css'));
    const icons = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'icons.css'));
    return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(icons.toString())}">
<link rel="stylesheet" href="${escapeHtml(style.toString())}">
<title>${escapeHtml(path.basename(this.session.uri.path))}</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="loading">${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
  }

  private async receive(message: unknown): Promise<void> {
    if (!isTriageMessage(message)) {
      this.deps.log.warn('triage view: ignored a malformed message from the webview');
      return;
    }
    try {
      await this.handle(message);
    } catch (e) {
      this.deps.log.error(`triage view: ${message.type} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async handle(message: TriageWebviewMessage): Promise<void> {
    const { session } = this;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', init: this.init() });
        this.postAll();
        return;
      case 'open': {
        const id = parseProcessId(message.id);
        if (id !== undefined) await this.deps.showProcess(session.ref(id));
        return;
      }
      case 'goToLine':
        await this.goToLine(message.id);
        return;
      case 'export':
        await this.actions.exportTable(session, message);
        return;
      case 'watchUnfinished':
        this.watchUnfinished();
        return;
      case 'toggleReveal':
        this.deps.privacy.toggle();
        return;
      case 'resolve':
        await this.actions.resolve(session);
        return;
      case 'cancel':
        session.cancel();
        return;
    }
  }

  private init(): TriageInit {
    const labels: Record<TriageLabelKey, string> = {
      filter: vscode.l10n.t('Filter rows'), allStates: vscode.l10n.t('All states'), allFlows: vscode.l10n.t('All flows'), exportCsv: vscode.l10n.t('Export CSV…'),
      exportJsonl: vscode.l10n.t('Export JSON Lines…'), watchUnfinished: vscode.l10n.t('Watch All Unfinished'), resolve: vscode.l10n.t('Resolve All'),
      cancel: vscode.l10n.t('Cancel'), reveal: vscode.l10n.t('Show Personal Data'), hide: vscode.l10n.t('Hide Personal Data'),
      noRows: vscode.l10n.t('No row matches the filter.'), shown: vscode.l10n.t('{0} of {1} rows'), openHint: vscode.l10n.t('Open the process'),
      lineHint: vscode.l10n.t('Go to the first occurrence'), toolbar: vscode.l10n.t('Triage actions'), counts: vscode.l10n.t('Counts by verdict'),
    };
    const { profile } = this.session;
    return {
      title: vscode.l10n.t('{0} in {1}', path.basename(this.session.uri.path), profile.label),
      profile: { label: profile.label, production: profile.production },
      labels, bucketLabels: bucketLabels(), columnLabels: columnLabels(),
      canWatch: this.deps.watches !== undefined,
    };
  }

  private builder(): RowBuilder {
    return new RowBuilder(vscode.env.language, this.deps.privacy.revealed);
  }

  private postAll(): void {
    this.pending.clear();
    this.post({ type: 'rows', rows: this.builder().rows(this.session), replace: true });
    this.postStatus();
  }

  private queue(ids: readonly string[]): void {
    for (const id of ids) this.pending.add(id);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const ids = [...this.pending];
      this.pending.clear();
      if (ids.length > 0) this.post({ type: 'rows', rows: this.builder().rows(this.session, ids), replace: false });
    }, FLUSH_MS);
  }

  /** Set by the run's progress reporter: the same "N of M · ETA" text as the notification. */
  statusText = '';

  postStatus(): void {
    this.post({ type: 'status', status: { text: this.session.isRunning ? this.statusText : '', running: this.session.isRunning, revealed: this.deps.privacy.revealed } });
  }

  private post(message: TriageHostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async goToLine(id: string): Promise<void> {
    const site = this.session.allSites().find((s) => s.id === id);
    if (!site) return;
    const start = new vscode.Position(site.firstLine, site.firstColumn);
    try {
      await vscode.window.showTextDocument(this.session.uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(start, start.translate(0, id.length)) });
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('The file cannot be opened in the editor (too large?).'));
    }
  }

  private watchUnfinished(): void {
    const { watches } = this.deps;
    if (!watches) return;
    const refs = this.builder().rows(this.session).filter((r) => r.bucket === 'pending').flatMap((r) => { const id = parseProcessId(r.id); return id === undefined ? [] : [this.session.ref(id)]; });
    watches.watch(refs);
    void vscode.window.showInformationMessage(vscode.l10n.t('Watching {0} unfinished processes.', refs.length));
  }
}
