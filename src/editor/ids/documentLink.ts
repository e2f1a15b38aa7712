/**
 * Process IDs in files become links that open the process panel (a `command:` URI). The ID goes
 * in as a bare string, so the click looks it up in the profile active at that moment. At most
 * MAX_LINKS per document: a 34 MB log does not get 60,000 links.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { planLinks } from './scan';
import { commandUri } from './summaryText';

export const MAX_LINKS = 2000;

export class ProcessIdLinkProvider implements vscode.DocumentLinkProvider {
  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const found = planLinks(document, MAX_LINKS, token) ?? [];
    const tooltip = vscode.l10n.t('Open the process in the IDCloud panel');
    return found.map((o) => {
      const link = new vscode.DocumentLink(
        new vscode.Range(o.line, o.start, o.line, o.end),
        vscode.Uri.parse(commandUri(Commands.showProcess, [o.id])),
      );
      link.tooltip = tooltip;
      return link;
    });
  }
}
