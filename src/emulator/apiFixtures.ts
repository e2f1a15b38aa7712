/**
 * The API contract's catalogue (`GET /processes/v1/{id}`): one process per status, a failed
 * liveness, each unicoId answer, and one with values unico does not document. Shapes follow
 * https://developer.unico.io/developers/api-reference/api/get-processes-by-id/index.html; the
 * reference example is that page's example, verbatim. No personal data: the API contract's Get
 * Process returns none.
 */
import type { JsonObject } from './jwt';

export interface ApiFixture {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly body: JsonObject;
}

/** unico's own example ID on the API Get Process page. */
export const API_REFERENCE_EXAMPLE_ID = '80371b2a-3ac7-432e-866d-57fe37896ac6';

function fixture(id: string, title: string, description: string, body: JsonObject): ApiFixture {
  return { id, title, description, body: { id, ...body } };
}

export const API_FIXTURES: readonly ApiFixture[] = [
  fixture(API_REFERENCE_EXAMPLE_ID, 'Reference example (API contract)', "unico's API Get Process example, verbatim: status 3, unicoId yes, fraudsters inconclusive, Serpro 87, liveness 1.", {
    status: 3, unicoId: { result: 'yes' }, identityFraudsters: { result: 'inconclusive' }, government: { serpro: 87 }, liveness: 1,
  }),
  fixture('2a68e9a7-2f06-4e9b-ae54-4a61c354b5ed', 'Processing (API contract)', 'Status 1: identity inconclusive, the risk score still running.', {
    status: 1, unicoId: { result: 'inconclusive' }, liveness: 1,
  }),
  fixture('00f98bdd-6d51-438f-bb5a-35dedd7dc709', 'Divergence (API contract)', 'Status 2: the risk score found a divergence and will still complete the verification.', {
    status: 2, unicoId: { result: 'inconclusive' }, liveness: 1,
  }),
  fixture('dc72b061-eac9-49b6-8f2d-4f485ccb788e', 'Identity not confirmed (API contract)', 'Status 3 with unicoId no.', {
    status: 3, unicoId: { result: 'no' }, liveness: 1, government: { serpro: 12 },
  }),
  fixture('ae671084-a844-4a53-8258-09e852e48312', 'Inconclusive with a risk score (API contract)', 'Status 3, unicoId inconclusive, risk score 62.', {
    status: 3, unicoId: { result: 'inconclusive' }, score: 62, liveness: 1, government: { serpro: -1 },
  }),
  fixture('b45364a2-d956-4171-bd28-0efd583b9dfd', 'Liveness failed (API contract)', 'Status 3 with liveness 2.', {
    status: 3, liveness: 2,
  }),
  fixture('a831ae93-6496-4469-98fb-7e0e53b97e44', 'Canceled (API contract)', 'Status 4 (for example, a timeout).', {
    status: 4,
  }),
  fixture('d687ba9d-0acf-4f2d-8262-1cb6fac980f0', 'Error (API contract)', 'Status 5: an error while processing.', {
    status: 5, liveness: 1,
  }),
  fixture('46962d7e-9f87-47be-a7f9-3cd600b75839', 'Unknown values (API contract)', 'A status, liveness and unicoId answer unico does not document, and an undocumented field: kept, flagged, never a crash.', {
    status: 7, liveness: 9, unicoId: { result: 'maybe' }, faceMatch: 3,
  }),
];
