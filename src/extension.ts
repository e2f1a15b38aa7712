/**
 * Composition root: builds every object with explicit arguments and hands every disposable to
 * `context.subscriptions` in one place. Nothing here touches the network: the network bundle and
 * the emulator load on the first lookup.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { registerCommands } from './editor/commands';
import { registerDeepLinks } from './editor/deeplink';
import type { DeepLinkUi, LinkOutcome } from './editor/deeplink/handler';
import { IdSurfacesController } from './editor/ids/controller';
import { registerLmTools, type RegisteredLmTools } from './editor/lm/register';
import { createLog } from './editor/log';
import { createProcessPanels } from './editor/panel';
import { CredentialStore } from './editor/profiles/credentials';
import { EmulatorHost, type RunningEmulator } from './editor/session/emulatorHost';
import { registerProfileCommands } from './editor/profiles';
import { LookupService } from './editor/session/lookupService';
import { BackgroundPolicy } from './editor/session/backgroundPolicy';
import { loadEmulator, loadNetwork } from './editor/session/bundles';
import { PrivacyState } from './editor/session/privacy';
import { ProfileService } from './editor/profiles/profileService';
import { ProfileStatusBar } from './editor/profiles/statusBar';
import { registerRawResponse } from './editor/rawResponse';
import { SecretScanController } from './editor/secrets/controller';
import { testExports } from './editor/testExports';
import { type ThreadTime, threadTime, threadTimeSince } from './editor/threadTime';
import type { Lookups, Privacy } from './editor/services';
import { createProcessTree, type ProcessTree } from './editor/tree';
import { registerWebhooks } from './editor/webhooks';
import type { WebhookInbox } from './editor/webhooks/inbox';
import { registerWatchCommands, WatchFeature } from './editor/watch';
import type { TriageService } from './editor/triage';
import { registerTriage } from './editor/triage/onDemand';
import { Walkthrough } from './editor/walkthrough';

/**
 * The composition root's objects, which the host tests drive the product through. They include
 * the credential store, so activate() hands them out only to the extension's own tests
 * (ExtensionMode.Test): any other extension may call `getExtension(…).activate()`, and exporting
 * them would undo SecretStorage's per-extension isolation.
 */
export interface ExtensionApi {
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly profiles: ProfileService;
  readonly credentials: CredentialStore;
  readonly statusBar: ProfileStatusBar;
  readonly tree: ProcessTree;
  /** The Webhook Inbox, built on first use (a separate bundle, src/editor/lazy.ts). */
  webhookInbox(): Promise<WebhookInbox>;
  /** How long activate() took, in ms (performance.now around the composition root). */
  readonly activationMs: number;
  /** Of activationMs, this thread's time on a CPU and waiting for one (Linux only). */
  readonly activationThreadTime: ThreadTime | undefined;
  /** How long the start-up task that follows activate() took (status bar, views, document providers, credential scan), once it ran. */
  readonly startupMs: Promise<number>;
  /** The committed-credential scan (its Store questions can be answered by a test). */
  readonly secretScan: SecretScanController;
  readonly watch: WatchFeature;
  /** Resolve All's service, built on first use (a separate bundle, src/editor/lazy.ts). */
  triage(): Promise<TriageService>;
  /** Starts (once) the in-process emulator behind the Local emulator profile. */
  emulator(): Promise<RunningEmulator>;
  /** What the registered URI handler runs, with the questions scripted (`ui`) or the window's own. */
  handleUri(uri: vscode.Uri, ui?: DeepLinkUi): Promise<LinkOutcome>;
  /** The language-model tools as registered (their prepareInvocation, which a test cannot reach through vscode.lm). */
  readonly lmTools: RegisteredLmTools;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  const threadBefore = testing ? threadTime() : undefined;
  const started = performance.now();
  const log = createLog();
  const emulator = new EmulatorHost(loadEmulator, log);
  const profiles = new ProfileService(context.workspaceState, log, emulator.onDidStart);
  const credentials = new CredentialStore(context.secrets);
  const background = new BackgroundPolicy({ profile: (id) => profiles.profile(id), credentials, onDidChangeProfiles: profiles.onDidChangeProfiles });
  const lookups = new LookupService({ profiles, credentials, emulator, loadNetwork, log, background });
  const privacy = new PrivacyState();
  const statusBar = new ProfileStatusBar(profiles, credentials);
  const watch = new WatchFeature({ memento: context.workspaceState, lookups, showProcess: (ref) => panels.showProcess(ref), log });
  const tree = createProcessTree({ memento: context.globalState, lookups, privacy, log, watches: watch.service });
  const panels = createProcessPanels({ extensionUri: context.extensionUri, lookups, privacy, log, watches: watch.service, recent: tree.history });
  const commands = { lookups, tree, privacy, log, showProcess: panels.showProcess, activePanel: () => panels.activeRef(), background };
  const webhooks = registerWebhooks(commands);
  const secretScan = new SecretScanController({ commands, profiles, credentials, workspaceState: context.workspaceState });
  const deepLinks = registerDeepLinks(commands, { extensionId: context.extension.id, showProcess: panels.showProcess });
  const triage = registerTriage(commands, { extensionUri: context.extensionUri, lookups, privacy, log, showProcess: panels.showProcess, watches: watch.service });
  const lmTools = registerLmTools({ lookups, background, log });

  const idSurfaces = new IdSurfacesController({ lookups, background, showProcess: panels.showProcess, log });
  const walkthrough = new Walkthrough({ extensionUri: context.extensionUri, lookups, privacy, credentials, log });

  context.subscriptions.push(
    log, profiles, credentials, emulator, background, lookups, privacy, statusBar, tree, panels, idSurfaces,
    registerCommands(commands),
    registerProfileCommands({ commands, profiles, credentials, privacy, connections: lookups }),
    registerRawResponse({ privacy, lookups, log }),
    webhooks,
    secretScan,
    watch, registerWatchCommands({ ...commands, watches: watch.service, showProcess: panels.showProcess }),
    triage,
    deepLinks,
    walkthrough,
    lmTools,
  );
  const activationMs = performance.now() - started;
  const activationThreadTime = testing ? threadTimeSince(threadBefore, threadTime()) : undefined;
  // The status bar item, the two views, the stored watches, the document providers (hover, lens,
  // link, code action) and what needs the settings or the open documents (the first settings read builds
  // VS Code's configuration model, the credential scan reads every open document) start in the
  // next task: activate() registers the commands, the panel's restore hook and the URI handler,
  // and the extension host goes on with the window meanwhile. Until a view exists VS Code shows
  // its welcome text, as for an empty history.
  const startupMs = new Promise<number>((resolve) => {
    const timer = setTimeout(() => {
      const t = performance.now();
      statusBar.start();
      tree.start();
      watch.start();
      idSurfaces.start();
      webhooks.start();
      walkthrough.start();
      secretScan.start();
      const ms = performance.now() - t;
      log.info(`activated in ${activationMs.toFixed(1)} ms, then started the status bar, the views, the document providers and the credential scan in ${ms.toFixed(1)} ms; profile of this window: ${profiles.active().id}`);
      resolve(ms);
    }, 0);
    context.subscriptions.push({ dispose: () => { clearTimeout(timer); } });
  });
  return testExports(context.extensionMode, {
    lookups, privacy, profiles, credentials, statusBar, tree, webhookInbox: webhooks.inbox, secretScan, watch, triage: () => triage.feature.load(), activationMs, activationThreadTime, startupMs, emulator: () => emulator.start(), lmTools,
    handleUri: deepLinks.handleUri,
  });
}
