/**
 * Code lenses above lines with process IDs. `provideCodeLenses` costs no network: it returns
 * unresolved lenses from a capped scan (cached per document version). `resolveCodeLens` runs
 * only for visible lenses: a cached answer (however old) is shown as is; otherwise, where the
 * Background policy allows, it asks the lookup as a background caller (per-ID failure backoff).
 * Where the policy forbids, one lens at the top says why (no credentials, production, untrusted
 * workspace) and only IDs with a cached answer get their own lens. When the cap is hit, one lens
 * at the top lists every ID of the file.
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { Commands } from '../commandIds';
import { isCancellation, presentError } from '../errorMessages';
import { Disposable } from '../lifecycle';
import { redact } from '../log';
import type { Background, BackgroundBlock, Lookups, Profile, ProcessRef } from '../services';
import { linkCancellation } from './hover';
import { type IdTally, type LensPlan, planLenses, tallyDocument } from './scan';
import { inert, lensTitle, plain } from './summaryText';
import type { ProcessId } from '../../core/processId';

export interface CodeLensDeps {
  readonly lookups: Lookups;
  readonly background: Background;
  readonly log: vscode.LogOutputChannel;
  readonly now: () => number;
  readonly maxPerDocument: number;
}

/** A lens for one ID on one line. */
class IdLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly processId: ProcessId,
  ) {
    super(range);
  }
}

/** The lens at the top of a capped document: "N process IDs in this file — list". */
class ListLens extends vscode.CodeLens {
  constructor(readonly document: vscode.TextDocument) {
    super(new vscode.Range(0, 0, 0, 0));
  }
}

/** The one lens at the top of a file whose profile may not look up in the background: why, and what to do. */
export function blockLens(block: BackgroundBlock, profile: Profile, uri: vscode.Uri): vscode.CodeLens {
  const range = new vscode.Range(0, 0, 0, 0);
  switch (block) {
    case 'noCredentials':
      return new vscode.CodeLens(range, {
        title: vscode.l10n.t('$(key) {0} has no credentials — Set Credentials…', plain(profile.label)),
        command: Commands.setCredentials,
        arguments: [profile.id],
      });
    case 'production':
      return new vscode.CodeLens(range, {
        title: vscode.l10n.t('$(shield) {0}: lookups only on request — Resolve All…', plain(profile.label)),
        tooltip: vscode.l10n.t('Lenses and hovers never look up production processes by themselves, even after you confirmed production in this window.'),
        command: Commands.resolveAll,
        arguments: [uri],
      });
    case 'untrusted':
      return new vscode.CodeLens(range, {
        title: vscode.l10n.t('$(shield) Process lookups wait until you trust this workspace — Manage Workspace Trust'),
        command: 'workbench.trust.manage',
        arguments: [],
      });
    }
  }

/** Beside the list lens: "Resolve all" (every ID of the file, in the triage view). */
class ResolveAllLens extends vscode.CodeLens {
  constructor(document: vscode.TextDocument) {
    super(new vscode.Range(0, 0, 0, 0), {
      title: vscode.l10n.t('$(run-all) Resolve all'),
      command: Commands.resolveAll,
      arguments: [document.uri],
    });
  }
}

/** Documents whose scan results are kept (the visible editors, give or take). */
const CACHED_DOCUMENTS = 8;
/** Fetches settle in bursts while lenses resolve: one refresh per burst. */
const REFRESH_DELAY_MS = 250;

class VersionCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  get(document: vscode.TextDocument): T | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry?.version === document.version ? entry.value : undefined;
  }

  set(document: vscode.TextDocument, value: T): void {
    const key = document.uri.toString();
    this.entries.delete(key);
    this.entries.set(key, { version: document.version, value });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= CACHED_DOCUMENTS) break;
      this.entries.delete(old);
    }
  }

  delete(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }

  values(): IterableIterator<{ value: T }> {
    return this.entries.values();
  }
}

