/**
 * Entry of dist/features.js (its `deeplink` export): process links. `handleUri` opens the panel a
 * received link names, through the one `showProcess` path (so it lands in Recent and uses the
 * cache like any other way of opening); `copyLink` builds the link of a process. Activation only
 * registers the URI handler and the command (index.ts); this module is required on first use.
 *
 * A link is someone else's intent: a production link asks with a modal every time, whatever the
 * window's once-per-window confirmation says (and does not count as it). A link that cannot be
 * opened says why and offers what it still allows (its ID in every profile, the settings), so
 * nothing it held is lost; its text is echoed only clipped, redacted and inert.
 */
import * as vscode from 'vscode';
import { EXAMPLE_PROCESS_ID, type ProcessId } from '../../core/processId';
import { Commands } from '../commandIds';
import { inert } from '../ids/summaryText';
import { redact } from '../log';
import type { Lookups, ProcessRef, ShowProcess } from '../services';
import { type ParsedLink, linkParts, parseLink } from './link';

const CONFIRM_MS = 3000;

/** The questions and messages a link may cause (the host tests script them). */
export interface DeepLinkUi {
  /** A modal warning; resolves to `item` if chosen, else undefined. */
  confirm(message: string, detail: string, item: string): Thenable<string | undefined>;
  /** An error notification with action titles; resolves to the one chosen. */
  error(message: string, ...items: string[]): Thenable<string | undefined>;
}

export const windowUi: DeepLinkUi = {
  confirm: (message, detail, item) => vscode.window.showWarningMessage(message, { modal: true, detail }, item),
  error: (message, ...items) => vscode.window.showErrorMessage(message, ...items),
};

/** What a handled link did: opened, declined (production), or why it could not be opened. */
export type LinkOutcome = 'opened' | 'declined' | Exclude<ParsedLink['kind'], 'process'>;

export interface DeepLinkDeps {
  /** publisher.name: the link's authority. */
  readonly extensionId: string;
  readonly lookups: Pick<Lookups, 'profile' | 'activeProfile'>;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
}

interface LinkAction {
  readonly title: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

/** Text from a link, safe for a notification: redacted, bidi shown, no icon, no markdown link. */
function shown(text: string): string {
  return inert(redact(text)).replace(/\]\(/g, ']\u200b(');
}

function short(id: ProcessId): string {
  return id.slice(0, 8);
}

export class DeepLinks {
  constructor(private readonly deps: DeepLinkDeps) {}

  async handleUri(uri: vscode.Uri, ui: DeepLinkUi = windowUi): Promise<LinkOutcome> {
    const { lookups, log } = this.deps;
    const link = parseLink(uri.path, uri.query, (id) => lookups.profile(id) !== undefined);
    const profile = link.kind === 'process' ? lookups.profile(link.profileId) : undefined;
    if (link.kind !== 'process' || !profile) {
      const failed: Exclude<ParsedLink, { kind: 'process' }> = link.kind === 'process' ? { kind: 'unknownProfile', id: link.id, text: link.profileId } : link;
      log.info(`process link not opened: ${failed.kind}`); // never the link's text: it is someone else's
      await this.explain(failed, ui);
      return failed.kind;
    }
    const ref: ProcessRef = { id: link.id, profileId: profile.id };
    if (profile.production) {
      const open = vscode.l10n.t('Open in {0}', profile.label);
      const answer = await ui.confirm(
        vscode.l10n.t('Open process {0} in {1}?', short(ref.id), profile.label),
        vscode.l10n.t("Someone's link asks to look this process up in {0} ({1}), which holds real people's data. Open it only if you expected this link: process links ask every time.", profile.label, profile.apiBaseUrl),
        open,
      );
      if (answer !== open) {
        log.info(`[${profile.id}] process link declined`);
        return 'declined';
      }
    }
    log.info(`[${profile.id}] process link: opening ${ref.id}`);
    await this.deps.showProcess(ref, { confirmed: profile.production });
    return 'opened';
  }

  /**
   * The link of `ref` as the user can open it here. `vscode.env.asExternalUri` on the
   * `vscode.env.uriScheme` URI (https://code.visualstudio.com/api/references/vscode-api#env.asExternalUri)
   * returns, in each kind of editor:
   * - desktop VS Code, local or remote (SSH, containers, WSL: the UI side is the desktop): the same
   *   `vscode://publisher.name/process/…?profile=…` URI; the operating system hands it to the editor,
   *   whose topmost window runs this extension's URI handler;
   * - a browser-based editor (code-server, vscode.dev): an http(s) link to the server's `/callback`
   *   page, e.g. `http://127.0.0.1:8080/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=…&vscode-path=/process/…&vscode-query=profile%3D…`.
   *   That page puts the URI in the browser's localStorage, and the workbench tab that asked for the
   *   request ID hands it to the URI handler: the link opens in the same browser while that tab is
   *   open, once (code-server 4.100.3's workbench.js, its URL callback provider).
   * `toString(true)`: the callback's query is already encoded; encoding it again would break it.
   */
  async linkText(ref: ProcessRef): Promise<string> {
    const { path, query } = linkParts(ref.id, ref.profileId);
    const uri = vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: this.deps.extensionId, path, query });
    return (await vscode.env.asExternalUri(uri)).toString(true);
  }

  /** Copy Link: only the ID and the profile ID, never data or credentials. */
  async copyLink(ref: ProcessRef): Promise<string> {
    const text = await this.linkText(ref);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied a link to process {0}…', short(ref.id))}`, CONFIRM_MS);
    return text;
  }

  private async explain(link: Exclude<ParsedLink, { kind: 'process' }>, ui: DeepLinkUi): Promise<void> {
    const allProfiles = (id: ProcessId): LinkAction => ({ title: vscode.l10n.t('Look Up in All Profiles'), command: Commands.lookUpInAllProfiles, args: [id] });
    const lookUp: LinkAction = { title: vscode.l10n.t('Look Up Process…'), command: Commands.lookUpProcess, args: [] };
    let message: string;
    let actions: LinkAction[];
    switch (link.kind) {
      case 'unknownPath':
        message = vscode.l10n.t('This is not a process link of IDCloud Process Lens (its path is "{0}"). A process link ends in /process/<process ID>?profile=<profile ID>.', shown(link.text));
        actions = [lookUp];
        break;
      case 'malformedId':
        message = vscode.l10n.t('The process ID in this link, "{0}", is not a process ID: a process ID is a UUID like {1}. Ask for the link again, or look the process up by its ID.', shown(link.text), EXAMPLE_PROCESS_ID);
        actions = [lookUp];
        break;
      case 'missingProfile': {
        const active = this.deps.lookups.activeProfile();
        message = vscode.l10n.t('This link to process {0} does not say which profile it belongs to. Open it in your active profile, {1}, or look it up in every profile.', link.id, active.label);
        actions = [{ title: vscode.l10n.t('Open in {0}', active.label), command: Commands.showProcess, args: [{ id: link.id, profileId: active.id }] }, allProfiles(link.id)];
        break;
      }
      case 'unknownProfile':
        message = vscode.l10n.t('This link to process {0} is for the profile "{1}", which this window does not have. Add a profile with that ID to idcloud.customProfiles (ask whoever sent the link for its URLs), or look the process up in every profile you have.', link.id, shown(link.text));
        actions = [allProfiles(link.id), { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: ['idcloud.customProfiles'] }];
        break;
    }
    const chosen = await ui.error(message, ...actions.map((a) => a.title));
    const action = actions.find((a) => a.title === chosen);
    if (action) await vscode.commands.executeCommand(action.command, ...action.args);
  }
}
