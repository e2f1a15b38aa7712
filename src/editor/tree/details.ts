/**
 * The children of a fetched process: Result, Capabilities, Person, Company, Documents. Built
 * from the model; personal values (CPF, name, personal OCR fields) are masked unless revealed.
 */
import * as vscode from 'vscode';
import { maskCpf, maskDate, maskName, maskValue } from '../../core/mask';
import {
  capabilityRows, documentRows, resultMeaning, stateMeaning, summarize, type DocumentRow,
} from '../../core/model';
import type { FetchedProcess, Process } from '../../core/types';
import { Commands } from '../commands/ids';
import { flagIcon, outcomeIcon, relativeTime } from './format';
import { FieldNode, GroupNode, MessageNode, type Node } from './nodes';

const t = vscode.l10n.t;
const UNKNOWN = (): vscode.ThemeIcon => new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));

export interface DetailOptions {
  readonly revealed: boolean;
  readonly now: number;
}

function dateField(parent: Node, label: string, iso: string | undefined, date: Date | undefined, now: number): FieldNode[] {
  if (iso === undefined || iso === '') return [];
  return [new FieldNode(parent, label, iso, date ? relativeTime(date, now) : t('not a valid date'))];
}

function textField(parent: Node, label: string, value: string | undefined): FieldNode[] {
  return value === undefined || value === '' ? [] : [new FieldNode(parent, label, value)];
}

function resultChildren(p: Process, parent: Node, now: number): Node[] {
  const s = summarize(p);
  return [
    new FieldNode(parent, t('State'), s.state || '—', t(stateMeaning(s.state)), s.stateKnown ? undefined : UNKNOWN()),
    new FieldNode(parent, t('Result'), s.result ?? '—', t(resultMeaning(s.result)), s.resultKnown ? undefined : UNKNOWN()),
    ...textField(parent, t('Flow'), s.flow),
    ...dateField(parent, t('Created'), p.createdAt, s.createdAt, now),
    ...dateField(parent, t('Finished'), p.finishedAt, s.finishedAt, now),
    ...dateField(parent, t('Expires'), p.expiresAt, s.expiresAt, now),
    ...textField(parent, t('Purpose'), p.purpose),
    ...textField(parent, t('Use case'), p.useCase),
    ...textField(parent, t('Client reference'), p.clientReference),
    ...textField(parent, t('Capacities'), p.capacities?.join(', ')),
    ...textField(parent, t('Reference process'), p.bioTokenData?.referenceProcessId),
  ];
}

function capabilityChildren(p: Process, parent: Node): Node[] {
  const rows = capabilityRows(p);
  if (rows.length === 0) return [new FieldNode(parent, t('No capability results'), '')];
  return rows.map((row) => new FieldNode(
    parent,
    t(row.capability),
    row.value === '' ? '—' : row.value,
    row.known ? t(row.meaning) : `${t(row.meaning)} (${t('undocumented value')})`,
    outcomeIcon(row.outcome),
  ));
}

/** The toggle at the end of every group that holds personal data. */
function privacyToggle(parent: Node, revealed: boolean): MessageNode {
  return new MessageNode(
    parent,
    revealed ? t('Personal data shown') : t('Personal data masked'),
    { title: revealed ? t('Hide') : t('Reveal'), command: Commands.togglePersonalData },
    new vscode.ThemeIcon(revealed ? 'eye' : 'eye-closed'),
  );
}

function personChildren(p: Process, parent: Node, revealed: boolean): Node[] {
  const person = p.person;
  if (!person) return [new FieldNode(parent, t('No person data'), '')];
  const dui = person.duiValue;
  const isCpf = person.duiType === 'DUI_TYPE_BR_CPF';
  return [
    ...textField(parent, t('Document type'), person.duiType),
    ...(dui ? [new FieldNode(parent, isCpf ? 'CPF' : t('Document number'), revealed ? dui : isCpf ? maskCpf(dui) : maskValue(dui))] : []),
    ...(person.friendlyName ? [new FieldNode(parent, t('Name'), revealed ? person.friendlyName : maskName(person.friendlyName))] : []),
    ...textField(parent, t('Notifications'), person.notifications?.map((n) => n.notificationChannel ?? '?').join(', ')),
    privacyToggle(parent, revealed),
  ];
}

function companyChildren(p: Process, parent: Node): Node[] {
  const company = [...textField(parent, t('Branch'), p.companyData?.branchId), ...textField(parent, t('Country'), p.companyData?.countryCode)];
  return company.length > 0 ? company : [new FieldNode(parent, t('No company data'), '')];
}

/** A personal OCR value, masked: a date keeps its shape, anything else only its rough length. */
function maskOcr(value: string): string {
  return /^\d{4}-\d{2}-\d{2}|^\d{2}\/\d{2}\/\d{4}/.test(value) ? maskDate(value) : maskValue(value);
}

function documentChildren(row: DocumentRow, parent: Node, revealed: boolean): Node[] {
  const flag = (label: string, value: boolean | undefined, goodWhen = true): FieldNode =>
    new FieldNode(parent, label, value === undefined ? '—' : value ? t('yes') : t('no'), '', flagIcon(value, goodWhen));
  const ocr = row.ocr.map((f) => new FieldNode(parent, f.key, f.personal && !revealed ? maskOcr(f.value) : f.value));
  return [
    flag(t('Typified'), row.typified),
    flag(t('CPF match'), row.cpfMatch),
    flag(t('Face match'), row.faceMatch),
    flag(t('Validated'), row.validated),
    flag(t('Reused'), row.reused, false),
    ...ocr,
    ...(row.ocr.some((f) => f.personal) ? [privacyToggle(parent, revealed)] : []),
  ];
}

function documentsChildren(p: Process, parent: Node, revealed: boolean): Node[] {
  const rows = documentRows(p);
  if (rows.length === 0) return [new FieldNode(parent, t('No documents'), '')];
  return rows.map((row, i) => new GroupNode(
    parent, `doc${i}`, row.code ?? t('Document'), new vscode.ThemeIcon('file'),
    (group) => documentChildren(row, group, revealed), row.docId ?? '',
  ));
}

export function processDetails(fetched: FetchedProcess, parent: Node, options: DetailOptions): Node[] {
  const p = fetched.process;
  const { revealed, now } = options;
  const s = summarize(p);
  const capabilities = capabilityRows(p);
  return [
    new GroupNode(parent, 'result', t('Result'), new vscode.ThemeIcon('checklist'), (g) => resultChildren(p, g, now), t(s.verdictLabel)),
    new GroupNode(parent, 'capabilities', t('Capabilities'), new vscode.ThemeIcon('shield'), (g) => capabilityChildren(p, g), String(capabilities.length)),
    new GroupNode(parent, 'person', t('Person'), new vscode.ThemeIcon('person'), (g) => personChildren(p, g, revealed), revealed ? '' : t('masked')),
    new GroupNode(parent, 'company', t('Company'), new vscode.ThemeIcon('organization'), (g) => companyChildren(p, g)),
    new GroupNode(parent, 'documents', t('Documents'), new vscode.ThemeIcon('files'), (g) => documentsChildren(p, g, revealed), String(documentRows(p).length)),
  ];
}
