/**
 * The example response of unico's Get Process reference (developer.unico.io), verbatim: its
 * developer.unico.io-style values (`capacities: ["liveness", "face_match"]`, `purpose:
 * "VERIFICATION"`, `notificationChannel: "email"`) are kept on purpose. Only the document's
 * `signed_url` differs at run time: like every fixture's, the emulator replaces it at each GET.
 */
import type { JsonObject } from './jwt';

export const REFERENCE_EXAMPLE_ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';

export const REFERENCE_EXAMPLE: JsonObject = {
  id: '53060f52-f146-4c12-a234-5bb5031f6f5b',
  flow: 'idunicosign',
  callbackUri: 'https://example.com/callback',
  userRedirectUrl: 'https://example.com/redirect',
  state: 'PROCESS_STATE_FINISHED',
  result: 'PROCESS_RESULT_OK',
  createdAt: '2024-01-01T10:00:00Z',
  finishedAt: '2024-01-01T10:15:00Z',
  expiresAt: '2024-01-08T10:00:00Z',
  purpose: 'VERIFICATION',
  clientReference: 'client-ref-abc',
  useCase: 'smart_revalidation',
  capacities: ['liveness', 'face_match'],
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
  person: {
    duiType: 'DUI_TYPE_BR_CPF',
    duiValue: '12345678909',
    friendlyName: 'Luke Skywalker',
    notifications: [
      {
        notificationChannel: 'email',
      },
    ],
  },
  authenticationInfo: {
    authenticationId: 'auth-123',
    livenessResult: 'LIVENESS_RESULT_LIVE',
    authenticationResult: 'AUTHENTICATION_RESULT_INCONCLUSIVE',
    identityFraudstersResult: 'TRUST_RESULT_INCONCLUSIVE',
    bioTokenEngineResult: 'BIO_TOKEN_ENGINE_RESULT_UNSPECIFIED',
    smartRevalidationResult: 'SMART_REVALIDATION_RESULT_UNSPECIFIED',
    idAgeResult: 'ID_AGE_RESULT_UNSPECIFIED',
    scoreEngineResult: {
      scoreEnabled: 'SCORE_ENABLED_TRUE',
      score: 85.5,
    },
    serproResult: {
      score: 92,
    },
  },
  companyData: {
    branchId: 'branch-123',
    countryCode: 'BR',
  },
  bioTokenData: {
    referenceProcessId: 'ref-proc-123',
    authenticationId: 'auth-ref-123',
  },
  services: [
    {
      envelopeId: '4d4f3d90-04a3-4259-b63b-930ab10d2e47',
      documentIds: ['doc-abc-123'],
      consent_granted: true,
      documents: [
        {
          doc_id: 'doc-abc-123',
          typified: true,
          cpf_match: true,
          face_match: true,
          validate_doc: true,
          reused_doc: false,
          signed_url: 'https://example.com/doc?token=xyz',
          doc: {
            version: 1,
            code: 'CNH',
            data: {
              numero: '044589731564',
              cpfNumero: '12345678909',
              nomeCivil: 'Luke Skywalker',
              dataNascimento: '1990-05-12T00:00:00Z',
              dataExpiracao: '2027-12-07T00:00:00Z',
              categoria: 'B',
            },
          },
        },
      ],
    },
  ],
};
