/**
 * Why an entry of `idcloud.customProfiles` was skipped (definitions.ts), in the user's language,
 * for the warning; the log keeps the English of problemInEnglish. The setting's keys ("id",
 * "apiBaseUrl", …) stay as written in settings.json.
 */
import * as vscode from 'vscode';
import { MAX_ID, MAX_LABEL, type EndpointProblem, type ProfileProblem } from './definitions';

function endpointText(field: string, problem: EndpointProblem): string {
  switch (problem) {
    case 'missing': return vscode.l10n.t('"{0}" is missing', field);
    case 'notUrl': return vscode.l10n.t('"{0}" is not a URL', field);
    case 'notHttps': return vscode.l10n.t('"{0}" must use https (http is accepted only for 127.0.0.1, localhost and [::1])', field);
    case 'userInfo': return vscode.l10n.t('"{0}" must not contain a user name or password', field);
    case 'queryOrFragment': return vscode.l10n.t('"{0}" must not contain a query or fragment', field);
  }
}

function reasonText(p: ProfileProblem): string {
  switch (p.reason) {
    case 'notArray': return vscode.l10n.t('the setting must be an array of profiles');
    case 'notObject': return vscode.l10n.t('it is not an object');
    case 'badId': return vscode.l10n.t('"id" must be lower-case letters, digits and dashes (at most {0})', MAX_ID);
    case 'duplicateId': return vscode.l10n.t('"id" "{0}" is already used by another profile', p.id);
    case 'badLabel': return vscode.l10n.t('"label" must be 1 to {0} characters', MAX_LABEL);
    case 'badProduction': return vscode.l10n.t('"production" must be true or false');
    case 'badEndpoint': return endpointText(p.field, p.problem);
  }
}

/** One skipped entry, with its position in the setting's array (from 1) when it has one. */
export function profileProblemText(p: ProfileProblem): string {
  return p.index < 0 ? reasonText(p) : vscode.l10n.t('entry {0}: {1}', p.index + 1, reasonText(p));
}
