/**
 * Short texts the watch surfaces share. A profile label comes from user settings, not the API, but
 * it still reaches notifications and quick picks (which read `$(icon)` and `[link](…)`), so it is
 * made inert here, with bidi controls removed.
 */
import * as vscode from 'vscode';
import { summarizeFetched } from '../../core/fetched';
import { type Verdict, VERDICT_LABELS } from '../../core/model';
import type { Lookups, ProcessRef, Profile } from '../services';

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function inert(text: string): string {
  return text.replace(BIDI, '').replace(/\$\(/g, '$\u200b(').replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'));
}

/** "Sandbox", or "Production (production)" for a production profile; the raw ID if it is gone. */
export function profileName(profile: Profile | undefined, profileId: string): string {
  if (!profile) return inert(profileId);
  return profile.production ? vscode.l10n.t('{0} (production)', inert(profile.label)) : inert(profile.label);
}

/** What is known of a watched process now: its verdict so far, or why it was not looked up yet. */
export function verdictSoFar(ref: ProcessRef, lookups: Pick<Lookups, 'peek' | 'needsConfirmation'>, last: Verdict | undefined): string {
  const fetched = lookups.peek(ref);
  if (fetched) return vscode.l10n.t(summarizeFetched(fetched).verdictLabel);
  if (last) return vscode.l10n.t(VERDICT_LABELS[last]);
  if (lookups.needsConfirmation(ref.profileId)) return vscode.l10n.t('waiting for the production confirmation');
  return vscode.l10n.t('not looked up yet');
}
