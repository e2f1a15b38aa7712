/**
 * What a 404 on the selfie or the evidence set of a process that is on screen means: the process
 * exists (it is right there), so "not found in this profile, look in the others" would be wrong.
 * The reasons are unico's documented windows (src/core/mediaWindow.ts).
 */
import * as vscode from 'vscode';
import { mediaAbsence, type MediaKind } from '../../core/mediaWindow';
import type { Process } from '../../core/types';

export function mediaNotFound(kind: MediaKind, process: Process, now: number): string {
  const absence = mediaAbsence(kind, process, now);
  const selfie = kind === 'selfie';
  switch (absence.reason) {
    case 'smartRevalidation':
      return vscode.l10n.t('unico gives no selfie for Smart Revalidation processes (flow idsmart).');
    case 'notFinished':
      return selfie
        ? vscode.l10n.t('unico has no selfie for this process yet: it keeps the selfie for 8 hours after the process finishes.')
        : vscode.l10n.t('unico has no evidence set for this process yet: it exists only once the process has finished.');
    case 'windowPassed': {
      const when = absence.finishedAt.toLocaleString(vscode.env.language);
      return selfie
        ? vscode.l10n.t('No longer available: unico keeps the selfie for 8 hours after the process, and this one finished on {0}.', when)
        : vscode.l10n.t('No longer available: unico keeps the evidence set for 2 hours after the process, and this one finished on {0}.', when);
    }
    case 'undocumented':
      return selfie
        ? vscode.l10n.t('unico answered that this process has no selfie (HTTP 404). Selfies exist only in flows with a biometric capture, for 8 hours after the process; unico documents no other reason.')
        : vscode.l10n.t('unico answered that this process has no evidence set (HTTP 404). unico documents it for finished processes, for 2 hours after the process, and no other reason.');
  }
}
