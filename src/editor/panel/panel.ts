/**
 * The webview panels: one per process (keyed by profile and ID), revealed when asked again, and
 * restored after a window reload by the `idcloud.process` serializer from `{ ref }` alone — the
 * webview's state never holds personal data; the process is looked up again (from the cache or
 * the network) after the reload. This is the entry of dist/features.js (its `panel` export): index.ts registers
 * the serializer at activation and builds ProcessPanels when the first panel opens or is restored.
 */
import * as vscode from 'vscode';
import { parseProcessId } from '../../core/processId';
import { isPanelState } from '../../protocol';
import { Disposable } from '../lifecycle';
import type { ProcessRef, ShowOptions, ShowProcess } from '../services';
import { panelHtml, webviewOptions } from './html';
import { PANEL_VIEW_TYPE, type PanelDeps } from './deps';
import { PanelController } from './controller';

class ProcessPanel extends Disposable {
  readonly controller: PanelController;

  constructor(readonly panel: vscode.WebviewPanel, readonly ref: ProcessRef, deps: PanelDeps, onDidDispose: () => void) {
    super();
    this.controller = this._register(new PanelController(ref, deps, (m) => panel.webview.postMessage(m)));
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.title = panelTitle(ref, deps);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity.svg');
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri, ref);
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.controller.receive(m)));
    this._register(panel.onDidChangeViewState(() => {
      if (!panel.visible) this.controller.detach();
    }));
    this._register(panel.onDidDispose(() => {
      onDidDispose();
      this.dispose();
    }));
  }
}

function panelTitle(ref: ProcessRef, deps: PanelDeps): string {
  const profile = deps.lookups.profile(ref.profileId);
  const label = profile?.label ?? ref.profileId;
  return profile?.production ? `⚠ ${ref.id.slice(0, 8)} · ${label}` : `${ref.id.slice(0, 8)} · ${label}`;
}

export class ProcessPanels extends Disposable {
  private readonly panels = new Map<string, ProcessPanel>();
  /** Opens the panel of `ref`, or reveals it if open, and looks the process up. */
  readonly showProcess: ShowProcess = (ref, options) => this.show(ref, options);

  constructor(private readonly deps: PanelDeps) {
    super();
  }

  async show(ref: ProcessRef, options?: ShowOptions): Promise<void> {
    const existing = this.panels.get(key(ref));
    if (existing) {
      existing.panel.reveal();
      await this.record(existing);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, ref.id.slice(0, 8), vscode.ViewColumn.Active, {
      ...webviewOptions(this.deps.extensionUri),
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    const opened = this.adopt(panel, ref);
    await opened.controller.load({ force: false, interactive: true, confirmed: options?.confirmed });
    await this.record(opened);
  }

  /** The process of the panel the user is looking at (the active editor), if it is one of these. */
  activeRef(): ProcessRef | undefined {
    return [...this.panels.values()].find((p) => p.panel.active)?.ref;
  }

  /** The open panel of `ref`, for tests and for surfaces that need to know. */
  controllerOf(ref: ProcessRef): PanelController | undefined {
    return this.panels.get(key(ref))?.controller;
  }

  override dispose(): void {
    for (const p of [...this.panels.values()]) p.panel.dispose();
    super.dispose();
  }

  /** Adopts a panel VS Code restored after a reload (the serializer's half, index.ts). */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const id = isPanelState(state) ? parseProcessId(state.ref.id) : undefined;
    if (!isPanelState(state) || id === undefined || this.panels.has(key({ id, profileId: state.ref.profileId }))) {
      this.deps.log.warn('process panel: dropped a restored panel without a valid process reference');
      panel.dispose();
      return;
    }
    const ref: ProcessRef = { id, profileId: state.ref.profileId };
    await this.adopt(panel, ref).controller.load({ force: false, interactive: false });
  }

  /** Into Recent once the panel holds the process: a lookup that failed or was declined is not remembered. */
  private async record(p: ProcessPanel): Promise<void> {
    if (p.controller.hasProcess) await this.deps.recent?.add(p.ref);
  }

  private adopt(panel: vscode.WebviewPanel, ref: ProcessRef): ProcessPanel {
    const k = key(ref);
    const p = new ProcessPanel(panel, ref, this.deps, () => this.panels.delete(k));
    this.panels.set(k, p);
    return p;
  }
}

function key(ref: ProcessRef): string {
  return `${ref.profileId}\n${ref.id}`;
}