export class ProcessIdCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly plans = new VersionCache<LensPlan>();
  private readonly tallies = new VersionCache<IdTally[]>();
  /** Failures already logged (a remembered failure comes back on every refresh). */
  private readonly logged = new WeakSet();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CodeLensDeps) {
    super();
    const { lookups } = deps;
    this._register(
      lookups.onDidFetch((ref) => {
        for (const { value } of this.plans.values()) {
          if (value.ids.has(ref.id)) {
            this.scheduleRefresh();
            return;
          }
        }
      }),
    );
    this._register(
      lookups.onDidChangeActiveProfile(() => {
        this.scheduleRefresh();
      }),
    );
    this._register(
      deps.background.onDidChange(() => {
        this.scheduleRefresh();
      }),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.plans.delete(d);
        this.tallies.delete(d);
      }),
    );
    this._register({
      dispose: () => {
        clearTimeout(this.refreshTimer);
      },
    });
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    let plan = this.plans.get(document);
    if (!plan) {
      plan = planLenses(document, this.deps.maxPerDocument, token);
      if (!plan) return [];
      this.plans.set(document, plan);
    }
    if (plan.occurrences.length === 0) return [];
    const { lookups, background } = this.deps;
    const profile = lookups.activeProfile();
    const block = await background.block(profile.id);
    if (token.isCancellationRequested) return [];
    const shown = block === undefined ? plan.occurrences : plan.occurrences.filter((o) => lookups.peek({ id: o.id, profileId: profile.id }));
    const lenses: vscode.CodeLens[] = shown.map((o) => new IdLens(new vscode.Range(o.line, o.start, o.line, o.end), o.id));
    if (block !== undefined) lenses.unshift(blockLens(block, profile, document.uri));
    if (plan.capped) lenses.unshift(new ListLens(document), new ResolveAllLens(document));
    return lenses;
  }

  async resolveCodeLens(lens: vscode.CodeLens, token: vscode.CancellationToken): Promise<vscode.CodeLens> {
    if (lens instanceof ListLens) {
      const tally = await this.tally(lens.document, token);
      if (tally) {
        lens.command = {
          title: vscode.l10n.t('$(list-unordered) {0} process IDs in this file — list', tally.length),
          command: Commands.findProcessIdsInFile,
          arguments: [lens.document.uri],
        };
      }
    } else if (lens instanceof IdLens) {
      lens.command = await this.commandFor(lens.processId, token);
    }
    return lens;
  }

  private async tally(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<IdTally[] | undefined> {
    let tally = this.tallies.get(document);
    if (!tally) {
      tally = await tallyDocument(document, token);
      if (tally) this.tallies.set(document, tally);
    }
    return tally;
  }

  private async commandFor(id: ProcessId, token: vscode.CancellationToken): Promise<vscode.Command> {
    const { lookups, now } = this.deps;
    const profile = lookups.activeProfile();
    const ref: ProcessRef = { id, profileId: profile.id };
    const open = (title: string): vscode.Command => ({ title, command: Commands.showProcess, arguments: [ref] });

    const cached = lookups.peek(ref);
    if (cached) return open(lensTitle(cached, profile, now(), vscode.l10n, vscode.env.language));

    const controller = new AbortController();
    const cancellation = linkCancellation(token, controller);
    try {
      // a background caller: refused where the policy forbids, a remembered failure until its backoff passed
      return open(lensTitle(await lookups.get(ref, { signal: controller.signal, background: true }), profile, now(), vscode.l10n, vscode.env.language));
    } catch (e) {
      if (token.isCancellationRequested || isCancellation(e)) return open('…');
      return this.failureCommand(e, ref);
    } finally {
      cancellation.dispose();
    }
  }

  private failureCommand(e: unknown, ref: ProcessRef): vscode.Command {
    const profile = this.deps.lookups.profile(ref.profileId) ?? this.deps.lookups.activeProfile();
    if (isIdCloudError(e) && e.kind === 'notFound') {
      return {
        title: vscode.l10n.t('$(question) Not found in {0} — look up in all profiles', plain(profile.label)),
        command: Commands.lookUpInAllProfiles,
        arguments: [ref],
      };
    }
    if (!(e instanceof Error) || !this.logged.has(e)) {
      if (e instanceof Error) this.logged.add(e);
      this.deps.log.warn(`code lens lookup of ${ref.id} in ${ref.profileId} failed: ${isIdCloudError(e) ? e.kind : redact(String(e))}`);
    }
    const presented = presentError(e, { profile, processId: ref.id });
    const action = presented.actions[0];
    return {
      title: `$(warning) ${plain(presented.message, 60)}`,
      tooltip: inert(presented.message),
      command: action?.command ?? Commands.showProcess,
      arguments: action ? [...(action.arguments ?? [])] : [ref],
    };
  }

  private scheduleRefresh(): void {
    if (this.isDisposed || this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changed.fire();
    }, REFRESH_DELAY_MS);
  }
}
