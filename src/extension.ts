/**
 * Composition root: builds every object with explicit arguments and hands every disposable to
 * `context.subscriptions` in one place. Nothing here touches the network: the network bundle and
 * the emulator load on the first lookup.
 */
import * as vscode from 'vscode';
import { registerCommands } from './editor/commands';
import { IdSurfacesController } from './editor/ids/controller';
import { createLog } from './editor/log';
import { createProcessPanels } from './editor/panel';
import { CredentialStore } from './editor/profiles/credentials';
import { EmulatorHost, type RunningEmulator } from './editor/profiles/emulatorHost';
import { registerProfileCommands } from './editor/profiles';
import { LookupService } from './editor/profiles/lookups';
import { loadEmulator, loadNetwork } from './editor/profiles/network';
import { PrivacyState } from './editor/profiles/privacy';
import { ProfileService } from './editor/profiles/profileService';
import { ProfileStatusBar } from './editor/profiles/statusBar';
import { registerRawResponse } from './editor/rawResponse';
import { testExports } from './editor/testExports';
import type { Lookups, Privacy } from './editor/services';
import { createProcessTree, type ProcessTree } from './editor/tree';
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
  /** Starts (once) the in-process emulator behind the Local emulator profile. */
  emulator(): Promise<RunningEmulator>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const log = createLog();
  const profiles = new ProfileService(context.workspaceState, log);
  const credentials = new CredentialStore(context.secrets);
  const emulator = new EmulatorHost(loadEmulator, (endpoints) => { profiles.setEmulatorEndpoints(endpoints); }, log);
  const lookups = new LookupService({ profiles, credentials, emulator, loadNetwork, log });
  const privacy = new PrivacyState();
  const statusBar = new ProfileStatusBar(profiles, credentials);
  const tree = createProcessTree({ memento: context.globalState, lookups, privacy, log });
  const panels = createProcessPanels({ extensionUri: context.extensionUri, lookups, privacy, log });
  const commands = { lookups, tree, privacy, log, showProcess: panels.showProcess };

  context.subscriptions.push(
    log, profiles, credentials, emulator, lookups, privacy, statusBar, tree, panels,
    new IdSurfacesController({ lookups, showProcess: panels.showProcess, log }),
    registerCommands(commands),
    registerProfileCommands({ commands, profiles, credentials, privacy, lookups }),
    registerRawResponse(),
    new Walkthrough({ extensionUri: context.extensionUri, lookups, privacy, credentials }),
  );
  log.info(`activated; profile of this window: ${profiles.active().id}`);
  return testExports(context.extensionMode, { lookups, privacy, profiles, credentials, statusBar, tree, emulator: () => emulator.start() });
}
