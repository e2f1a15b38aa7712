/**
 * The children of a fetched process: Result, Capabilities, Person, Company, Documents. Built
 * from the model; personal values (CPF, name, personal OCR fields) are masked unless revealed.
 */
import * as vscode from 'vscode';
import { formatDateTime } from '../../core/localeFormat';
import { maskCpf, maskDate, maskName, maskValue } from '../../core/mask';
import { apiStatusInfo } from '../../core/apiContract/model';
import { fetchedCapabilityRows, summarizeFetched } from '../../core/fetched';
import {
  documentRows, resultMeaning, stateMeaning, summarize, type CapabilityRow, type DocumentRow,
} from '../../core/model';
import { attentionNote, verdictText } from '../verdictText';
import { duiTypeLabel } from '../../core/enums';
import type { ApiFetched, FetchedProcess, Process } from '../../core/types';
import { Commands } from '../commandIds';
import { flagIcon, outcomeIcon, relativeTime } from './format';
import { FieldNode, GroupNode, MessageNode, type Node } from './nodes';

const UNKNOWN = (): vscode.ThemeIcon => new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));

export interface DetailOptions {
  readonly revealed: boolean;
  readonly now: number;
}

function dateField(parent: Node, label: string, iso: string | undefined, date: Date | undefined, now: number): FieldNode[] {
  if (iso === undefined || iso === '') return [];
  return date
    ? [new FieldNode(parent, label, formatDateTime(date.getTime(), vscode.env.language), relativeTime(date, now), undefined, iso)]
    : [new FieldNode(parent, label, iso, vscode.l10n.t('not a valid date'))];
}

function textField(parent: Node, label: string, value: string | undefined): FieldNode[] {
  return value === undefined || value === '' ? [] : [new FieldNode(parent, label, value)];
}

function resultChildren(p: Process, parent: Node, now: number): Node[] {
  const s = summarize(p);
  return [
    new FieldNode(parent, vscode.l10n.t('State'), s.state || '—', vscode.l10n.t(stateMeaning(s.state)), s.stateKnown ? undefined : UNKNOWN()),
    new FieldNode(parent, vscode.l10n.t('Result'), s.result ?? '—', attentionNote(s, vscode.l10n) ?? vscode.l10n.t(resultMeaning(s.result)), s.resultKnown ? undefined : UNKNOWN()),
    ...textField(parent, vscode.l10n.t('Flow'), s.flow),
    ...dateField(parent, vscode.l10n.t('Created'), p.createdAt, s.createdAt, now),
    ...dateField(parent, vscode.l10n.t('Finished'), p.finishedAt, s.finishedAt, now),
    ...dateField(parent, vscode.l10n.t('Expires'), p.expiresAt, s.expiresAt, now),
    ...textField(parent, vscode.l10n.t('Purpose'), p.purpose),
    ...textField(parent, vscode.l10n.t('Use case'), p.useCase),
    ...textField(parent, vscode.l10n.t('Client reference'), p.clientReference),
    ...textField(parent, vscode.l10n.t('Capacities'), p.capacities?.join(', ')),
    ...textField(parent, vscode.l10n.t('Reference process'), p.bioTokenData?.referenceProcessId),
  ];
}

/** "LIVENESS_RESULT_LIVE" → "LIVE", "SCORE_ENABLED_TRUE" → "TRUE": the reference's own shorthand, so the meaning fits the side bar. */
export function shortEnum(value: string): string {
  return value.replace(/^(?:[A-Z0-9]+_)*?(?:RESULT|ENABLED)_(?=[A-Z])/, '');
}

function capabilityChildren(rows: readonly CapabilityRow[], parent: Node): Node[] {
  if (rows.length === 0) return [new FieldNode(parent, vscode.l10n.t('No capability results'), '')];
  return rows.map((row) => new FieldNode(
    parent,
    vscode.l10n.t(row.capability),
    row.value === '' ? '—' : row.known ? shortEnum(row.value) : row.value,
    row.known ? vscode.l10n.t(row.meaning) : `${vscode.l10n.t(row.meaning)} (${vscode.l10n.t('undocumented value')})`,
    outcomeIcon(row.outcome),
    row.value,
  ));
}

/** The toggle at the end of every group that holds personal data. */
function privacyToggle(parent: Node, revealed: boolean): MessageNode {
  return new MessageNode(
    parent,
    revealed ? vscode.l10n.t('Personal data shown') : vscode.l10n.t('Personal data masked'),
    { title: revealed ? vscode.l10n.t('Hide') : vscode.l10n.t('Reveal'), command: Commands.togglePersonalData },
    new vscode.ThemeIcon(revealed ? 'eye' : 'eye-closed'),
  );
}

function personChildren(p: Process, parent: Node, revealed: boolean): Node[] {
  const person = p.person;
  if (!person) return [new FieldNode(parent, vscode.l10n.t('No person data'), '')];
  const dui = person.duiValue;
  const isCpf = person.duiType === 'DUI_TYPE_BR_CPF';
  return [
    ...(person.duiType ? [new FieldNode(parent, vscode.l10n.t('Document type'), person.duiType, duiTypeLabel(person.duiType) === undefined ? vscode.l10n.t('A document type not in the documented API') : vscode.l10n.t(duiTypeLabel(person.duiType) ?? ''))] : []),
    ...(dui ? [new FieldNode(parent, isCpf ? 'CPF' : vscode.l10n.t('Document number'), revealed ? dui : isCpf ? maskCpf(dui) : maskValue(dui))] : []),
    ...(person.friendlyName ? [new FieldNode(parent, vscode.l10n.t('Name'), revealed ? person.friendlyName : maskName(person.friendlyName))] : []),
    ...textField(parent, vscode.l10n.t('Notifications'), person.notifications?.map((n) => n.notificationChannel ?? '?').join(', ')),
    privacyToggle(parent, revealed),
  ];
}

