/**
 * Process IDs printed in the integrated terminal open the process panel, in the profile active
 * when the link is clicked. A terminal line is at most a few thousand characters; the cap keeps
 * a line of nothing but IDs cheap anyway.
 */
import * as vscode from 'vscode';
import { findProcessIds, type ProcessId } from '../../core/processId';
import { redact } from '../log';
import type { Lookups, ShowProcess } from '../services';

const MAX_LINKS_PER_LINE = 20;

export class ProcessIdTerminalLink extends vscode.TerminalLink {
  constructor(
    startIndex: number,
    length: number,
    readonly processId: ProcessId,
  ) {
    super(startIndex, length, vscode.l10n.t('Open the process in the IDCloud panel'));
  }
}

export interface TerminalLinkDeps {
  readonly lookups: Lookups;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
}

export class ProcessIdTerminalLinkProvider implements vscode.TerminalLinkProvider<ProcessIdTerminalLink> {
  constructor(private readonly deps: TerminalLinkDeps) {}

  provideTerminalLinks(context: vscode.TerminalLinkContext): ProcessIdTerminalLink[] {
    return findProcessIds(context.line, { max: MAX_LINKS_PER_LINE }).map(
      (m) => new ProcessIdTerminalLink(m.start, m.end - m.start, m.id),
    );
  }

  async handleTerminalLink(link: ProcessIdTerminalLink): Promise<void> {
    const ref = { id: link.processId, profileId: this.deps.lookups.activeProfile().id };
    try {
      await this.deps.showProcess(ref);
    } catch (e) {
      this.deps.log.error(`opening ${ref.id} from the terminal failed: ${redact(String(e))}`);
    }
  }
}
