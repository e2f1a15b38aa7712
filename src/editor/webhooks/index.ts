/**
 * Webhooks: payload lenses and hovers in files, Compare Webhook with the API, and the local
 * Webhook Inbox view. Registered once; the lens follows idcloud.codeLens.enabled. The inbox and
 * Compare are dist/features.js (its `webhooks` export) (onDemand.ts), required on the first of their commands.
 */
import * as vscode from 'vscode';
import { registerCommand } from '../commands/register';
import { Commands } from '../commandIds';
import type { CommandDeps } from '../commands/deps';
import { registerForAnyFile } from '../ids/selectors';
import { LazyFeature } from '../lazy';
import { disposeAll } from '../lifecycle';
import type { ShowProcess } from '../services';
import type { WebhookInbox } from './inbox';
import { InboxView } from './inboxView';
import { WebhookHoverProvider, WebhookLensProvider } from './payloadSurfaces';

type WebhooksModule = typeof import('./onDemand');

interface Webhooks {
  readonly module: WebhooksModule;
  readonly inbox: WebhookInbox;
  dispose(): void;
}

export function registerWebhooks(deps: CommandDeps & { readonly showProcess: ShowProcess }): { readonly inbox: () => Promise<WebhookInbox>; start(): void; dispose(): void } {
  const view = new InboxView();
  const feature = new LazyFeature('webhooks', (module: WebhooksModule): Webhooks => {
    const inbox = view.attach(new module.WebhookInbox(deps.lookups, deps.log));
    return { module, inbox, dispose: () => { inbox.dispose(); } };
  }, deps.log);
  const disposables: { dispose(): unknown }[] = [
    feature,
    view,
    registerCommand(deps, Commands.compareWebhook, (arg) => feature.get().module.compareWithApi(arg, deps)),
    registerCommand(deps, Commands.startWebhookInbox, async (port?: unknown, auth?: unknown) => {
      const { module, inbox } = feature.get();
      const settings = typeof port === 'number' && auth !== undefined
        ? { port, auth: auth as Parameters<WebhookInbox['start']>[1] }
        : await module.askInboxSettings();
      if (!settings) return undefined;
      const url = await inbox.start(settings.port, settings.auth);
      void vscode.window.showInformationMessage(vscode.l10n.t('Webhook Inbox listening on {0}. Point your tunnel (or the emulator\'s webhook URL) at it.', url));
      return url;
    }),
    // Nothing to stop if the inbox was never built.
    registerCommand(deps, Commands.stopWebhookInbox, () => feature.loaded?.inbox.stop() ?? Promise.resolve()),
  ];
  let disposed = false;
  return {
    inbox: () => feature.load().then((w) => w.inbox),
    /** The inbox view, the payload lens and hover (following the workspace's schemes): the composition root makes them just after activation. */
    start: () => {
      if (disposed) return;
      const lens = new WebhookLensProvider(deps.lookups);
      const hover = new WebhookHoverProvider();
      disposables.push(
        vscode.window.createTreeView('idcloud.webhookInbox', { treeDataProvider: view }),
        registerForAnyFile((selector) => vscode.Disposable.from(
          vscode.languages.registerCodeLensProvider(selector, lens),
          vscode.languages.registerHoverProvider(selector, hover),
        )),
      );
    },
    dispose: () => { disposed = true; disposeAll(disposables); },
  };
}
