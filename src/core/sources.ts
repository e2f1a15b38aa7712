/**
 * Where every explanation the product shows comes from. A meaning, a verdict note or an error's
 * cause names one of these; a unit test checks that every meaning has one. Where unico documents
 * nothing, the meaning says so ("Not documented by unico") and names the page that lists the
 * value without explaining it.
 */
export const SOURCES = {
  /** The Get Process reference (../shared/reference/get-process-api.txt): states, results, authenticationInfo values. */
  getProcess: 'https://developer.unico.io/developers/api-reference/web-sdk/get-process',
  /** Capability answers (liveness YES/NO, identity YES/NO/INCONCLUSIVE, behaviour alert YES/INCONCLUSIVE). */
  capabilities: 'https://devcenter.unico.io/idcloud/en/getting-started/capabilities',
  /** Identity Verification: YES / NO / INCONCLUSIVE and what each means. */
  identityVerification: 'https://developer.unico.io/capabilities/identity-verification/index.html',
  /** Risk Score: -100..+100, the five bands and unico's recommendation for each. */
  riskScore: 'https://developer.unico.io/capabilities/risk-score/index.html',
  /** The capability catalogue (1:1 Validation: "confirms the current face is the same one used in a reference process"). */
  catalog: 'https://developer.unico.io/capabilities/index.html',
  /** Smart Revalidation: "verify whether the user matches the reference process". */
  smartRevalidation: 'https://developer.unico.io/use-cases/continuous-authentication/smart-revalidation/index',
  /** Age Verification: "the result determines whether the user meets the minimum required age". */
  ageVerification: 'https://developer.unico.io/use-cases/regional-solutions/age-verification/index',
  /** Response scenarios: a risk score that could not be generated. */
  responseScenarios: 'https://devcenter.unico.io/unico-idcloud/by-client-integration/by-client-api/response-scenarios',
  /** The older OpenAPI: PROCESS_STATE_UNSPECIFIED/CANCELED, PROCESS_RESULT_WARNING/REFUSED. */
  olderApi: 'https://developers.unico.io/orquestrador/additional-resources/api_guide/api-reference',
  /** Create Process: the person.duiType values. */
  createProcess: 'https://developer.unico.io/developers/api-reference/web-sdk/post-process',
  /** Get Selfie: available 8 hours after the process; no selfie for Smart Revalidation (idsmart). */
  selfie: 'https://developer.unico.io/developers/api-reference/web-sdk/get-selfie',
  /** The selfie's 8-hour window. */
  selfieWindow: 'https://devcenter.unico.io/idcloud/en/~gitbook/pdf?only=yes&page=8xW1pNpxiZrNoG61ICm3',
  /** Get Evidence Set: only for finished processes, available 2 hours after the process. */
  evidenceSet: 'https://developer.unico.io/developers/api-reference/web-sdk/get-evidence-set',
  /** The evidence set's 2-hour window. */
  evidenceSetWindow: 'https://devcenter.unico.io/idcloud/en/~gitbook/pdf?only=yes&page=o0vrfdStokHZlFf6wsGe',
  /** API contract Get Process: the fields, status 1–5, liveness 1/2, unicoId yes/no/inconclusive; 400/403/404. */
  apiGetProcess: 'https://developer.unico.io/developers/api-reference/api/get-processes-by-id/index.html',
  /** API contract ("by Client") GetProcess: final statuses are 3, 4 and 5; decide only on status 3. */
  apiGetProcessByClient: 'https://devcenter.unico.io/idcloud/en/integrations/integracao-by-client/apis/getprocess',
  /** "by Client" Onboarding reference: 2 Divergence (the risk score still completes the verification), 4 Canceled (e.g. timeout). */
  apiStatuses: 'https://devcenter.unico.io/unico-idcloud/by-client-integration/by-client-api/api-reference/onboarding',
  /** API contract error codes: 20001/20002 (token/APIKEY not sent), 403: 30017, 10201, 10501, 10502. */
  apiErrors: 'https://developers.unico.io/en/docs/IDLive/Integracao/GuiaAPI/responseError',
  /** API contract ("by Client") error envelope `{ "error": { "code": "…", "description": "…" } }`. */
  apiErrorEnvelope: 'https://devcenter.unico.io/idcloud/en/integrations/integration-by-client/api/errors',
  /** An older API-contract answer in PascalCase (`Id`, `Status`, `Liveness`, `Score`). */
  apiPascalCase: 'https://developers.unico.io/en/docs/IDunico/Integracao/IDUnico_ID99',
} as const;

export type Source = (typeof SOURCES)[keyof typeof SOURCES];

/** Webhooks: the payload, its result vocabulary, lastEvent, delivery at least once. */
export const WEBHOOK_SOURCES = {
  events: 'https://developer.unico.io/developers/webhooks-and-events/event-types/index.html',
  setup: 'https://developer.unico.io/developers/webhooks-and-events/setup',
  security: 'https://developer.unico.io/developers/webhooks-and-events/security/index.html',
} as const;
