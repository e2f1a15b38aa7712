/** Small presentation helpers for the tree: relative time in the UI language, verdict and outcome icons. */
import * as vscode from 'vscode';
import type { Outcome, Verdict } from '../../core/model';
import { relativeTime as formatRelative } from '../../core/relativeTime';

/** "3 minutes ago", "in 2 days", "há 3 minutos" — in VS Code's display language. */
export function relativeTime(date: Date, now: number, locale: string = vscode.env.language): string {
  return formatRelative(date.getTime(), now, locale);
}

function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color === undefined ? undefined : new vscode.ThemeColor(color));
}

export function verdictIcon(verdict: Verdict): vscode.ThemeIcon {
  switch (verdict) {
    case 'ok': return icon('pass', 'testing.iconPassed');
    case 'invalidIdentity': return icon('error', 'testing.iconFailed');
    case 'error':
    case 'failed': return icon('error', 'errorForeground');
    case 'expired': return icon('watch', 'disabledForeground');
    case 'canceled': return icon('circle-slash', 'disabledForeground');
    case 'pending': return icon('clock', 'charts.blue');
    case 'awaitingDocument': return icon('clock', 'charts.yellow');
    case 'unknown': return icon('question', 'list.warningForeground');
  }
}

export function outcomeIcon(outcome: Outcome): vscode.ThemeIcon {
  switch (outcome) {
    case 'positive': return icon('pass', 'testing.iconPassed');
    case 'negative': return icon('error', 'testing.iconFailed');
    case 'inconclusive': return icon('warning', 'list.warningForeground');
    case 'notUsed': return icon('circle-slash', 'disabledForeground');
    case 'info': return icon('info');
    case 'unknown': return icon('question', 'list.warningForeground');
  }
}

/** A yes/no flag of a document (typified, CPF match…), absent when the API did not say. */
export function flagIcon(value: boolean | undefined, goodWhen = true): vscode.ThemeIcon {
  if (value === undefined) return icon('circle-large-outline', 'disabledForeground');
  return value === goodWhen ? icon('pass', 'testing.iconPassed') : icon('error', 'testing.iconFailed');
}

export const ERROR_ICON = icon('warning', 'list.warningForeground');
/** An OK that its capabilities do not fully back (see src/editor/verdictText.ts). */
export const ATTENTION_ICON = icon('warning', 'list.warningForeground');
export const NOT_FETCHED_ICON = icon('circle-large-outline');
