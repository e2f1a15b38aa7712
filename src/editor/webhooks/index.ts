/**
 * Webhooks: payload lenses and hovers in files, Compare Webhook with the API, and the local
 * Webhook Inbox view. Registered once; the lens follows idcloud.codeLens.enabled.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../commands/register';
import { Commands } from '../commandIds';
import type { CommandDeps } from '../commands/deps';
import { anyFileSelector } from '../ids/selectors';
import { disposeAll } from '../lifecycle';
import type { ShowProcess } from '../services';
import { compareWithApi } from './compare';
import { askInboxSettings, WebhookInbox } from './inbox';
import { WebhookHoverProvider, WebhookLensProvider } from './payloadSurfaces';

export function registerWebhooks(deps: CommandDeps & { readonly showProcess: ShowProcess }): { readonly inbox: WebhookInbox; dispose(): void } {
  const inbox = new WebhookInbox(deps.lookups, deps.log);
  const disposables: { dispose(): unknown }[] = [
    inbox,
    vscode.window.createTreeView('idcloud.webhookInbox', { treeDataProvider: inbox }),
    vscode.languages.registerCodeLensProvider(anyFileSelector(), new WebhookLensProvider(deps.lookups)),
    vscode.languages.registerHoverProvider(anyFileSelector(), new WebhookHoverProvider()),
    registerCommand(deps, Commands.compareWebhook, (arg) => compareWithApi(arg, deps)),
    registerCommand(deps, Commands.startWebhookInbox, async (port?: unknown, auth?: unknown) => {
      const settings = typeof port === 'number' && auth !== undefined
        ? { port, auth: auth as Parameters<WebhookInbox['start']>[1] }
        : await askInboxSettings();
      if (!settings) return undefined;
      const url = await inbox.start(settings.port, settings.auth);
      void vscode.window.showInformationMessage(vscode.l10n.t('Webhook Inbox listening on {0}. Point your tunnel (or the emulator\'s webhook URL) at it.', url));
      return url;
    }),
    registerCommand(deps, Commands.stopWebhookInbox, () => inbox.stop()),
  ];
  return { inbox, dispose: () => { disposeAll(disposables); } };
}
