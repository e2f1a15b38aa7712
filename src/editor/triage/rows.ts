/**
 * Session outcomes → table rows: the verdict word, dates in the user's locale (vscode.env.language
 * through Intl), the person's name masked unless revealed; and the rows as export records (ISO
 * dates, same masking).
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { maskName } from '../../core/mask';
import type { Verdict } from '../../core/model';
import type { Outcome } from '../../core/resolveQueue';
import type { Bucket, Column, TriageRow } from '../../core/triageTable';
import { verdictTitle } from '../panel/viewModel';
import type { IdSite, Resolved, TriageSession } from './session';

export function bucketOf(verdict: Verdict): Bucket {
  switch (verdict) {
    case 'ok': return 'ok';
    case 'invalidIdentity': return 'invalidIdentity';
    case 'expired': return 'expired';
    case 'pending':
    case 'awaitingDocument': return 'pending';
    case 'error':
    case 'failed':
    case 'canceled':
    case 'unknown': return 'error';
  }
}

export function bucketLabels(): Record<Bucket, string> {
  return {
    ok: vscode.l10n.t('OK'), invalidIdentity: vscode.l10n.t('Invalid identity'), expired: vscode.l10n.t('Expired'), pending: vscode.l10n.t('Pending'),
    notFound: vscode.l10n.t('Not found'), error: vscode.l10n.t('Error'), unresolved: vscode.l10n.t('Not looked up'),
  };
}

export function columnLabels(): Record<Column, string> {
  return {
    verdict: vscode.l10n.t('Verdict'), id: vscode.l10n.t('Process ID'), state: vscode.l10n.t('State'), result: vscode.l10n.t('Result'), flow: vscode.l10n.t('Flow'),
    created: vscode.l10n.t('Created'), finished: vscode.l10n.t('Finished'), occurrences: vscode.l10n.t('Occurrences'), line: vscode.l10n.t('First line'), person: vscode.l10n.t('Person'),
  };
}

/** Why a lookup gave no process, in a word or two. */
function failureWord(error: unknown): string {
  if (!isIdCloudError(error)) return vscode.l10n.t('Lookup failed');
  switch (error.kind) {
    case 'notFound': return vscode.l10n.t('Not found');
    case 'rateLimited': return vscode.l10n.t('Rate limited');
    case 'unauthorized':
    case 'token': return vscode.l10n.t('Not authorised');
    case 'forbidden': return vscode.l10n.t('Forbidden');
    case 'network':
    case 'timeout': return vscode.l10n.t('Unreachable');
    case 'invalidId': return vscode.l10n.t('Invalid ID');
    default: return vscode.l10n.t('Lookup failed');
  }
}

export class RowBuilder {
  private readonly dates: Intl.DateTimeFormat;
  private readonly notLookedUp = vscode.l10n.t('Not looked up');

  constructor(locale: string, private readonly revealed: boolean) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'medium' });
    }
    this.dates = format;
  }

  row(site: IdSite, outcome: Outcome<Resolved> | undefined): TriageRow {
    const base = { id: site.id, occurrences: site.count, line: site.firstLine + 1 };
    if (outcome === undefined) {
      return { ...base, ...EMPTY, bucket: 'unresolved', verdict: this.notLookedUp };
    }
    if (!outcome.ok) {
      const notFound = isIdCloudError(outcome.error) && outcome.error.kind === 'notFound';
      return { ...base, ...EMPTY, bucket: notFound ? 'notFound' : 'error', verdict: failureWord(outcome.error) };
    }
    const r = outcome.value;
    return {
      ...base,
      bucket: bucketOf(r.verdict),
      verdict: verdictTitle(r.verdict),
      state: r.state,
      result: r.result,
      flow: r.flow,
      created: r.created,
      createdText: r.created === null ? '' : this.dates.format(r.created),
      finished: r.finished,
      finishedText: r.finished === null ? '' : this.dates.format(r.finished),
      person: r.name === '' ? '' : this.revealed ? r.name : maskName(r.name),
    };
  }

  rows(session: TriageSession, ids?: readonly string[]): TriageRow[] {
    const wanted = ids && new Set(ids);
    return session.allSites().filter((s) => !wanted || wanted.has(s.id)).map((s) => this.row(s, session.outcome(s.id)));
  }
}

const EMPTY = { state: '', result: '', flow: '', created: null, createdText: '', finished: null, finishedText: '', person: '' } as const;

/** Export columns: stable machine names (the header of the CSV, the keys of each JSON line). */
export const EXPORT_COLUMNS = ['id', 'verdict', 'bucket', 'state', 'result', 'flow', 'created', 'finished', 'occurrences', 'firstLine', 'person'] as const;

export function exportRecord(r: TriageRow): Record<(typeof EXPORT_COLUMNS)[number], string | number | null> {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: r.id, verdict: r.verdict, bucket: r.bucket, state: r.state, result: r.result, flow: r.flow,
    created: iso(r.created), finished: iso(r.finished), occurrences: r.occurrences, firstLine: r.line, person: r.person,
  };
}
