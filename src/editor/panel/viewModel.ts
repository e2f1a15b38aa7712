/**
 * Host side of the panel's rendering: a FetchedProcess plus the core model's rows become the plain
 * ViewModel the webview draws. Labels are localised here; personal data (CPF, names, birth dates,
 * document numbers, OCR personal fields, the selfie) is masked here unless the user revealed it,
 * so unmasked personal data never reaches the webview while hidden. An API-contract process carries
 * none, so its panel has no reveal switch and no services section. API strings are passed on
 * untouched: the webview inserts them as text.
 */
import * as vscode from 'vscode';
import { duiTypeLabel } from '../../core/enums';
import { maskCpf, maskName, maskValue } from '../../core/mask';
import { fetchedCapabilityRows, fetchedUnknownValues, summarizeFetched, summaryResultMeaning, summaryStateMeaning } from '../../core/fetched';
import { documentRows, resultMeaning, stateMeaning } from '../../core/model';
import type { FetchedProcess, MediaFile, Process, WebSdkFetched } from '../../core/types';
import { apiBannerDetail, apiGroups, noMediaText, withNote } from './apiSections';
import type {
  CapabilityView, DocumentView, FieldView, GroupView, Labels, MediaKind, MediaView, ServiceView, Tone, Verdict, ViewModel, WatchView,
} from '../../protocol';
import type { PresentedError, ProcessRef, Profile } from '../services';
import { attentionNote, needsAttention, verdictText } from '../verdictText';
import { formatSize, selfieDataUrl } from './files';
import { maskJson, personalValues } from '../../core/maskJson';

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
  readonly watch?: WatchView;
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
    personalData: (fetched ? fetched.contract : input.profile?.contract) !== 'api',
    loading: input.loading,
    banner: fetched ? banner(fetched) : pendingBanner(input),
    ...(input.error ? { error: { message: input.error.message, actions: input.error.actions.map((a) => a.title) } } : {}),
    ...(fetched ? { process: processView(fetched, revealed, labels) } : {}),
    selfie: mediaView('selfie', input.media.selfie, revealed),
    evidenceSet: mediaView('evidenceSet', input.media.evidenceSet, revealed),
    ...(input.watch ? { watch: input.watch } : {}),
  };
}

function panelLabels(): Labels {
  return {
    refresh: vscode.l10n.t('Refresh'), reveal: vscode.l10n.t('Show Personal Data'), hide: vscode.l10n.t('Hide Personal Data'), copyId: vscode.l10n.t('Copy ID'),
    copyLink: vscode.l10n.t('Copy Link'), copyJson: vscode.l10n.t('Copy JSON'), openPdf: vscode.l10n.t('Open PDF'), getSelfie: vscode.l10n.t('Get Selfie'), getEvidenceSet: vscode.l10n.t('Get Evidence Set'),
    save: vscode.l10n.t('Save…'), capabilities: vscode.l10n.t('Capabilities'), capability: vscode.l10n.t('Capability'), value: vscode.l10n.t('Value'),
    meaning: vscode.l10n.t('Meaning'), services: vscode.l10n.t('Services and documents'), documents: vscode.l10n.t('Documents'), ocr: vscode.l10n.t('OCR fields'),
    field: vscode.l10n.t('Field'), noDocuments: vscode.l10n.t('No documents in this process.'), media: vscode.l10n.t('Selfie and evidence set'),
    selfie: vscode.l10n.t('Selfie'), evidenceSet: vscode.l10n.t('Evidence set'), rawJson: vscode.l10n.t('Raw JSON'), filter: vscode.l10n.t('Filter keys and values'),
    expandAll: vscode.l10n.t('Expand All'), collapseAll: vscode.l10n.t('Collapse All'), noMatch: vscode.l10n.t('Nothing matches the filter.'),
    unknownValue: vscode.l10n.t('unknown value'), personalHidden: vscode.l10n.t('Personal data is hidden.'),
    personalShown: vscode.l10n.t('Personal data is shown. Hide it before sharing your screen.'), yes: vscode.l10n.t('yes'), no: vscode.l10n.t('no'),
    absent: vscode.l10n.t('(absent)'), loading: vscode.l10n.t('Loading…'), toolbar: vscode.l10n.t('Process actions'),
    watch: vscode.l10n.t('Watch'), stopWatching: vscode.l10n.t('Stop Watching'), copyValue: vscode.l10n.t('Copy the value as sent'),
  };
}

export function verdictTitle(verdict: Verdict): string {
  switch (verdict) {
    case 'ok': return vscode.l10n.t('OK');
    case 'invalidIdentity': return vscode.l10n.t('Invalid identity');
    case 'error': return vscode.l10n.t('Error');
    case 'expired': return vscode.l10n.t('Expired');
    case 'pending': return vscode.l10n.t('Pending');
    case 'awaitingDocument': return vscode.l10n.t('Awaiting document');
    case 'failed': return vscode.l10n.t('Failed');
    case 'canceled': return vscode.l10n.t('Canceled');
    case 'unknown': return vscode.l10n.t('Unknown');
  }
}

