// Shared by profiles.test.ts and errors.test.ts: a second emulator the test owns, custom profiles
// written to user settings, and waits on the events that follow (the extension's API and
// setSetting are in api.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Credentials } from '../../src/editor/profiles/credentials';
import type { Profile } from '../../src/editor/services';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';

export interface CustomProfile {
  readonly id: string;
  readonly label: string;
  readonly apiBaseUrl: string;
  readonly identityUrl: string;
  readonly production?: boolean;
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('idcloud');
}

/** Resolves once `check()` holds, re-checking on each `event` (no polling, no sleeps). */
export function until<T>(event: vscode.Event<T>, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = event(() => {
      if (check()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** Writes user-level custom profiles (entries may be invalid on purpose) and waits until the service agrees. */
export async function setCustomProfiles(api: ExtensionApi, entries: readonly unknown[], expectIds: readonly string[]): Promise<void> {
  const ids = (): string => api.profiles.profiles().filter((p) => p.kind === 'custom').map((p) => p.id).join(',');
  const changed = until(api.profiles.onDidChangeProfiles, () => ids() === expectIds.join(','));
  await config().update('customProfiles', entries.length === 0 ? undefined : entries, vscode.ConfigurationTarget.Global);
  await changed;
}

/** Stores credentials and waits for SecretStorage's change event (which drops the cached client). */
export async function storeCredentials(api: ExtensionApi, profileId: string, credentials: Credentials | undefined): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const sub = api.credentials.onDidChange((id) => {
      if (id === profileId) {
        sub.dispose();
        resolve();
      }
    });
  });
  if (credentials) await api.credentials.set(profileId, credentials);
  else await api.credentials.clear(profileId);
  await changed;
}

export function profileOf(api: ExtensionApi, id: string): Profile {
  const profile = api.profiles.profile(id);
  assert.ok(profile, `no profile ${id}`);
  return profile;
}

/** A second emulator, owned by the test, and a custom profile that points at it. */
export async function emulatorProfile(id: string, options: EmulatorOptions = {}): Promise<{ emulator: RunningEmulator; entry: CustomProfile }> {
  const emulator = await startEmulator(options);
  return { emulator, entry: { id, label: `Emulator ${id}`, apiBaseUrl: emulator.apiBaseUrl, identityUrl: emulator.identityUrl } };
}

export function serviceAccount(emulator: RunningEmulator): Credentials {
  return { kind: 'serviceAccount', ...emulator.serviceAccount };
}
