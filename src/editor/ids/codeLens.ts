/**
 * Code lenses above lines with process IDs. `provideCodeLenses` costs no network: it returns
 * unresolved lenses from a capped scan (cached per document version). `resolveCodeLens` runs
 * only for visible lenses and asks the rate-limited, coalescing lookup. When the cap is hit, one
 * lens at the top lists every ID of the file.
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { Commands } from '../commands/ids';
import { isCancellation, presentError } from '../errorMessages';
import { Disposable } from '../lifecycle';
import { redact } from '../log';
import type { Lookups, ProcessRef } from '../services';
import { linkCancellation } from './hover';
import { type IdTally, type LensPlan, planLenses, tallyDocument } from './scan';
import { lensTitle, plain } from './summaryText';

export interface CodeLensDeps {
  readonly lookups: Lookups;
  readonly log: vscode.LogOutputChannel;
  readonly now: () => number;
  readonly maxPerDocument: number;
}

/** A lens for one ID on one line. */
class IdLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly processId: string,
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
/** A failed lookup is shown again without asking until this old (a refresh must not loop on it). */
const FAILURE_TTL_MS = 60_000;
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
  private readonly failures = new Map<string, { at: number; command: vscode.Command }>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CodeLensDeps) {
    super();
    const { lookups } = deps;
    this._register(
      lookups.onDidFetch((ref) => {
        if (lookups.peek(ref)) this.failures.delete(key(ref));
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
        this.failures.clear();
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

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    let plan = this.plans.get(document);
    if (!plan) {
      plan = planLenses(document, this.deps.maxPerDocument, token);
      if (!plan) return [];
      this.plans.set(document, plan);
    }
    const lenses: vscode.CodeLens[] = plan.occurrences.map(
      (o) => new IdLens(new vscode.Range(o.line, o.start, o.line, o.end), o.id),
    );
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

  private async commandFor(id: string, token: vscode.CancellationToken): Promise<vscode.Command> {
    const { lookups, now } = this.deps;
    const profile = lookups.activeProfile();
    const ref: ProcessRef = { id, profileId: profile.id };
    const open = (title: string): vscode.Command => ({ title, command: Commands.showProcess, arguments: [ref] });

    const cached = lookups.peek(ref);
    if (cached) return open(lensTitle(cached, profile, now(), vscode.l10n, vscode.env.language));
    const failed = this.failures.get(key(ref));
    if (failed && now() - failed.at < FAILURE_TTL_MS) return failed.command;
    if (lookups.needsConfirmation(profile.id)) {
      return open(vscode.l10n.t('$(shield) Look up in {0}', plain(profile.label)));
    }

    const controller = new AbortController();
    const cancellation = linkCancellation(token, controller);
    try {
      return open(lensTitle(await lookups.get(ref, { signal: controller.signal }), profile, now(), vscode.l10n, vscode.env.language));
    } catch (e) {
      if (token.isCancellationRequested || isCancellation(e)) return open('…');
      const command = this.failureCommand(e, ref);
      this.failures.set(key(ref), { at: now(), command });
      return command;
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
    this.deps.log.warn(`code lens lookup of ${ref.id} in ${ref.profileId} failed: ${isIdCloudError(e) ? e.kind : redact(String(e))}`);
    const presented = presentError(e, { profile, processId: ref.id });
    const action = presented.actions[0];
    return {
      title: `$(warning) ${plain(presented.message, 60)}`,
      tooltip: presented.message,
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

function key(ref: ProcessRef): string {
  return `${ref.profileId}\u0000${ref.id}`;
}