function banner(fetched: FetchedProcess): ViewModel['banner'] {
  const s = summarizeFetched(fetched);
  const verdict: Verdict = s.verdict;
  const note = attentionNote(s, vscode.l10n);
  const detail = note ?? apiBannerDetail(s) ?? (s.stateKnown && s.resultKnown ? meaningOf(s.result ? summaryResultMeaning(s) : summaryStateMeaning(s)) : '');
  return {
    verdict,
    title: needsAttention(s) ? verdictText(s, vscode.l10n, vscode.env.language) : verdictTitle(verdict),
    detail: detail || [s.state, s.result].filter(Boolean).join(' · '),
    ...(note ? { attention: true } : {}),
  };
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
  const unknown = fetchedUnknownValues(fetched);
  const api = fetched.contract === 'api';
  return {
    ...(unknown.length > 0 || (fetched.unexpected?.length ?? 0) > 0
      ? { unknownNotice: vscode.l10n.t('This response has values this version does not know; they are shown as sent and marked “{0}”.', labels.unknownValue) }
      : {}),
    groups: [...(api ? apiGroups(fetched, summarizeFetched(fetched), labels) : groups(fetched, revealed, labels)), ...unexpectedGroup(fetched, revealed)],
    capabilities: fetchedCapabilityRows(fetched).map((r): CapabilityView => ({
      capability: r.capability === r.field ? r.capability : vscode.l10n.t(r.capability), field: r.field, value: r.value, known: r.known, tone: toneOf(r.outcome), meaning: meaningOf(r.meaning),
    })),
    ...(api ? {} : { services: services(fetched.process, revealed, labels) }),
    raw: rawJson(fetched, revealed),
    rawHeading: labels.rawJson,
    ...(api ? { noMedia: noMediaText() } : {}),
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

/**
 * An enum value: the plain meaning leads, the value as sent stays beside it as a copyable detail.
 * Without a meaning (an unknown value, or none documented) the value itself leads.
 */
function enumField(label: string, raw: string | undefined, meaning: string, labels: Labels, extra: Partial<FieldView> = {}): FieldView {
  if (raw === undefined || raw === '') return field(label, raw, labels, extra);
  return meaning ? { label, value: meaning, raw, ...extra } : { label, value: raw, raw, ...extra };
}

function personal(label: string, value: string | undefined, revealed: boolean, mask: (v: string) => string, labels: Labels): FieldView {
  if (value === undefined || value === '') return field(label, value, labels);
  return { label, value: revealed ? value : mask(value), personal: true };
}

function groups(fetched: WebSdkFetched, revealed: boolean, labels: Labels): GroupView[] {
  const p = fetched.process;
  const s = summarizeFetched(fetched);
  const person = p.person;
  const number = person?.duiType === 'DUI_TYPE_BR_CPF' ? maskCpf : maskValue;
  return [
    {
      id: 'state', heading: vscode.l10n.t('State and times'), fields: [
        enumField(vscode.l10n.t('State'), s.state, meaningOf(s.state ? stateMeaning(s.state) : undefined), labels, { unknown: !s.stateKnown }),
        enumField(vscode.l10n.t('Result'), s.result, meaningOf(s.result ? resultMeaning(s.result) : undefined), labels, {
          unknown: !s.resultKnown, ...withNote(attentionNote(s, vscode.l10n)),
        }),
        field(vscode.l10n.t('Created'), p.createdAt, labels, { time: s.createdAt !== undefined }),
        field(vscode.l10n.t('Finished'), p.finishedAt, labels, { time: s.finishedAt !== undefined }),
        field(vscode.l10n.t('Expires'), p.expiresAt, labels, { time: s.expiresAt !== undefined }),
        field(vscode.l10n.t('Fetched'), new Date(fetched.fetchedAt).toISOString(), labels, { time: true }),
      ],
    },
    {
      id: 'process', heading: vscode.l10n.t('Process'), fields: [
        field(vscode.l10n.t('ID'), p.id, labels), field(vscode.l10n.t('Flow'), p.flow, labels), field(vscode.l10n.t('Purpose'), p.purpose, labels),
        field(vscode.l10n.t('Use case'), p.useCase, labels), field(vscode.l10n.t('Client reference'), p.clientReference, labels),
        field(vscode.l10n.t('Capacities'), p.capacities?.join(', '), labels), field(vscode.l10n.t('Callback URI'), p.callbackUri, labels),
        field(vscode.l10n.t('User redirect URL'), p.userRedirectUrl, labels),
      ],
    },
    {
      id: 'person', heading: vscode.l10n.t('Person'), fields: [
        enumField(vscode.l10n.t('Document type'), person?.duiType, meaningOf(duiTypeLabel(person?.duiType)), labels),
        personal(vscode.l10n.t('Document number'), person?.duiValue, revealed, number, labels),
        personal(vscode.l10n.t('Name'), person?.friendlyName, revealed, maskName, labels),
        field(vscode.l10n.t('Notifications'), person?.notifications?.map((n) => n.notificationChannel ?? '').join(', '), labels),
      ],
    },
    {
      id: 'company', heading: vscode.l10n.t('Company'), fields: [
        field(vscode.l10n.t('Branch'), p.companyData?.branchId, labels), field(vscode.l10n.t('Country'), p.companyData?.countryCode, labels),
      ],
    },
    {
      id: 'bioToken', heading: vscode.l10n.t('Bio-token reference'), fields: [
        field(vscode.l10n.t('Reference process'), p.bioTokenData?.referenceProcessId, labels),
        field(vscode.l10n.t('Authentication ID'), p.bioTokenData?.authenticationId, labels),
      ],
    },
  ];
}

/** Where a left-out value may hold personal data or bearer material: masked while hidden. */
const SENSITIVE_PATH = /person|doc\.data|friendlyName|duiValue|token|signed_url/i;

/** Values of the wrong type that the parser left out of the process: shown raw, marked unknown. */
function unexpectedGroup(fetched: FetchedProcess, revealed: boolean): GroupView[] {
  const dropped = fetched.unexpected ?? [];
  if (dropped.length === 0) return [];
  return [{
    id: 'unexpected',
    heading: vscode.l10n.t('Values of an unexpected type'),
    fields: dropped.map((d): FieldView => {
      const hide = !revealed && SENSITIVE_PATH.test(d.path);
      return {
        label: d.path, value: hide ? maskValue(d.raw) : d.raw, unknown: true,
        note: vscode.l10n.t('Not of the type the reference documents; shown as sent, and left out of everything above.'),
        ...(hide ? { personal: true } : {}),
      };
    }),
  }];
}

function services(p: Process, revealed: boolean, labels: Labels): ServiceView[] {
  const rows = documentRows(p);
  return (p.services ?? []).map((service, serviceIndex): ServiceView => ({
    heading: vscode.l10n.t('Service {0}', serviceIndex + 1),
    fields: [field(vscode.l10n.t('Envelope'), service.envelopeId, labels), field(vscode.l10n.t('Consent granted'), service.consent_granted, labels)],
    documents: rows.flatMap((row, index) => row.serviceIndex !== serviceIndex ? [] : [{
      index,
      heading: vscode.l10n.t('Document {0}', index + 1) + (row.code ? ` · ${row.code}` : ''),
      fields: [field(vscode.l10n.t('Document ID'), row.docId, labels), field(vscode.l10n.t('Type code'), row.code, labels), field(vscode.l10n.t('OCR version'), row.version, labels)],
      flags: [
        check(vscode.l10n.t('Typified'), row.typified), check(vscode.l10n.t('CPF match'), row.cpfMatch), check(vscode.l10n.t('Face match'), row.faceMatch),
        check(vscode.l10n.t('Validated'), row.validated), { label: vscode.l10n.t('Reused'), value: row.reused, tone: 'neutral' as const },
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
  if (revealed) return value;
  for (const d of fetched.unexpected ?? []) if (SENSITIVE_PATH.test(d.path)) value = replaceAt(value, d.keys, maskValue(d.raw));
  // The API contract's answer carries no personal data (id, status, capability answers).
  return fetched.contract === 'api' ? value : maskJson(value, personalValues(fetched.process, documentRows(fetched.process)), maskValue);
}

/** `value` with the value at `keys` replaced (copy-on-write along the path); unchanged where the path does not exist. */
function replaceAt(value: unknown, keys: readonly (string | number)[], replacement: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return replacement;
  if (Array.isArray(value) && typeof key === 'number' && key < value.length) {
    return value.map((v: unknown, i) => (i === key ? replaceAt(v, rest, replacement) : v));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key)) {
    const obj = value as Record<string, unknown>;
    return { ...obj, [key]: replaceAt(obj[String(key)], rest, replacement) };
  }
  return value;
}

function mediaView(kind: MediaKind, held: HeldMedia, revealed: boolean): MediaView {
  switch (held.status) {
    case 'idle': return { status: 'idle', text: '' };
    case 'loading': return { status: 'loading', text: vscode.l10n.t('Loading…') };
    case 'error': return { status: 'error', text: held.message };
    case 'ready': {
      const size = formatSize(held.file.bytes.byteLength);
      if (kind === 'evidenceSet') return { status: 'ready', text: vscode.l10n.t('Evidence set received ({0}), held in memory until you save it.', size) };
      if (!revealed) return { status: 'hidden', text: vscode.l10n.t('Selfie received ({0}); hidden while personal data is hidden.', size) };
      const dataUrl = selfieDataUrl(held.file);
      return dataUrl
        ? { status: 'ready', text: vscode.l10n.t('Selfie ({0})', size), dataUrl }
        : { status: 'error', text: vscode.l10n.t('The selfie is of type {0}, which is not shown.', held.file.contentType) };
    }
  }
}
