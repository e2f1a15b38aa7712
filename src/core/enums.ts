/**
 * The documented values of every enum in the Get Process response. Enums are open sets:
 * a value not listed here is kept verbatim and flagged as unknown, never rejected.
 * Pure data, shared by the schema (network bundle) and the model (activation bundle).
 */

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

export const DUI_TYPES = ['DUI_TYPE_BR_CPF', 'DUI_TYPE_MX_CURP', 'DUI_TYPE_US_SSN'] as const;

export function isKnown<T extends string>(known: readonly T[], value: string): value is T {
  return (known as readonly string[]).includes(value);
}
