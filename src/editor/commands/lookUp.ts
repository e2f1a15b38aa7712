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

/** After a successful lookup: opened in the panel (which puts it on top of Recent), revealed in the tree. */
export async function presentLookedUp(deps: CommandDeps, ref: ProcessRef): Promise<void> {
  if (deps.showProcess) await deps.showProcess(ref);
  else await deps.tree.history.add(ref);
  await deps.tree.reveal(ref);
}

/** Look Up Process itself: fetch behind progress, then present. */
export async function lookUpAndPresent(deps: CommandDeps, ref: ProcessRef): Promise<ProcessRef> {
  await fetchWithProgress(deps, ref);
  await presentLookedUp(deps, ref);
  return ref;
}

export function registerLookUp(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerProcessCommand(deps, Commands.lookUpProcess, (ref) => lookUpAndPresent(deps, ref)),
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
