/**
 * One panel's host-side state and its answers to the webview: the fetched process, the error to
 * show, the selfie and evidence set held in memory, and every message (ready, reveal, refresh,
 * open PDF, get selfie / evidence set, save, copy, error actions). Messages are validated by
 * `isWebviewMessage` before anything else; malformed ones are logged (by shape, never content)
 * and dropped. The webview gets a fresh view model after every change and does nothing else.
 */
import * as vscode from 'vscode';
import { fetchedDocumentRows } from '../../core/fetched';
import type { FetchedProcess } from '../../core/types';
import { isWebviewMessage, type CopyWhat, type HostMessage, type MediaKind, type ViewModel, type WatchView, type WebviewMessage } from '../../protocol';
import { Commands } from '../commandIds';
import { isIdCloudError } from '../../core/errors';
import { isCancellation, presentError } from '../errorMessages';
import { mediaNotFound } from './mediaNotFound';
import { Disposable } from '../lifecycle';
import { redact } from '../log';
import type { PresentedError, ProcessRef } from '../services';
import type { PanelDeps } from './deps';
import { isSettled } from '../watch/service';
import { buildViewModel, type HeldMedia } from './viewModel';
import { documentUrl, openInBrowser, saveTarget } from './files';
import { saveWithRetry } from '../saveFile';

/** signed_url lives 5 minutes; re-fetch a minute early so the link still works when the browser follows it. */
const SIGNED_URL_REFRESH_MS = 4 * 60_000;

/** The toolbar's copy buttons run the commands the other surfaces run. */
const COPY_COMMANDS: Readonly<Record<CopyWhat, string>> = { processId: Commands.copyProcessId, link: Commands.copyLink, json: Commands.copyAsJson };

export class PanelController extends Disposable {
  private fetched: FetchedProcess | undefined;
  private error: PresentedError | undefined;
  private loading = false;
  /** The raw values the last view offered to copy. */
  private shown: ReadonlySet<string> = new Set();
  private attached = false;
  private inFlight: AbortController | undefined;
  private readonly lifetime = new AbortController();
  private readonly media: Record<MediaKind, HeldMedia> = { selfie: { status: 'idle' }, evidenceSet: { status: 'idle' } };

  constructor(
    readonly ref: ProcessRef,
    private readonly deps: PanelDeps,
    private readonly post: (message: HostMessage) => unknown,
  ) {
    super();
    this.fetched = deps.lookups.peek(ref);
    this._register(deps.privacy.onDidChange(() => { this.render(); }));
    this._register(deps.lookups.onDidFetch((r) => { this.onFetched(r); }));
    if (deps.watches) this._register(deps.watches.onDidChange(() => { this.render(); }));
  }

  override dispose(): void {
    this.lifetime.abort();
    this.inFlight?.abort();
    super.dispose();
  }

  /** Whether a lookup answered (now or earlier, from the cache). */
  get hasProcess(): boolean {
    return this.fetched !== undefined;
  }

  /** The webview's document is gone (hidden without retained context): hold posts until its next `ready`. */
  detach(): void {
    this.attached = false;
  }

  /**
   * Fetch (or re-fetch with `force`) and render. A restored panel passes `interactive: false`: it
   * never triggers the production confirmation by itself, nor looks anything up in an untrusted
   * workspace (Restricted Mode); the user presses Refresh instead. `confirmed`: the caller has
   * just asked about this very lookup (a production link), so production does not ask again.
   */
  async load(options: { force: boolean; interactive: boolean; confirmed?: boolean }): Promise<void> {
    if (!options.interactive && this.deps.lookups.needsConfirmation(this.ref.profileId)) {
      this.error = { message: vscode.l10n.t('This process belongs to a production profile. Press Refresh to look it up.'), actions: [] };
      this.render();
      return;
    }
    if (!options.interactive && !vscode.workspace.isTrusted) {
      this.error = { message: vscode.l10n.t('This workspace is not trusted, so nothing is looked up by itself. Press Refresh to look this process up.'), actions: [] };
      this.render();
      return;
    }
    await this.fetch(options.force, options.confirmed).catch(() => undefined); // already presented in the view
  }

