/**
 * Look Up in All Profiles: asks every profile that can authenticate (the emulator always) at
 * once, and says where the ID exists. One hit opens it; several offer a choice. Production is
 * asked only after its confirmation (lookups.get asks once per window, as for any lookup).
 */
import * as vscode from 'vscode';
import { verdictText } from '../verdictText';
import { isIdCloudError } from '../../core/errors';
import { summarizeFetched } from '../../core/fetched';
import type { FetchedProcess } from '../../core/types';
import { isCancellation, presentError } from '../errorMessages';
import type { Profile, ProcessRef } from '../services';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { presentLookedUp, shortId } from './lookUp';
import { withCancellableProgress } from './progress';
import type { ProcessId } from '../../core/processId';

export type ProfileStatus = 'found' | 'notFound' | 'noCredentials' | 'declined' | 'failed';

/** Where one profile stands for the ID (no process data: this is also the command's result). */
export interface ProfileOutcome {
  readonly profileId: string;
  readonly status: ProfileStatus;
  /** For 'failed': the presented error message. */
  readonly message?: string;
}

interface Checked extends ProfileOutcome {
  readonly profile: Profile;
  readonly fetched?: FetchedProcess;
}

async function check(deps: CommandDeps, profile: Profile, id: ProcessId, signal: AbortSignal): Promise<Checked> {
  if (!(await deps.lookups.hasCredentials(profile.id))) return { profile, profileId: profile.id, status: 'noCredentials' };
  const ref = { id, profileId: profile.id };
  try {
    const fetched = await deps.lookups.get(ref, { signal });
    return { profile, profileId: profile.id, status: 'found', fetched };
  } catch (err) {
    if (signal.aborted) throw err; // the user cancelled the whole search
    if (isIdCloudError(err) && err.kind === 'notFound') return { profile, profileId: profile.id, status: 'notFound' };
    if (isCancellation(err)) return { profile, profileId: profile.id, status: 'declined' }; // production not confirmed
    deps.log.warn(`look up in all profiles: ${profile.id}: ${isIdCloudError(err) ? err.kind : 'error'}`);
    return { profile, profileId: profile.id, status: 'failed', message: presentError(err, { profile, processId: id }).message };
  }
}

function labels(results: readonly Checked[], status: ProfileStatus): string {
  return results.filter((r) => r.status === status).map((r) => r.profile.label).join(', ');
}

/** Nothing found: say where we looked, where we could not, and offer the fix. Not awaited. */
function reportNoHit(deps: CommandDeps, id: string, results: readonly Checked[]): void {
  const parts = [
    labels(results, 'notFound') === ''
      ? vscode.l10n.t('{0}… was not found.', shortId(id))
      : vscode.l10n.t('{0}… was not found in {1}.', shortId(id), labels(results, 'notFound')),
  ];
  if (labels(results, 'noCredentials') !== '') parts.push(vscode.l10n.t('Not searched, no credentials: {0}.', labels(results, 'noCredentials')));
  if (labels(results, 'declined') !== '') parts.push(vscode.l10n.t('Not searched, not confirmed: {0}.', labels(results, 'declined')));
  for (const failed of results.filter((r) => r.status === 'failed')) parts.push(failed.message ?? '');
  const missing = results.find((r) => r.status === 'noCredentials');
  const setCredentials = vscode.l10n.t('Set Credentials');
  void Promise.resolve(
    missing
      ? vscode.window.showInformationMessage(parts.join(' '), setCredentials)
      : vscode.window.showInformationMessage(parts.join(' ')),
  ).then(async (choice) => {
    if (choice === setCredentials && missing) await vscode.commands.executeCommand(Commands.setCredentials, missing.profileId);
  }, (e: unknown) => {
    deps.log.error(`look up in all profiles: ${e instanceof Error ? e.name : 'error'}`);
  });
}

async function pickHit(id: string, hits: readonly Checked[]): Promise<Checked | undefined> {
  const items = hits.map((hit) => {
    const summary = hit.fetched ? summarizeFetched(hit.fetched) : undefined;
    return {
      label: hit.profile.production ? `$(warning) ${hit.profile.label}` : hit.profile.label,
      description: summary ? verdictText(summary, vscode.l10n, vscode.env.language) : '',
      detail: summary?.flow,
      hit,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0}… exists in {1} profiles', shortId(id), hits.length),
    placeHolder: vscode.l10n.t('Open it from which profile?'),
  });
  return picked?.hit;
}

/** The command (registered by profiles/index.ts, built in dist/features.js (its `profiles` export)). */
export async function lookUpInAllProfiles(deps: CommandDeps, ref: ProcessRef): Promise<ProfileOutcome[]> {
  const profiles = deps.lookups.profiles();
  const results = await withCancellableProgress(
    vscode.l10n.t('Looking up {0}… in {1} profiles', shortId(ref.id), profiles.length),
    (signal) => Promise.all(profiles.map((p) => check(deps, p, ref.id, signal))),
  );
  const hits = results.filter((r) => r.status === 'found');
  const chosen = hits.length > 1 ? await pickHit(ref.id, hits) : hits[0];
  if (hits.length === 0) reportNoHit(deps, ref.id, results);
  if (chosen) {
    const found: ProcessRef = { id: ref.id, profileId: chosen.profileId };
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}… found in {1}', shortId(ref.id), chosen.profile.label), 5000);
    await presentLookedUp(deps, found);
  }
  return results.map(({ profileId, status, message }) => (message === undefined ? { profileId, status } : { profileId, status, message }));
}
