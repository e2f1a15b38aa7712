/**
 * Hover on a process ID in any file: the summary from the cache at once (however old: an unsettled
 * answer is refreshed only by a watch or Refresh), otherwise fetched with the hover's cancellation
 * where the Background policy allows, or an explicit link where it does not. Only a small window of the line is read (`processIdAt`), so a 5 MB
 * single-line log costs what a short line does. Links run only our own commands.
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { processIdAt } from '../../core/processId';
import { isCancellation, presentError } from '../errorMessages';
import { redact } from '../log';
import type { Background, Lookups, ProcessRef } from '../services';
import { blockedMarkdown, errorMarkdown, HOVER_COMMANDS, hoverMarkdown, isOwnCommand, notFoundMarkdown, profilesToTry } from './summaryText';

export interface HoverDeps {
  readonly lookups: Lookups;
  readonly background: Background;
  readonly log: vscode.LogOutputChannel;
  readonly now: () => number;
}

function markdown(text: string, commands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, true);
  md.isTrusted = { enabledCommands: [...commands] };
  md.supportHtml = false;
  return md;
}

/** Cancels `controller` when `token` is; the returned disposable stops listening. */
export function linkCancellation(token: vscode.CancellationToken, controller: AbortController): vscode.Disposable {
  if (token.isCancellationRequested) controller.abort();
  return token.onCancellationRequested(() => {
    controller.abort();
  });
}

/** Read through a call: TypeScript would keep a property read narrowed across an await. */
function isCancelled(token: vscode.CancellationToken): boolean {
  return token.isCancellationRequested;
}

export class ProcessIdHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const match = processIdAt(document.lineAt(position.line).text, position.character);
    if (!match) return undefined;
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    const { lookups, now } = this.deps;
    const profile = lookups.activeProfile();
    const ref: ProcessRef = { id: match.id, profileId: profile.id };

    const cached = lookups.peek(ref);
    if (cached) return new vscode.Hover(markdown(hoverMarkdown(cached, ref, profile, now(), vscode.l10n, vscode.env.language), HOVER_COMMANDS), range);
    const block = await this.deps.background.block(profile.id);
    if (isCancelled(token)) return undefined;
    if (block !== undefined) return new vscode.Hover(markdown(blockedMarkdown(ref, profile, block, vscode.l10n), HOVER_COMMANDS), range);

    const controller = new AbortController();
    const cancellation = linkCancellation(token, controller);
    try {
      const fetched = await lookups.get(ref, { signal: controller.signal, background: true });
      if (token.isCancellationRequested) return undefined;
      return new vscode.Hover(markdown(hoverMarkdown(fetched, ref, profile, now(), vscode.l10n, vscode.env.language), HOVER_COMMANDS), range);
    } catch (e) {
      if (token.isCancellationRequested || isCancellation(e)) return undefined;
      if (isIdCloudError(e) && e.kind === 'notFound') {
        const others = profilesToTry(profile, lookups.profiles());
        return new vscode.Hover(markdown(notFoundMarkdown(ref, profile, others, vscode.l10n), HOVER_COMMANDS), range);
      }
      this.deps.log.warn(`hover lookup of ${ref.id} in ${ref.profileId} failed: ${isIdCloudError(e) ? e.kind : redact(String(e))}`);
      const presented = presentError(e, { profile, processId: ref.id });
      const commands = [...HOVER_COMMANDS, ...presented.actions.map((a) => a.command).filter(isOwnCommand)];
      return new vscode.Hover(markdown(errorMarkdown(presented), commands), range);
    } finally {
      cancellation.dispose();
    }
  }
}
