/**
 * Host side of the panel's rendering: a FetchedProcess plus the core model's rows become the plain
 * ViewModel the webview draws. Labels are localised here; personal data (CPF, names, birth dates,
 * document numbers, OCR personal fields, the selfie) is masked here unless the user revealed it,
 * so unmasked personal data never reaches the webview while hidden. API strings are passed on
 * untouched: the webview inserts them as text.
 */
import * as vscode from 'vscode';
import { maskCpf, maskName, maskValue } from '../../core/mask';
import { capabilityRows, documentRows, resultMeaning, stateMeaning, summarize, unknownValues } from '../../core/model';
import type { FetchedProcess, MediaFile, Process } from '../../core/types';
import type {
  CapabilityView, DocumentView, FieldView, GroupView, Labels, MediaKind, MediaView, ServiceView, Tone, Verdict, ViewModel,
} from '../../protocol';
import type { PresentedError, ProcessRef, Profile } from '../services';
import { formatSize, selfieDataUrl } from './files';
import { maskJson, personalValues } from './personal';

export type HeldMedia =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly file: MediaFile }
  | { readonly status: 'error'; readonly message: string };

export interface ViewInput {
  readonly ref: ProcessRef;
  readonly profile: Profile | undefined;
  readonly fetched: FetchedProcess | undefined;
  readonly revealed: boolean;
  readonly loading: boolean;
  readonly error: PresentedError | undefined;
  readonly media: Readonly<Record<MediaKind, HeldMedia>>;
}

export function buildViewModel(input: ViewInput): ViewModel {
  const { fetched, revealed } = input;
  const labels = panelLabels();
  return {
    ref: { id: input.ref.id, profileId: input.ref.profileId },
    locale: vscode.env.language,
    labels,
    profile: { label: input.profile?.label ?? input.ref.profileId, production: input.profile?.production ?? false },
    revealed,
    loading: input.loading,
    banner: fetched ? banner(fetched.process) : pendingBanner(input),
    ...(input.error ? { error: { message: input.error.message, actions: input.error.actions.map((a) => a.title) } } : {}),
    ...(fetched ? { process: processView(fetched, revealed, labels) } : {}),
    selfie: mediaView('selfie', input.media.selfie, revealed),
    evidenceSet: mediaView('evidenceSet', input.media.evidenceSet, revealed),
  };
}

function panelLabels(): Labels {
  const t = vscode.l10n.t;
  return {
    refresh: t('Refresh'), reveal: t('Show Personal Data'), hide: t('Hide Personal Data'), copyId: t('Copy ID'),
    copyJson: t('Copy JSON'), openPdf: t('Open PDF'), getSelfie: t('Get Selfie'), getEvidenceSet: t('Get Evidence Set'),
    save: t('Save…'), capabilities: t('Capabilities'), capability: t('Capability'), value: t('Value'),
    meaning: t('Meaning'), services: t('Services and documents'), documents: t('Documents'), ocr: t('OCR fields'),
    field: t('Field'), noDocuments: t('No documents in this process.'), media: t('Selfie and evidence set'),
    selfie: t('Selfie'), evidenceSet: t('Evidence set'), rawJson: t('Raw JSON'), filter: t('Filter keys and values'),
    expandAll: t('Expand All'), collapseAll: t('Collapse All'), noMatch: t('Nothing matches the filter.'),
    unknownValue: t('unknown value'), personalHidden: t('Personal data is hidden.'),
    personalShown: t('Personal data is shown. Hide it before sharing your screen.'), yes: t('yes'), no: t('no'),
    absent: t('(absent)'), loading: t('Loading…'), toolbar: t('Process actions'),
  };
}

function verdictTitle(verdict: Verdict): string {
  switch (verdict) {
    case 'ok': return vscode.l10n.t('OK');
    case 'invalidIdentity': return vscode.l10n.t('Invalid identity');
    case 'error': return vscode.l10n.t('Error');
    case 'expired': return vscode.l10n.t('Expired');
    case 'pending': return vscode.l10n.t('Pending');
    case 'awaitingDocument': return vscode.l10n.t('Awaiting document');
    case 'failed': return vscode.l10n.t('Failed');
    case 'unknown': return vscode.l10n.t('Unknown');
  }
}

