/**
 * One notification per finished watch, grouped when several finish together: the first finish
 * opens a short window (~2 s); everything that finishes in it shares one notification
 * ("5 watched processes finished: 3 OK, 2 Invalid identity" with "Show"). A single one names its
 * verdict and profile, with "Open" (the process panel, through ShowProcess).
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { Lookups, ShowProcess } from '../services';
import { profileName } from './labels';
import type { FinishedWatch, WatchService } from './service';

export const GROUP_WINDOW_MS = 2_000;

/** A notification's text and its action titles; the promise resolves with the chosen title. */
export type Notify = (message: string, ...actions: string[]) => Thenable<string | undefined>;

export interface NotifierDeps {
  readonly watches: Pick<WatchService, 'onDidFinish'>;
  readonly lookups: Pick<Lookups, 'profile'>;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
  /** Test seams: default vscode.window.showInformationMessage and 2 s. */
  readonly notify?: Notify;
  readonly groupWindowMs?: number;
}

export class WatchNotifier extends Disposable {
  private batch: FinishedWatch[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly _onDidNotify = this._register(new vscode.EventEmitter<void>());
  /** Fires as each notification is shown (before the user answers it). */
  readonly onDidNotify = this._onDidNotify.event;

  constructor(private readonly deps: NotifierDeps) {
    super();
    this._register(deps.watches.onDidFinish((finished) => { this.add(finished); }));
    this._register({ dispose: () => { if (this.timer) clearTimeout(this.timer); } });
  }

  /** Finished watches waiting for the grouping window to close. */
  get pending(): number {
    return this.batch.length;
  }

  private add(finished: FinishedWatch): void {
    this.batch.push(finished);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = this.batch;
      this.batch = [];
      if (!this.isDisposed) void this.show(batch).catch((e: unknown) => {
        this.deps.log.warn(`watch: notification failed: ${e instanceof Error ? e.message : 'unknown'}`);
      });
    }, this.deps.groupWindowMs ?? GROUP_WINDOW_MS);
  }

  private async show(batch: readonly FinishedWatch[]): Promise<void> {
    const notify = this.deps.notify ?? ((message: string, ...actions: string[]) => vscode.window.showInformationMessage(message, ...actions));
    const [only] = batch;
    if (only && batch.length === 1) {
      const open = vscode.l10n.t('Open');
      const answer = notify(singleMessage(only, this.deps.lookups), open);
      this._onDidNotify.fire();
      if (await answer === open) await this.deps.showProcess(only.ref);
      return;
    }
    const show = vscode.l10n.t('Show');
    const answer = notify(groupMessage(batch), show);
    this._onDidNotify.fire();
    if (await answer === show) await this.pick(batch);
  }

  private async pick(batch: readonly FinishedWatch[]): Promise<void> {
    const items = batch.map((f) => ({
      label: f.ref.id,
      description: `${outcomeWord(f)} · ${profileName(this.deps.lookups.profile(f.ref.profileId), f.ref.profileId)}`,
      ref: f.ref,
    }));
    const chosen = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Finished Watched Processes'),
      placeHolder: vscode.l10n.t('Choose a process to open'),
      matchOnDescription: true,
    });
    if (chosen) await this.deps.showProcess(chosen.ref);
  }
}

function outcomeWord(f: FinishedWatch): string {
  return f.outcome.kind === 'settled' ? vscode.l10n.t(f.outcome.verdictLabel) : vscode.l10n.t('not finished');
}

function singleMessage(f: FinishedWatch, lookups: Pick<Lookups, 'profile'>): string {
  const where = profileName(lookups.profile(f.ref.profileId), f.ref.profileId);
  return f.outcome.kind === 'settled'
    ? vscode.l10n.t('Watched process {0} finished in {1}: {2}', f.ref.id, where, vscode.l10n.t(f.outcome.verdictLabel))
    : vscode.l10n.t('Stopped watching process {0} in {1} after {2} minutes: it has not finished.', f.ref.id, where, f.outcome.minutes);
}

/** "5 watched processes finished: 3 OK, 2 Invalid identity." plus the ones that ran out of time. */
export function groupMessage(batch: readonly FinishedWatch[]): string {
  const counts = new Map<string, number>();
  let timedOut = 0;
  let minutes = 0;
  for (const f of batch) {
    if (f.outcome.kind === 'timedOut') {
      timedOut++;
      minutes = Math.max(minutes, f.outcome.minutes);
    } else {
      const word = vscode.l10n.t(f.outcome.verdictLabel);
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const finished = batch.length - timedOut;
  const summary = [...counts.entries()].sort(([, a], [, b]) => b - a).map(([word, n]) => `${n} ${word}`).join(', ');
  const parts: string[] = [];
  if (finished === 1) parts.push(vscode.l10n.t('1 watched process finished: {0}.', summary));
  if (finished > 1) parts.push(vscode.l10n.t('{0} watched processes finished: {1}.', finished, summary));
  if (timedOut > 0) parts.push(vscode.l10n.t('Stopped watching {0} after {1} minutes: not finished.', timedOut, minutes));
  return parts.join(' ');
}
