// How the host suites reach the running extension: activate() returns the composition root's
// objects (the same instances the commands and the view use).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ProcessTree } from '../../src/editor/tree';
import type { Lookups, Privacy } from '../../src/editor/services';

export const EXTENSION_ID = 'idcloud-process-lens.idcloud-process-lens';

export interface HostApi {
  readonly tree: ProcessTree;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
}

export async function activate(): Promise<HostApi> {
  const ext = vscode.extensions.getExtension<HostApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api.tree, 'activate() does not return the tree');
  assert.ok(api.lookups, 'activate() does not return the lookups');
  return api;
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
