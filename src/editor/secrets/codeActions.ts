/**
 * The quick fixes on a credential diagnostic: Store in IDCloud Credentials (when the credential
 * can be used: an RSA key or a live access token), Ignore in This File, and the setting that
 * turns the scan off.
 */
import * as vscode from 'vscode';
import type { CredentialLeak } from '../../core/credentialLeaks';
import { Commands } from '../commandIds';
import { isStorable } from './messages';

export const SCAN_SETTING = 'idcloud.secretScan.enabled';
export const DIAGNOSTIC_SOURCE = 'idcloud';

/** The findings a diagnostic of this document stands for. */
export type FindingLookup = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => CredentialLeak | undefined;

export class LeakCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly findingOf: FindingLookup, private readonly now: () => number = Date.now) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const leak = this.findingOf(document.uri, diagnostic);
      if (!leak) continue;
      const args = [document.uri, leak.fingerprint];
      if (isStorable(leak, this.now())) {
        const store = this.action(vscode.l10n.t('Store in IDCloud Credentials…'), diagnostic, { command: Commands.storeLeakedCredential, title: '', arguments: args });
        store.isPreferred = true;
        actions.push(store);
      }
      actions.push(this.action(vscode.l10n.t('Ignore in This File'), diagnostic, { command: Commands.ignoreLeakedCredential, title: '', arguments: args }));
      actions.push(this.action(vscode.l10n.t('Turn Off the IDCloud Credential Scan…'), diagnostic, { command: 'workbench.action.openSettings', title: '', arguments: [SCAN_SETTING] }));
    }
    return actions;
  }

  private action(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { ...command, title };
    return action;
  }
}
