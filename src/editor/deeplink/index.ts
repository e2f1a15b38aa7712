/**
 * What activation holds of process links: the URI handler and Copy Link, both tiny. The handling
 * and the link itself (handler.ts, dist/features.js's `deeplink` export) load on the first link or
 * copy (editor/lazy.ts), so links cost nothing at activation. A window opened by a link activates
 * the extension through the `onUri` activation event.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { CommandDeps } from '../commands/deps';
import { registerProcessCommand } from '../commands/register';
import { showError } from '../errorMessages';
import { LazyFeature } from '../lazy';
import type { ShowProcess } from '../services';
import type { DeepLinks, DeepLinkUi, LinkOutcome } from './handler';

type DeepLinkModule = typeof import('./handler');

export interface DeepLinksHandle {
  /** What the registered URI handler runs (the host tests call it with scripted questions). */
  readonly handleUri: (uri: vscode.Uri, ui?: DeepLinkUi) => Promise<LinkOutcome>;
  readonly feature: LazyFeature<DeepLinkModule, DeepLinks>;
  dispose(): void;
}

export function registerDeepLinks(commands: CommandDeps, deps: { readonly extensionId: string; readonly showProcess: ShowProcess }): DeepLinksHandle {
  const feature = new LazyFeature('deeplink', (m: DeepLinkModule) => new m.DeepLinks({ ...deps, lookups: commands.lookups, log: commands.log }), commands.log);
  const handleUri = async (uri: vscode.Uri, ui?: DeepLinkUi): Promise<LinkOutcome> => feature.get().handleUri(uri, ui);
  const onScreen = (): ReturnType<NonNullable<CommandDeps['activePanel']>> => commands.activePanel?.() ?? commands.tree.selected();
  const disposables = vscode.Disposable.from(
    feature,
    vscode.window.registerUriHandler({
      // a bundle that cannot load (or any other failure) becomes the usual message, never a silent drop
      handleUri: (uri) => handleUri(uri).then(() => undefined, (err: unknown) => showError(err, { profile: commands.lookups.activeProfile() }, commands.log)),
    }),
    registerProcessCommand(commands, Commands.copyLink, (ref) => feature.get().copyLink(ref), undefined, onScreen),
  );
  return { handleUri, feature, dispose: () => { disposables.dispose(); } };
}