function banner(p: Process): ViewModel['banner'] {
  const s = summarize(p);
  const verdict: Verdict = s.verdict;
  const detail = s.stateKnown && s.resultKnown ? meaningOf(s.result ? resultMeaning(s.result) : stateMeaning(s.state)) : '';
  return { verdict, title: verdictTitle(verdict), detail: detail || [s.state, s.result].filter(Boolean).join(' · ') };
}

function pendingBanner(input: ViewInput): ViewModel['banner'] {
  if (input.loading) return { verdict: 'pending', title: vscode.l10n.t('Looking up…'), detail: input.ref.id };
  return { verdict: 'unknown', title: vscode.l10n.t('Not looked up'), detail: input.ref.id };
}

/** The model's meanings are English text from the reference tables; a translation bundle may carry them. */
function meaningOf(text: string | undefined): string {
  return text ? vscode.l10n.t(text) : '';
}

function processView(fetched: FetchedProcess, revealed: boolean, labels: Labels): NonNullable<ViewModel['process']> {
  const p = fetched.process;
  const unknown = unknownValues(p);
  return {
    ...(unknown.length > 0
      ? { unknownNotice: vscode.l10n.t('This response has values this version does not know; they are shown as sent and marked “{0}”.', labels.unknownValue) }
      : {}),
    groups: groups(fetched, revealed, labels),
    capabilities: capabilityRows(p).map((r): CapabilityView => ({
      capability: r.capability === r.field ? r.capability : vscode.l10n.t(r.capability), field: r.field, value: r.value, known: r.known, tone: toneOf(r.outcome), meaning: meaningOf(r.meaning),
    })),
    services: services(p, revealed, labels),
    raw: rawJson(fetched, revealed),
    rawHeading: labels.rawJson,
  };
}

function toneOf(outcome: string): Tone {
  switch (outcome) {
    case 'positive': return 'good';
    case 'negative': return 'bad';
    case 'inconclusive': return 'warn';
    case 'unknown': return 'unknown';
    default: return 'neutral';
  }
}

function field(label: string, value: string | number | boolean | undefined, labels: Labels, extra: Partial<FieldView> = {}): FieldView {
  const text = value === undefined || value === '' ? labels.absent : typeof value === 'boolean' ? (value ? labels.yes : labels.no) : String(value);
  return { label, value: text, ...extra };
}

function personal(label: string, value: string | undefined, revealed: boolean, mask: (v: string) => string, labels: Labels): FieldView {
  if (value === undefined || value === '') return field(label, value, labels);
  return { label, value: revealed ? value : mask(value), personal: true };
}

function groups(fetched: FetchedProcess, revealed: boolean, labels: Labels): GroupView[] {
  const p = fetched.process;
  const s = summarize(p);
  const t = vscode.l10n.t;
  const person = p.person;
  const number = person?.duiType === 'DUI_TYPE_BR_CPF' ? maskCpf : maskValue;
  return [
    {
      id: 'state', heading: t('State and times'), fields: [
        field(t('State'), s.state, labels, { unknown: !s.stateKnown, note: meaningOf(s.state ? stateMeaning(s.state) : undefined) }),
        field(t('Result'), s.result, labels, { unknown: !s.resultKnown, note: meaningOf(s.result ? resultMeaning(s.result) : undefined) }),
        field(t('Created'), p.createdAt, labels, { time: s.createdAt !== undefined }),
        field(t('Finished'), p.finishedAt, labels, { time: s.finishedAt !== undefined }),
        field(t('Expires'), p.expiresAt, labels, { time: s.expiresAt !== undefined }),
        field(t('Fetched'), new Date(fetched.fetchedAt).toISOString(), labels, { time: true }),
      ],
    },
    {
      id: 'process', heading: t('Process'), fields: [
        field(t('ID'), p.id, labels), field(t('Flow'), p.flow, labels), field(t('Purpose'), p.purpose, labels),
        field(t('Use case'), p.useCase, labels), field(t('Client reference'), p.clientReference, labels),
        field(t('Capacities'), p.capacities?.join(', '), labels), field(t('Callback URI'), p.callbackUri, labels),
        field(t('User redirect URL'), p.userRedirectUrl, labels),
      ],
    },
    {
      id: 'person', heading: t('Person'), fields: [
        field(t('Document type'), person?.duiType, labels),
        personal(t('Document number'), person?.duiValue, revealed, number, labels),
        personal(t('Name'), person?.friendlyName, revealed, maskName, labels),
        field(t('Notifications'), person?.notifications?.map((n) => n.notificationChannel ?? '').join(', '), labels),
      ],
    },
    {
      id: 'company', heading: t('Company'), fields: [
        field(t('Branch'), p.companyData?.branchId, labels), field(t('Country'), p.companyData?.countryCode, labels),
      ],
    },
    {
      id: 'bioToken', heading: t('Bio-token reference'), fields: [
        field(t('Reference process'), p.bioTokenData?.referenceProcessId, labels),
        field(t('Authentication ID'), p.bioTokenData?.authenticationId, labels),
      ],
    },
  ];
}