  async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) {
      this.deps.log.warn(`process panel: ignored a malformed message from the webview (${describe(message)})`);
      return;
    }
    try {
      await this.handle(message);
    } catch (e) {
      this.deps.log.error(`process panel: ${message.type} failed: ${redact(e instanceof Error ? e.message : String(e))}`);
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.attached = true;
        this.render();
        return;
      case 'toggleReveal':
        this.deps.privacy.toggle();
        return;
      case 'refresh':
        await this.load({ force: true, interactive: true });
        return;
      case 'openPdf':
        await this.openPdf(message.document);
        return;
      case 'getSelfie':
        await this.getMedia('selfie');
        return;
      case 'getEvidenceSet':
        await this.getMedia('evidenceSet');
        return;
      case 'save':
        await this.save(message.what);
        return;
      case 'copy':
        await vscode.commands.executeCommand(COPY_COMMANDS[message.what], this.ref);
        return;
      case 'copyValue':
        await this.copyValue(message.value);
        return;
      case 'watch':
      case 'unwatch':
        // Through the commands: watching asks the production question like any explicit lookup.
        await vscode.commands.executeCommand(message.type === 'watch' ? Commands.watch : Commands.unwatch, this.ref);
        return;
      case 'runAction': {
        const action = this.error?.actions[message.index];
        if (action) await vscode.commands.executeCommand(action.command, ...(action.arguments ?? []));
        return;
      }
    }
  }

  private async fetch(force: boolean, confirmed?: boolean): Promise<FetchedProcess> {
    this.inFlight?.abort();
    const request = new AbortController();
    this.inFlight = request;
    this.loading = true;
    this.render();
    try {
      const fetched = await this.deps.lookups.get(this.ref, { force, signal: request.signal, confirmed });
      this.fetched = fetched;
      this.error = undefined;
      return fetched;
    } catch (e) {
      if (this.inFlight === request) this.error = this.present(e);
      throw e;
    } finally {
      if (this.inFlight === request) {
        this.inFlight = undefined;
        this.loading = false;
        this.render();
      }
    }
  }

  private async openPdf(index: number): Promise<void> {
    const now = (this.deps.now ?? Date.now)();
    let fetched = this.fetched;
    if (!fetched || now - fetched.fetchedAt > SIGNED_URL_REFRESH_MS) {
      fetched = await this.fetch(true).catch(() => undefined);
      if (!fetched) return;
    }
    const url = fetchedDocumentRows(fetched)[index]?.signedUrl;
    if (!url) {
      this.deps.log.warn(`process panel: document ${index} of ${this.ref.id} has no signed_url`);
      return;
    }
    const safe = documentUrl(url, this.deps.lookups.profile(this.ref.profileId));
    if (!safe) {
      this.deps.log.warn(`process panel: refused to open the signed_url of document ${index}: not https: nor the emulator's own address`);
      void vscode.window.showWarningMessage(vscode.l10n.t('The document link is not an https: address, so it was not opened.'));
      return;
    }
    await (this.deps.openExternal ?? openInBrowser)(safe);
  }

  private async getMedia(kind: MediaKind): Promise<void> {
    if (this.media[kind].status === 'loading') return;
    this.media[kind] = { status: 'loading' };
    this.render();
    try {
      const options = { signal: this.lifetime.signal };
      const file = kind === 'selfie'
        ? await this.deps.lookups.getSelfie(this.ref, options)
        : await this.deps.lookups.getEvidenceSet(this.ref, options);
      this.media[kind] = { status: 'ready', file };
    } catch (e) {
      if (this.lifetime.signal.aborted) return;
      const fetched = this.deps.lookups.peek(this.ref);
      const message = isIdCloudError(e) && e.kind === 'notFound' && fetched && fetched.contract !== 'api'
        ? mediaNotFound(kind, fetched.process, Date.now())
        : this.present(e).message;
      this.media[kind] = { status: 'error', message };
    }
    this.render();
  }

  private async save(kind: MediaKind): Promise<void> {
    const held = this.media[kind];
    if (held.status !== 'ready') return;
    const target = saveTarget(kind, this.ref.id, held.file);
    const uri = await saveWithRetry(this.deps, target.fileName, {
      filters: target.filters,
      saveLabel: vscode.l10n.t('Save'),
      title: kind === 'selfie' ? vscode.l10n.t('Save Selfie') : vscode.l10n.t('Save Evidence Set'),
    }, () => held.file.bytes, `process panel: the ${kind}`);
    if (!uri) return;
    this.deps.log.info(`process panel: saved the ${kind} of ${this.ref.id} (${held.file.bytes.byteLength} bytes)`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Saved {0}', uri.path.split('/').pop() ?? ''), 5000);
  }

  private present(e: unknown): PresentedError {
    if (isCancellation(e)) return { message: vscode.l10n.t('The lookup was cancelled.'), actions: [] };
    const profile = this.deps.lookups.profile(this.ref.profileId);
    if (!profile) return { message: vscode.l10n.t('The profile of this process ({0}) is no longer configured.', this.ref.profileId), actions: [] };
    return presentError(e, { profile, processId: this.ref.id });
  }

  private onFetched(ref: ProcessRef): void {
    if (ref.id !== this.ref.id || ref.profileId !== this.ref.profileId || this.loading) return;
    const latest = this.deps.lookups.peek(ref);
    if (!latest || latest === this.fetched) return;
    this.fetched = latest;
    this.error = undefined;
    this.render();
  }

  /** Pressed while watched; offered while the process is unfinished; absent once it settled. */
  private watchView(): WatchView | undefined {
    const { watches } = this.deps;
    if (!watches) return undefined;
    if (watches.isWatched(this.ref)) return 'watching';
    return this.fetched && !isSettled(this.fetched) ? 'available' : undefined;
  }

  /** Copies a raw value the panel shows; anything else the webview sends is not copied (it is not trusted). */
  private async copyValue(value: string): Promise<void> {
    if (!this.shown.has(value)) {
      this.deps.log.warn('process panel: ignored a copy of a value the panel does not show');
      return;
    }
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied {0}', value)}`, 3000);
  }

  private render(): void {
    if (!this.attached || this.isDisposed) return;
    const view = buildViewModel({
      ref: this.ref,
      profile: this.deps.lookups.profile(this.ref.profileId),
      fetched: this.fetched,
      revealed: this.deps.privacy.revealed,
      loading: this.loading,
      error: this.error,
      media: this.media,
      watch: this.watchView(),
    });
    this.shown = copyableValues(view);
    void this.post({ type: 'render', view });
  }
}

function copyableValues(view: ViewModel): ReadonlySet<string> {
  const fields = view.process?.groups.flatMap((g) => g.fields) ?? [];
  return new Set([...fields.flatMap((f) => (f.raw ? [f.raw] : [])), ...(view.process?.capabilities.map((c) => c.value) ?? [])]);
}

/** A malformed message, described by shape only (its content may be anything). */
function describe(message: unknown): string {
  if (typeof message !== 'object' || message === null) return typeof message;
  const type = 'type' in message ? message.type : undefined;
  return typeof type === 'string' ? `type ${JSON.stringify(type.slice(0, 40))}` : 'no type';
}
