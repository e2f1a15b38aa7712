/** Look Up Process…: fetch one process, remember it in Recent, show it in the tree and the panel. */
import * as vscode from 'vscode';
import type { FetchedProcess } from '../../core/types';
import type { Profile, ProcessRef } from '../services';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { withCancellableProgress } from './progress';
import { registerProcessCommand } from './register';

export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function lookingUpTitle(ref: ProcessRef, profile: Profile | undefined): string {
  const label = profile?.label ?? ref.profileId;
  return profile?.production
    ? vscode.l10n.t('Looking up {0}… in {1} (production)', shortId(ref.id), label)
    : vscode.l10n.t('Looking up {0}… in {1}', shortId(ref.id), label);
}

/** Fetches `ref` (cache first unless `force`) behind cancellable progress. */
export function fetchWithProgress(deps: CommandDeps, ref: ProcessRef, force = false): Promise<FetchedProcess> {
  const title = lookingUpTitle(ref, deps.lookups.profile(ref.profileId));
  return withCancellableProgress(title, (signal) => deps.lookups.get(ref, { signal, force }));
}

/** After a successful lookup: top of Recent, revealed in the tree, opened in the panel. */
export async function presentLookedUp(deps: CommandDeps, ref: ProcessRef): Promise<void> {
  await deps.tree.history.add(ref);
  await deps.tree.reveal(ref);
  if (deps.showProcess) await deps.showProcess(ref);
}

export function registerLookUp(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerProcessCommand(deps, Commands.lookUpProcess, async (ref) => {
      await fetchWithProgress(deps, ref);
      await presentLookedUp(deps, ref);
      return ref;
    }),
    // Show Process (tree nodes, hovers, lenses, links): the panel; without one, the tree.
    registerProcessCommand(deps, Commands.showProcess, async (ref) => {
      if (deps.showProcess) {
        await deps.showProcess(ref);
      } else {
        await fetchWithProgress(deps, ref);
        await presentLookedUp(deps, ref);
      }
      return ref;
    }),
  ];
}
