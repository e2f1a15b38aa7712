/**
 * unico's API contract (formerly "by Client"): `GET /processes/v1/{id}` and `/processes/v2/{id}`
 * with a Bearer token this emulator issued plus its `APIKEY` header
 * (https://developer.unico.io/developers/api-reference/api/get-processes-by-id/index.html).
 *
 * Errors use the contract's envelope `{ "error": { "code": "…", "description": "…" } }`
 * (https://devcenter.unico.io/idcloud/en/integrations/integration-by-client/api/errors) and its
 * 5-digit codes (https://developers.unico.io/en/docs/IDLive/Integracao/GuiaAPI/responseError):
 * 10201 bad APIKEY, 10501 invalid token, 10502 expired token, all 403. A missing token or APIKEY is
 * 403 too, as the Get Process page says ("Bearer token or APIKEY missing, expired, or invalid"),
 * with the codes the errors page gives them (20001 authtoken, 20002 APIKey not sent; listed there
 * under Create Process's 400). 404 for an unknown ID and 400 for a malformed one: unico documents
 * the statuses but no code or text for them, so those bodies carry no code.
 * `/v2` adds "additional user information" on unico's side; our copy of its example is cut off, so
 * the emulator answers v2 like v1.
 */
import type { ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { checkAccessToken, ENVOY, type AccessTokenIssuer } from './envoy';
import { API_FIXTURES, type ApiFixture } from './apiFixtures';
import { sendJson } from './http';

export const API_ROUTE = /^\/processes\/v[12]\/([^/]*)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API contract's documented codes and their Portuguese descriptions, as unico's errors page gives them. */
export const API_ERRORS = {
  tokenMissing: { status: 403, code: '20001', description: 'O parâmetro authtoken não foi informado' },
  apiKeyMissing: { status: 403, code: '20002', description: 'O parâmetro APIKey não foi informado' },
  apiKeyInvalid: { status: 403, code: '10201', description: 'O AppKey informado é inválido' },
  tokenInvalid: { status: 403, code: '10501', description: 'O token informado é inválido' },
  tokenExpired: { status: 403, code: '10502', description: 'O token informado está expirado' },
} as const;

function sendError(res: ServerResponse, status: number, code: string | undefined, description: string): void {
  sendJson(res, status, { error: code === undefined ? { description } : { code, description } });
}

function sameKey(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ApiContractDeps {
  readonly apiKey: string;
  readonly accessTokens: AccessTokenIssuer;
  readonly now: () => number;
}

export class ApiContractRoutes {
  private readonly fixtures: ReadonlyMap<string, ApiFixture> = new Map(API_FIXTURES.map((f) => [f.id, f]));

  constructor(private readonly deps: ApiContractDeps) {}

  /** Answers a request whose path matched API_ROUTE (the captured ID segment in `segment`). */
  handle(method: string, segment: string, headers: { authorization?: string; apikey?: string | string[] }, res: ServerResponse): void {
    const token = checkAccessToken(headers.authorization, this.deps.accessTokens, Math.floor(this.deps.now() / 1000));
    if (token !== undefined) {
      const e = token === ENVOY.missing ? API_ERRORS.tokenMissing : token === ENVOY.expired ? API_ERRORS.tokenExpired : API_ERRORS.tokenInvalid;
      sendError(res, e.status, e.code, e.description);
      return;
    }
    const apiKey = Array.isArray(headers.apikey) ? headers.apikey[0] : headers.apikey;
    if (apiKey === undefined || apiKey.trim() === '') { sendError(res, 403, API_ERRORS.apiKeyMissing.code, API_ERRORS.apiKeyMissing.description); return; }
    if (!sameKey(apiKey.trim(), this.deps.apiKey)) { sendError(res, 403, API_ERRORS.apiKeyInvalid.code, API_ERRORS.apiKeyInvalid.description); return; }
    if (method !== 'GET') { sendError(res, 405, undefined, 'Method Not Allowed'); return; }
    let id: string;
    try {
      id = decodeURIComponent(segment);
    } catch {
      id = '';
    }
    if (!UUID.test(id)) { sendError(res, 400, undefined, 'processId is missing or malformed'); return; }
    const fixture = this.fixtures.get(id.toLowerCase());
    if (!fixture) { sendError(res, 404, undefined, 'process not found'); return; }
    sendJson(res, 200, fixture.body);
  }
}
