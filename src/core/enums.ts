/**
 * The documented values of every enum in the Get Process response. Enums are open sets:
 * a value not listed here is kept verbatim and flagged as unknown, never rejected.
 * Pure data, shared by the schema (network bundle) and the model (activation bundle).
 */

import { l10n } from './l10n';

/** `(string & {})` keeps editor completion for the known values while accepting any string. */
export type Open<T extends string> = T | (string & {});

export const PROCESS_STATES = [
  'PROCESS_STATE_CREATED',
  'AWAITING_FOR_DOCUMENT',
  'PROCESS_STATE_FINISHED',
  'PROCESS_STATE_FAILED',
  // older OpenAPI: still accepted as known
  'PROCESS_STATE_UNSPECIFIED',
  'PROCESS_STATE_CANCELED',
] as const;
export type ProcessState = Open<(typeof PROCESS_STATES)[number]>;

export const PROCESS_RESULTS = [
  'PROCESS_RESULT_OK',
  'PROCESS_RESULT_INVALID_IDENTITY',
  'PROCESS_RESULT_ERROR',
  'PROCESS_RESULT_EXPIRED',
  'PROCESS_RESULT_UNSPECIFIED',
  // older OpenAPI
  'PROCESS_RESULT_WARNING',
  'PROCESS_RESULT_REFUSED',
] as const;
export type ProcessResult = Open<(typeof PROCESS_RESULTS)[number]>;

export const LIVENESS_RESULTS = ['LIVENESS_RESULT_LIVE', 'LIVENESS_RESULT_NOT_LIVE', 'LIVENESS_RESULT_UNSPECIFIED'] as const;
export const AUTHENTICATION_RESULTS = [
  'AUTHENTICATION_RESULT_POSITIVE',
  'AUTHENTICATION_RESULT_NEGATIVE',
  'AUTHENTICATION_RESULT_INCONCLUSIVE',
  'AUTHENTICATION_RESULT_UNSPECIFIED',
] as const;
export const TRUST_RESULTS = ['TRUST_RESULT_YES', 'TRUST_RESULT_INCONCLUSIVE', 'TRUST_RESULT_UNSPECIFIED'] as const;
export const BIO_TOKEN_ENGINE_RESULTS = [
  'BIO_TOKEN_ENGINE_RESULT_POSITIVE',
  'BIO_TOKEN_ENGINE_RESULT_NEGATIVE',
  'BIO_TOKEN_ENGINE_RESULT_UNSPECIFIED',
] as const;
export const SMART_REVALIDATION_RESULTS = [
  'SMART_REVALIDATION_RESULT_POSITIVE',
  'SMART_REVALIDATION_RESULT_NEGATIVE',
  'SMART_REVALIDATION_RESULT_UNSPECIFIED',
] as const;
export const ID_AGE_RESULTS = [
  'ID_AGE_RESULT_POSITIVE',
  'ID_AGE_RESULT_NEGATIVE',
  'ID_AGE_RESULT_INCONCLUSIVE',
  'ID_AGE_RESULT_UNSPECIFIED',
] as const;
export const SCORE_ENABLED = ['SCORE_ENABLED_TRUE', 'SCORE_ENABLED_FALSE', 'SCORE_ENABLED_UNSPECIFIED'] as const;

/** person.duiType: the 17 values of Create Process (SOURCES.createProcess). */
export const DUI_TYPES = [
  'DUI_TYPE_BR_CPF', 'DUI_TYPE_MX_CURP', 'DUI_TYPE_US_SSN', 'DUI_TYPE_BR_PASSPORT', 'DUI_TYPE_AR_PASSPORT', 'DUI_TYPE_AR_DNI',
  'DUI_TYPE_NG_NIN', 'DUI_TYPE_CL_RUN', 'DUI_TYPE_EC_NI', 'DUI_TYPE_US_PASSPORT', 'DUI_TYPE_GT_CUI', 'DUI_TYPE_UY_CI',
  'DUI_TYPE_ZZ_EMAIL', 'DUI_TYPE_ID_NIK', 'DUI_TYPE_ZZ_PHONE_NUMBER', 'DUI_TYPE_US_DRIVER_LICENSE', 'DUI_TYPE_NG_BVN',
] as const;

/** What each document type is (English literals, localised by the editor). */
export const DUI_TYPE_LABELS: Readonly<Record<(typeof DUI_TYPES)[number], string>> = {
  DUI_TYPE_BR_CPF: l10n.t('CPF (Brazil)'),
  DUI_TYPE_MX_CURP: l10n.t('CURP (Mexico)'),
  DUI_TYPE_US_SSN: l10n.t('Social Security number (United States)'),
  DUI_TYPE_BR_PASSPORT: l10n.t('Passport (Brazil)'),
  DUI_TYPE_AR_PASSPORT: l10n.t('Passport (Argentina)'),
  DUI_TYPE_AR_DNI: l10n.t('DNI (Argentina)'),
  DUI_TYPE_NG_NIN: l10n.t('National Identification Number (Nigeria)'),
  DUI_TYPE_CL_RUN: l10n.t('RUN (Chile)'),
  DUI_TYPE_EC_NI: l10n.t('National ID (Ecuador)'),
  DUI_TYPE_US_PASSPORT: l10n.t('Passport (United States)'),
  DUI_TYPE_GT_CUI: l10n.t('CUI (Guatemala)'),
  DUI_TYPE_UY_CI: l10n.t('Identity card (Uruguay)'),
  DUI_TYPE_ZZ_EMAIL: l10n.t('E-mail address'),
  DUI_TYPE_ID_NIK: l10n.t('NIK (Indonesia)'),
  DUI_TYPE_ZZ_PHONE_NUMBER: l10n.t('Phone number'),
  DUI_TYPE_US_DRIVER_LICENSE: l10n.t('Driver\'s license (United States)'),
  DUI_TYPE_NG_BVN: l10n.t('Bank Verification Number (Nigeria)'),
};

/** The label of a documented document type; undefined for an unknown one (kept verbatim, flagged). */
export function duiTypeLabel(value: string | undefined): string | undefined {
  return value !== undefined && isKnown(DUI_TYPES, value) ? DUI_TYPE_LABELS[value] : undefined;
}

export function isKnown<T extends string>(known: readonly T[], value: string): value is T {
  return (known as readonly string[]).includes(value);
}