function services(p: Process, revealed: boolean, labels: Labels): ServiceView[] {
  const t = vscode.l10n.t;
  const rows = documentRows(p);
  return (p.services ?? []).map((service, serviceIndex): ServiceView => ({
    heading: t('Service {0}', serviceIndex + 1),
    fields: [field(t('Envelope'), service.envelopeId, labels), field(t('Consent granted'), service.consent_granted, labels)],
    documents: rows.flatMap((row, index) => row.serviceIndex !== serviceIndex ? [] : [{
      index,
      heading: t('Document {0}', index + 1) + (row.code ? ` · ${row.code}` : ''),
      fields: [field(t('Document ID'), row.docId, labels), field(t('Type code'), row.code, labels), field(t('OCR version'), row.version, labels)],
      flags: [
        check(t('Typified'), row.typified), check(t('CPF match'), row.cpfMatch), check(t('Face match'), row.faceMatch),
        check(t('Validated'), row.validated), { label: t('Reused'), value: row.reused, tone: 'neutral' as const },
      ],
      hasPdf: Boolean(row.signedUrl),
      ocr: row.ocr.map((o) => o.personal
        ? personal(o.key, o.value, revealed, maskValue, labels)
        : field(o.key, o.value, labels)),
    }]),
  }));
}

/** A check that passed (true) or failed (false); absent is neither. */
function check(label: string, value: boolean | undefined): DocumentView['flags'][number] {
  return { label, value, tone: value === undefined ? 'neutral' : value ? 'good' : 'bad' };
}

/** The response as a JSON value for the tree, personal values masked wherever they occur unless revealed. */
function rawJson(fetched: FetchedProcess, revealed: boolean): unknown {
  let value: unknown;
  try {
    value = JSON.parse(fetched.rawJson);
  } catch {
    value = fetched.rawJson;
  }
  return revealed ? value : maskJson(value, personalValues(fetched.process, documentRows(fetched.process)), maskValue);
}

function mediaView(kind: MediaKind, held: HeldMedia, revealed: boolean): MediaView {
  const t = vscode.l10n.t;
  switch (held.status) {
    case 'idle': return { status: 'idle', text: '' };
    case 'loading': return { status: 'loading', text: t('Loading…') };
    case 'error': return { status: 'error', text: held.message };
    case 'ready': {
      const size = formatSize(held.file.bytes.byteLength);
      if (kind === 'evidenceSet') return { status: 'ready', text: t('Evidence set received ({0}), held in memory until you save it.', size) };
      if (!revealed) return { status: 'hidden', text: t('Selfie received ({0}); hidden while personal data is hidden.', size) };
      const dataUrl = selfieDataUrl(held.file);
      return dataUrl
        ? { status: 'ready', text: t('Selfie ({0})', size), dataUrl }
        : { status: 'error', text: t('The selfie is of type {0}, which is not shown.', held.file.contentType) };
    }
  }
}
