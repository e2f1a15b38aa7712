/**
 * Resolve All (`idcloud.resolveAll`): every distinct process ID of a file, looked up in the active
 * profile with "N of M", an ETA and Cancel, shown in the triage view. A session per (file, profile)
 * keeps what was fetched, so running it again fetches only the rest. Production asks first, with
 * the count; a profile without credentials says so before anything is scanned or asked.
 * This is the entry of dist/features.js (its `triage` export): activation registers the command (onDemand.ts)
 * and builds the service on its first run.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UnauthorizedError } from '../../core/errors';
import type { QueueProgress, RunSummary } from '../../core/resolveQueue';
import { isCancellation, showError } from '../errorMessages';
import { type FileScan, findProcessIdsIn, unreadableFile } from '../ids/findInFile';
import { Disposable } from '../lifecycle';
import { redact } from '../log';
import type { TriageDeps } from './deps';
import { exportTable } from './export';
import { TriageSession } from './session';
import { TRIAGE_VIEW_TYPE, TriageView } from './view';

export type { TriageDeps };

export class TriageService extends Disposable {
  private readonly sessions = new Map<string, TriageSession>();
  private readonly views = new Map<string, TriageView>();

  constructor(private readonly deps: TriageDeps) {
    super();
    this._register({ dispose: () => { for (const v of this.views.values()) v.panel.dispose(); } });
  }

  /** The session of `uri` in the active profile, if Resolve All ran on it (tests and the integrator). */
  sessionOf(uri: vscode.Uri): TriageSession | undefined {
    return this.sessions.get(key(uri, this.deps.lookups.activeProfile().id));
  }

  viewOf(session: TriageSession): TriageView | undefined {
    return this.views.get(key(session.uri, session.profile.id));
  }

  /** The command: resolves to the run's summary (undefined when nothing ran). */
  async command(arg?: unknown): Promise<RunSummary | undefined> {
    const profile = this.deps.lookups.activeProfile();
    try {
      const uri = arg instanceof vscode.Uri ? arg : await pickTarget();
      if (!uri) return undefined;
      if (!(await this.deps.lookups.hasCredentials(profile.id))) {
        void showError(new UnauthorizedError('missing', 'no credentials stored for this profile'), { profile }, this.deps.log);
        return undefined;
      }
      const scan = await this.scan(uri);
      if (!scan) return undefined;
      if (scan.ids.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No process IDs in {0}.', path.basename(uri.path)));
        return undefined;
      }
      const session = this.sessionFor(uri);
      if (session.isRunning) {
        this.show(session);
        return undefined;
      }
      session.setSites(scan.ids);
      this.show(session);
      return await this.resolve(session);
    } catch (e) {
      if (isCancellation(e)) return undefined;
      this.deps.log.error(`Resolve All failed: ${redact(String(e))}`);
      void showError(e, { profile }, this.deps.log);
      return undefined;
    }
  }

  /** The file's IDs; a file that cannot be read says so in its own words (undefined then, and when cancelled). */
  private async scan(uri: vscode.Uri): Promise<FileScan | undefined> {
    try {
      return await findProcessIdsIn(uri);
    } catch (e) {
      if (isCancellation(e)) return undefined;
      this.deps.log.error(`Resolve All could not read the file: ${redact(String(e))}`);
      void vscode.window.showErrorMessage(unreadableFile(e));
      return undefined;
    }
  }

  sessionFor(uri: vscode.Uri): TriageSession {
    const profile = this.deps.lookups.activeProfile();
    const k = key(uri, profile.id);
    let session = this.sessions.get(k);
    if (!session) {
      session = this._register(new TriageSession(uri, profile, this.deps.lookups, this.deps.now ?? Date.now));
      this.sessions.set(k, session);
    }
    return session;
  }

  /** Looks up what the session has not settled, with a cancellable progress notification. */
  async resolve(session: TriageSession, options: { signal?: AbortSignal } = {}): Promise<RunSummary | undefined> {
    if (session.isRunning) return undefined;
    const remaining = session.remaining().length;
    const numbers = new Intl.NumberFormat(vscode.env.language);
    if (remaining === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('All {0} process IDs of {1} are already looked up.', numbers.format(session.allSites().length), path.basename(session.uri.path)));
      return undefined;
    }
    const { profile } = session;
    if (profile.production) {
      const go = vscode.l10n.t('Look Up in {0}', profile.label);
      const picked = await vscode.window.showWarningMessage(
        vscode.l10n.t('Look up {0} processes in {1}?', numbers.format(remaining), profile.label),
        { modal: true, detail: vscode.l10n.t('{0} ({1}) holds real people\'s data.', profile.label, profile.apiBaseUrl) },
        go,
      );
      if (picked !== go) return undefined;
    }
    const view = this.viewOf(session);
    const title = vscode.l10n.t('Resolving process IDs in {0}', path.basename(session.uri.path));
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => { controller.abort(); });
      const forward = (): void => { controller.abort(); };
      options.signal?.addEventListener('abort', forward, { once: true });
      let reported = 0;
      try {
        const summary = await session.run({
          signal: controller.signal,
          confirmed: profile.production,
          onProgress: (p) => {
            const message = progressText(p, numbers);
            progress.report({ message, increment: ((p.done - reported) / Math.max(1, p.total)) * 100 });
            reported = p.done;
            if (view) view.statusText = message;
          },
        });
        this.deps.log.info(`Resolve All: ${summary.settled} of ${summary.total} settled (${summary.fetched} looked up${summary.cancelled ? ', cancelled' : ''})`);
        const failed = session.remaining().length;
        if (!summary.cancelled && failed > 0) {
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} lookups failed. Run Resolve All again to retry them.', numbers.format(failed)));
        }
        return summary;
      } finally {
        cancel.dispose();
        options.signal?.removeEventListener('abort', forward);
      }
    });
  }

  /** Opens (or reveals) the triage view of `session`. */
  show(session: TriageSession): TriageView {
    const k = key(session.uri, session.profile.id);
    const existing = this.views.get(k);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const title = vscode.l10n.t('Triage: {0}', path.basename(session.uri.path));
    const panel = vscode.window.createWebviewPanel(TRIAGE_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableFindWidget: true });
    const view = new TriageView(panel, session, this.deps, {
      exportTable: async (s, m) => { await exportTable(this.deps, s, m.format, m.query); },
      resolve: async (s) => { await this.resolve(s); },
    });
    this.views.set(k, view);
    panel.onDidDispose(() => {
      this.views.delete(k);
      view.dispose();
    });
    return view;
  }
}

function progressText(p: QueueProgress, numbers: Intl.NumberFormat): string {
  const done = numbers.format(p.done);
  const total = numbers.format(p.total);
  if (p.etaMs === undefined || p.done >= p.total) return vscode.l10n.t('{0} of {1}', done, total);
  return vscode.l10n.t('{0} of {1} · about {2} left', done, total, duration(p.etaMs));
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : [Math.round(seconds / 60), 'minute'];
  try {
    return new Intl.NumberFormat(vscode.env.language, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  } catch {
    return `${value} ${unit === 'second' ? 's' : 'min'}`;
  }
}

async function pickTarget(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) return active;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Resolve All'), title: vscode.l10n.t('Resolve All Process IDs in File') });
  return picked?.[0];
}

function key(uri: vscode.Uri, profileId: string): string {
  return `${profileId}\n${uri.toString()}`;
}
