/**
 * Why unico may have no selfie or evidence set for a process (what a 404 on them means), from
 * what it documents: the selfie is kept 8 hours after the process finishes and never exists for
 * Smart Revalidation (flow idsmart); the evidence set exists only for finished processes and is
 * kept 2 hours (SOURCES.selfie, selfieWindow, evidenceSet, evidenceSetWindow).
 */
import type { Process } from './schema';

export type MediaKind = 'selfie' | 'evidenceSet';

export const MEDIA_WINDOW_HOURS: Readonly<Record<MediaKind, number>> = { selfie: 8, evidenceSet: 2 };

export type MediaAbsence =
  | { readonly reason: 'smartRevalidation' }
  | { readonly reason: 'notFinished' }
  | { readonly reason: 'windowPassed'; readonly hours: number; readonly finishedAt: Date }
  | { readonly reason: 'undocumented'; readonly hours: number };

/** The documented reason a 404 for `kind` of `p` is expected, at `now` (ms). */
export function mediaAbsence(kind: MediaKind, p: Pick<Process, 'flow' | 'state' | 'finishedAt'>, now: number): MediaAbsence {
  const hours = MEDIA_WINDOW_HOURS[kind];
  if (kind === 'selfie' && p.flow?.toLowerCase() === 'idsmart') return { reason: 'smartRevalidation' };
  if (p.state !== 'PROCESS_STATE_FINISHED') return { reason: 'notFinished' };
  const finishedAt = p.finishedAt ? new Date(p.finishedAt) : undefined;
  if (finishedAt && !Number.isNaN(finishedAt.getTime()) && now - finishedAt.getTime() > hours * 3_600_000) {
    return { reason: 'windowPassed', hours, finishedAt };
  }
  return { reason: 'undocumented', hours };
}
