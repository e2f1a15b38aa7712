/**
 * The API contract's 403s by unico's 5-digit code, mapped to the typed errors every surface knows.
 * unico answers every auth failure of `GET /processes/v1/{id}` with 403 ("Bearer token or APIKEY
 * missing, expired, or invalid": https://developer.unico.io/developers/api-reference/api/get-processes-by-id/index.html),
 * in the envelope `{ "error": { "code": "…", "description": "…" } }`; the codes are those of
 * https://developers.unico.io/en/docs/IDLive/Integracao/GuiaAPI/responseError:
 * 10201 "O AppKey informado é inválido", 10501 token invalid, 10502 token expired, 20001 authtoken
 * not sent, 20002 APIKey not sent, 30017 no permission for this action. Pure.
 */
import { ForbiddenError, UnauthorizedError, type IdCloudError } from '../errors';

export interface ApiContractVerdict {
  readonly error: IdCloudError;
  /** A token unico calls invalid or expired is renewed once, like a Web & SDK 401. */
  readonly retry?: 'unauthorized';
}

export function apiContractForbidden(code: number | string | undefined, detail: string): ApiContractVerdict {
  switch (code === undefined ? '' : String(code).trim()) {
    case '10501': return { error: new UnauthorizedError('verificationFailed', detail, 403), retry: 'unauthorized' };
    case '10502': return { error: new UnauthorizedError('expired', detail, 403), retry: 'unauthorized' };
    case '20001': return { error: new UnauthorizedError('missing', detail, 403) };
    case '20002': return { error: new UnauthorizedError('apiKeyMissing', detail, 403) };
    case '10201': return { error: new UnauthorizedError('apiKeyInvalid', detail, 403) };
    default: return { error: new ForbiddenError(detail) }; // 30017, or a 403 without a documented code
  }
}
