/**
 * The verdict as every surface words it (lens, hover, tree, panel, triage): the result exactly as
 * unico sent it, plus what the capabilities say when they do not back it. The reference defines
 * PROCESS_RESULT_OK as "all capabilities returned positive results", yet its own example is OK with
 * an inconclusive identity decided by a risk score: we show "OK — Identity verification
 * inconclusive; decided with risk score 85.5" and mark it for attention, never a bare claim.
 * Pure: the caller passes `vscode.l10n` (or a stub) and the display language.
 */
import type { Caveat, ProcessSummary } from '../core/model';

export interface L10n {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

function caveatText(c: Caveat, l10n: L10n): string {
  const capability = l10n.t(c.capability);
  switch (c.outcome) {
    case 'inconclusive': return l10n.t('{0} inconclusive', capability);
    case 'negative': return l10n.t('{0} negative', capability);
    case 'missing': return l10n.t('{0} not returned', capability);
  }
}

/** True when the verdict is OK but a capability did not answer positively. */
export function needsAttention(s: ProcessSummary): boolean {
  return s.caveats.length > 0;
}

/** "OK", or "OK — Identity verification inconclusive; decided with risk score 85.5". */
export function verdictText(s: ProcessSummary, l10n: L10n, locale?: string): string {
  const label = l10n.t(s.verdictLabel);
  if (!needsAttention(s)) return label;
  const list = s.caveats.map((c) => caveatText(c, l10n)).join(', ');
  if (s.riskScore === undefined) return l10n.t('{0} — {1}', label, list);
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(s.riskScore);
  return l10n.t('{0} — {1}; decided with risk score {2}', label, list, score);
}

/** The result's explanation on an OK that the capabilities do not fully back (else undefined). */
export function attentionNote(s: ProcessSummary, l10n: L10n): string | undefined {
  if (!needsAttention(s)) return undefined;
  // The API contract has no overall result: unico finished the process (status 3) and the verdict is read from its answers.
  if (s.contract === 'api') return l10n.t('unico finished the process (status 3), but not every capability answered positively: check the capability rows before relying on it.');
  return l10n.t('unico returned OK, but not every capability answered positively: check the capability rows before relying on it.');
}