function companyChildren(p: Process, parent: Node): Node[] {
  const company = [...textField(parent, vscode.l10n.t('Branch'), p.companyData?.branchId), ...textField(parent, vscode.l10n.t('Country'), p.companyData?.countryCode)];
  return company.length > 0 ? company : [new FieldNode(parent, vscode.l10n.t('No company data'), '')];
}

/** A personal OCR value, masked: a date keeps its shape, anything else only its rough length. */
function maskOcr(value: string): string {
  return /^\d{4}-\d{2}-\d{2}|^\d{2}\/\d{2}\/\d{4}/.test(value) ? maskDate(value) : maskValue(value);
}

function documentChildren(row: DocumentRow, parent: Node, revealed: boolean): Node[] {
  const flag = (label: string, value: boolean | undefined, goodWhen = true): FieldNode =>
    new FieldNode(parent, label, value === undefined ? '—' : value ? vscode.l10n.t('yes') : vscode.l10n.t('no'), '', flagIcon(value, goodWhen));
  const ocr = row.ocr.map((f) => new FieldNode(parent, f.key, f.personal && !revealed ? maskOcr(f.value) : f.value));
  return [
    flag(vscode.l10n.t('Typified'), row.typified),
    flag(vscode.l10n.t('CPF match'), row.cpfMatch),
    flag(vscode.l10n.t('Face match'), row.faceMatch),
    flag(vscode.l10n.t('Validated'), row.validated),
    flag(vscode.l10n.t('Reused'), row.reused, false),
    ...ocr,
    ...(row.ocr.some((f) => f.personal) ? [privacyToggle(parent, revealed)] : []),
  ];
}

function documentsChildren(p: Process, parent: Node, revealed: boolean): Node[] {
  const rows = documentRows(p);
  if (rows.length === 0) return [new FieldNode(parent, vscode.l10n.t('No documents'), '')];
  return rows.map((row, i) => new GroupNode(
    parent, `doc${i}`, row.code ?? vscode.l10n.t('Document'), new vscode.ThemeIcon('file'),
    (group) => documentChildren(row, group, revealed), row.docId ?? '',
  ));
}

/** An API-contract process: its status with unico's meaning, and its capability answers; it has no person, company or documents. */
function apiDetails(fetched: ApiFetched, parent: Node): Node[] {
  const s = summarizeFetched(fetched);
  const capabilities = fetchedCapabilityRows(fetched);
  const status = apiStatusInfo(fetched.process.status);
  const statusText = s.state === '' ? '—' : status.name ? `${s.state} (${vscode.l10n.t(status.name)})` : s.state;
  const result = (g: Node): Node[] => [
    new FieldNode(g, vscode.l10n.t('Status'), statusText, attentionNote(s, vscode.l10n) ?? vscode.l10n.t(status.meaning), status.known ? undefined : UNKNOWN()),
    new FieldNode(g, vscode.l10n.t('Contract'), vscode.l10n.t('API contract'), vscode.l10n.t('Not in this response: unico documents no timestamps for the API contract\'s Get Process.')),
  ];
  return [
    new GroupNode(parent, 'result', vscode.l10n.t('Result'), new vscode.ThemeIcon('checklist'), result, verdictText(s, vscode.l10n, vscode.env.language)),
    new GroupNode(parent, 'capabilities', vscode.l10n.t('Capabilities'), new vscode.ThemeIcon('shield'), (g) => capabilityChildren(capabilities, g), String(capabilities.length)),
  ];
}

export function processDetails(fetched: FetchedProcess, parent: Node, options: DetailOptions): Node[] {
  if (fetched.contract === 'api') return apiDetails(fetched, parent);
  const p = fetched.process;
  const { revealed, now } = options;
  const s = summarize(p);
  const capabilities = fetchedCapabilityRows(fetched);
  return [
    new GroupNode(parent, 'result', vscode.l10n.t('Result'), new vscode.ThemeIcon('checklist'), (g) => resultChildren(p, g, now), verdictText(s, vscode.l10n, vscode.env.language)),
    new GroupNode(parent, 'capabilities', vscode.l10n.t('Capabilities'), new vscode.ThemeIcon('shield'), (g) => capabilityChildren(capabilities, g), String(capabilities.length)),
    new GroupNode(parent, 'person', vscode.l10n.t('Person'), new vscode.ThemeIcon('person'), (g) => personChildren(p, g, revealed), revealed ? '' : vscode.l10n.t('masked')),
    new GroupNode(parent, 'company', vscode.l10n.t('Company'), new vscode.ThemeIcon('organization'), (g) => companyChildren(p, g)),
    new GroupNode(parent, 'documents', vscode.l10n.t('Documents'), new vscode.ThemeIcon('files'), (g) => documentsChildren(p, g, revealed), String(documentRows(p).length)),
  ];
}
