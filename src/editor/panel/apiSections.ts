/**
 * The panel's sections for an API-contract process (`GET /processes/v1/{id}`): its status with
 * unico's meaning, the capability answers, the times it does not carry, and the process ID. The
 * meanings come from src/core/apiContract/model.ts, each with its unico page; where unico documents
 * nothing (no timestamps in this response), the panel says so.
 */
import * as vscode from 'vscode';
import { apiStatusInfo } from '../../core/apiContract/model';
import type { ProcessSummary } from '../../core/model';
import type { ApiFetched } from '../../core/types';
import type { FieldView, GroupView, Labels } from '../../protocol';
import { attentionNote } from '../verdictText';

export function apiGroups(fetched: ApiFetched, s: ProcessSummary, labels: Labels): GroupView[] {
  const p = fetched.process;
  const status = apiStatusInfo(p.status);
  const statusField: FieldView = p.status === undefined
    ? { label: vscode.l10n.t('Status'), value: labels.absent }
    : {
      label: vscode.l10n.t('Status'),
      value: status.name ? `${vscode.l10n.t(status.name)}: ${vscode.l10n.t(status.meaning)}` : vscode.l10n.t(status.meaning),
      raw: String(p.status),
      ...(status.known ? {} : { unknown: true }),
      ...withNote(attentionNote(s, vscode.l10n)),
    };
  return [
    {
      id: 'state', heading: vscode.l10n.t('Status and times'), fields: [
        statusField,
        { label: vscode.l10n.t('Times'), value: vscode.l10n.t('Not in this response: unico documents no timestamps for the API contract\'s Get Process.') },
        { label: vscode.l10n.t('Fetched'), value: new Date(fetched.fetchedAt).toISOString(), time: true },
      ],
    },
    {
      id: 'process', heading: vscode.l10n.t('Process'), fields: [
        { label: vscode.l10n.t('ID'), value: p.id },
        { label: vscode.l10n.t('Contract'), value: vscode.l10n.t('API (GET /processes/v1, access token plus APIKEY)') },
      ],
    },
  ];
}

/** `{ note }` when there is one, for spreading into a FieldView (here and in the Web & SDK groups). */
export function withNote(note: string | undefined): Partial<FieldView> {
  return note ? { note } : {};
}

export function noMediaText(): string {
  return vscode.l10n.t('The API contract has no selfie or evidence set to fetch: unico documents neither for GET /processes/v1.');
}

/**
 * The banner's detail for a finished API-contract process: how its verdict was read. The API
 * contract has no overall result field (https://developer.unico.io/developers/api-reference/api/get-processes-by-id/index.html),
 * so OK and Invalid identity come from the capability answers; other statuses keep their meaning.
 */
export function apiBannerDetail(s: ProcessSummary): string | undefined {
  if (s.contract !== 'api') return undefined;
  if (s.verdict === 'invalidIdentity') return vscode.l10n.t('Finished (status 3) with at least one definitive negative answer below. The API contract has no overall result: this verdict is read from the capability answers.');
  if (s.verdict === 'ok') return vscode.l10n.t('Finished (status 3) and every capability answered positively. The API contract has no overall result: this verdict is read from the capability answers.');
  return undefined;
}
