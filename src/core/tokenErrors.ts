/**
 * What unico's identity service means by its 1.x.x codes (unico-api.md §2.4), in plain language,
 * and the TokenError built from a refused token request.
 */
import { TokenError } from './errors';
import { parseTokenErrorBody } from './schema';

export const TOKEN_ERROR_MEANINGS: Readonly<Record<string, string>> = Object.freeze({
  '1.0.1': 'The tenant ID in the credentials is wrong: check the tenant ID unico sent you.',
  '1.0.14': 'The application is not active at unico: ask unico support to activate it.',
  '1.1.1': 'The signed assertion has no scope claim (a fault in this extension: please report it).',
  '1.2.4': 'The signed assertion has expired: check that this computer\'s clock is correct.',
  '1.2.5': 'The signature could not be validated: the private key does not belong to this account, or the tenant ID or account name is wrong.',
  '1.2.6': 'This private key is no longer accepted: ask unico for new credentials.',
  '1.2.7': 'The signed assertion was already used; every token request needs a new one.',
  '1.2.11': 'The service account is inactive: ask unico support to reactivate it.',
  '1.2.14': 'The service account lacks the permission for this: ask unico support to grant it.',
  '1.2.18': 'The service account is temporarily locked after too many invalid attempts: wait and try again later.',
  '1.2.19': 'The signed assertion asks to act as another account (a sub claim), which is not allowed.',
  '1.2.20': 'The signed assertion could not be decoded (wrong fields or types): check the tenant ID and account name.',
  '1.2.21': 'The signed assertion could not be decoded: the private key may be the wrong one.',
  '1.2.22': 'The signed assertion carries claims unico does not allow (only iss, aud, scope, iat and exp are).',
});

const MAX_DETAIL = 200;

/** A TokenError for a non-200 answer of `POST /oauth2/token`; `body` is the parsed JSON or the raw text. */
export function tokenErrorFrom(status: number, body: unknown): TokenError {
  const { error, description, unicoCode } = parseTokenErrorBody(body);
  const known = unicoCode === undefined ? undefined : TOKEN_ERROR_MEANINGS[unicoCode];
  if (known !== undefined) return new TokenError(unicoCode, known, status);
  const said = (description ?? error ?? (typeof body === 'string' ? body : '')).trim().slice(0, MAX_DETAIL);
  const meaning =
    status >= 500
      ? `The identity service failed (HTTP ${status}); try again later.`
      : `The identity service refused the credentials (HTTP ${status})${said ? `: ${said}` : '.'}`;
  return new TokenError(unicoCode, meaning, status, { said });
}
