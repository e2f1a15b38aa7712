// How the host suites reach the running extension: activate() returns the composition root's
// objects (the same instances the commands and the view use). The one place for the extension's
// ID, its activation and user settings; profileFixtures.ts adds what the profile suites share.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import type { ExtensionApi } from '../../src/extension';

/** publisher.name, as VS Code identifies the extension (read from the manifest, never spelled out). */
export const EXTENSION_ID = `${publisher}.${name}`;

/** Activates the extension (once; later calls get the same objects), waits for its start-up task and returns its API. */
export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api.tree, 'activate() does not return the tree');
  assert.ok(api.lookups, 'activate() does not return the lookups');
  // The status bar item, the views and the document providers start in the task after activate().
  await api.startupMs;
  return api;
}

/** Writes a user setting (`idcloud.<section>`) and waits for its change event (none comes when the value stays the same). */
export async function setSetting(section: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('idcloud');
  if (config.inspect(section)?.globalValue === value) return;
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`idcloud.${section}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config.update(section, value, vscode.ConfigurationTarget.Global);
  await changed;
}

/** Collects unhandled rejections while a suite runs (none may escape a command or the tree). */
export function watchRejections(): { readonly seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', onRejection);
  return { seen, stop: () => process.off('unhandledRejection', onRejection) };
}
