// What each typed error says to the user, one row per kind and reason: the message is a sentence in
// the user's words with what to do, and never an internal code (a camelCase reason or kind such as
// "(tooLarge)" or "(notJson)"). Built from the error classes directly, so every reason is covered
// even where the emulator has no fault for it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  CancelledError, ForbiddenError, InvalidKeyError, InvalidProcessIdError, NetworkError, NotFoundError, RateLimitedError, ServerError, TimeoutError,
  TokenError, UnauthorizedError, UnexpectedResponseError,
} from '../../src/core/errors';
import type { PrivateKeyProblem } from '../../src/core/jwt';
import { keyProblemText, presentError } from '../../src/editor/errorMessages';
import type { ProfileProblem } from '../../src/editor/profiles/definitions';
import { profileProblemText } from '../../src/editor/profiles/problemText';
import { unreadableFile } from '../../src/editor/ids/findInFile';
import type { Profile } from '../../src/editor/services';

const SANDBOX: Profile = { id: 'sandbox', label: 'Sandbox', kind: 'sandbox', apiBaseUrl: 'https://api.sandbox.test', identityUrl: 'https://id.sandbox.test', production: false };
const ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';

/** Each error, and what its message must say (the sentence, not the code). */
const CASES: readonly (readonly [string, Error, RegExp])[] = [
  ['unexpected: notJson', new UnexpectedResponseError('notJson', 200, '<html>', 'Unexpected token <'), /^Sandbox answered with something that is not JSON, so it cannot be read\. .*open the raw response/],
  ['unexpected: schema', new UnexpectedResponseError('schema', 200, '{}', 'process: required'), /^Sandbox answered in a shape this extension does not expect, so it cannot be read\. Open the raw response/],
  ['unexpected: tooLarge', new UnexpectedResponseError('tooLarge', 200, 'x', 'over 10 MB'), /^Sandbox sent a response too large to read safely\. .*open the raw response to see how it begins\.$/],
  ['unexpected: status', new UnexpectedResponseError('status', 302, '', 'HTTP 302'), /^Sandbox answered with an unexpected HTTP status \(302\)\. Open the raw response/],
  ['unauthorized: missing', new UnauthorizedError('missing', ''), /^No credentials for Sandbox\. Set a service account or paste an access token\.$/],
  ['unauthorized: expired', new UnauthorizedError('expired', 'Jwt is expired'), /^The access token for Sandbox has expired\./],
  ['unauthorized: verificationFailed', new UnauthorizedError('verificationFailed', 'Jwt verification fails'), /^Sandbox could not verify the access token, which was issued for another environment .* IDCloud said: “Jwt verification fails”\.$/],
  ['unauthorized: malformed', new UnauthorizedError('malformed', ''), /^Sandbox could not read the access token\. Set the credentials again and paste the whole token, without "Bearer"\.$/],
  ['unauthorized: other', new UnauthorizedError('other', ''), /^Sandbox refused the credentials\. Check that they belong to this environment: sandbox and production credentials differ\.$/],
  ['network: dns', new NetworkError('dns', 'api.sandbox.test', 'ENOTFOUND'), /^Cannot find the host api\.sandbox\.test \(Sandbox\)\. Check the URL/],
  ['network: refused', new NetworkError('refused', 'api.sandbox.test', 'ECONNREFUSED'), /^api\.sandbox\.test refused the connection \(Sandbox\)\. Check the URL or the proxy/],
  ['network: reset', new NetworkError('reset', 'api.sandbox.test', 'ECONNRESET'), /^The connection to api\.sandbox\.test was cut before the answer arrived \(Sandbox\)\. Try again;/],
  ['network: other', new NetworkError('other', 'api.sandbox.test', undefined), /^The connection to api\.sandbox\.test failed \(Sandbox\)\. Check your network or the proxy \(http\.proxy\); the log has the details\.$/],
  ['network: tls', new NetworkError('tls', 'api.sandbox.test', 'CERT_HAS_EXPIRED'), /^The certificate of api\.sandbox\.test has expired or is not valid yet/],
  ['timeout', new TimeoutError(30_000, 'api.sandbox.test'), /^No answer from api\.sandbox\.test within 30 s \(Sandbox\)\./],
  ['server', new ServerError(503, 99999, 'Internal failure'), /^IDCloud \(Sandbox\) had an internal failure \(HTTP 503\)\. Try again later\.$/],
  ['rateLimited', new RateLimitedError(2_000), /^Rate limited by IDCloud \(Sandbox\); try again in 2 s\.$/],
  ['notFound', new NotFoundError(ID, 'not found'), /^Not found in Sandbox\.$/],
  ['forbidden', new ForbiddenError('denied'), /^The credentials for Sandbox work but lack the permission/],
  ['invalidId', new InvalidProcessIdError('nope'), /^That is not a process ID\. A process ID is a UUID like /],
  ['token: unknown code, refused', new TokenError('9.9.9', 'The identity service refused the credentials (HTTP 400): nope', 400, { said: 'nope 9.9.9' }), /^Sandbox: no access token \(9\.9\.9\)\. The identity service refused the credentials \(HTTP 400\)\. IDCloud said: “nope 9\.9\.9”\.$/],
  ['token: no token in a 200', new TokenError(undefined, 'The identity service answered without a token: check the identity URL.', 200, { failure: 'noToken' }), /^Sandbox: no access token \(HTTP 200\)\. The identity service answered without an access token\. Check the identity URL\.$/],
  ['token: unico code', new TokenError('1.2.5', 'invalid signature', 400), /^Sandbox: no access token \(1\.2\.5\)\. The signature could not be validated/],
  ['cancelled', new CancelledError(), /^Cancelled\.$/],
  ['invalidKey: tooLarge', new InvalidKeyError({ fileName: 'backup.tar' }), /^backup\.tar is too large to be a private key\. Choose the service account's \.pem file\.$/],
  ['invalidKey: tooSmall', new InvalidKeyError({ reason: 'tooSmall', bits: 1024, minBits: 2048 }), /^Not usable: the RSA key has 1024 bits; RS256 needs at least 2048\.$/],
];

/** Every code of core/jwt.ts PrivateKeyProblem, and the words it must become. */
const KEY_PROBLEMS: readonly (readonly [PrivateKeyProblem, RegExp])[] = [
  [{ reason: 'notPem' }, /^this is not a PEM private key; choose the \.pem file unico sent you$/],
  [{ reason: 'encrypted' }, /^the key is protected by a passphrase; export it without one$/],
  [{ reason: 'publicKey' }, /^this is a public key or a certificate, not the private key$/],
  [{ reason: 'unsupportedBlock', label: 'EC PRIVATE KEY' }, /^a PEM block "EC PRIVATE KEY" is not an RSA private key$/],
  [{ reason: 'unreadable' }, /^the PEM block could not be read as a private key \(damaged or incomplete\)$/],
  [{ reason: 'notRsa', keyType: 'ec' }, /^the key is of type ec; RS256 needs an RSA key$/],
  [{ reason: 'tooSmall', bits: 1024, minBits: 2048 }, /^the RSA key has 1024 bits; RS256 needs at least 2048$/],
];

/** Every code of profiles/definitions.ts ProfileProblem, and the words the warning shows. */
const PROFILE_PROBLEMS: readonly (readonly [ProfileProblem, RegExp])[] = [
  [{ index: -1, reason: 'notArray' }, /^the setting must be an array of profiles$/],
  [{ index: 0, reason: 'notObject' }, /^entry 1: it is not an object$/],
  [{ index: 1, reason: 'badId' }, /^entry 2: "id" must be lower-case letters, digits and dashes \(at most 32\)$/],
  [{ index: 2, reason: 'duplicateId', id: 'sandbox' }, /^entry 3: "id" "sandbox" is already used by another profile$/],
  [{ index: 3, reason: 'badLabel' }, /^entry 4: "label" must be 1 to 40 characters$/],
  [{ index: 4, reason: 'badProduction' }, /^entry 5: "production" must be true or false$/],
  [{ index: 5, reason: 'badEndpoint', field: 'apiBaseUrl', problem: 'missing' }, /^entry 6: "apiBaseUrl" is missing$/],
  [{ index: 5, reason: 'badEndpoint', field: 'identityUrl', problem: 'notUrl' }, /^entry 6: "identityUrl" is not a URL$/],
  [{ index: 5, reason: 'badEndpoint', field: 'identityUrl', problem: 'notHttps' }, /^entry 6: "identityUrl" must use https \(http is accepted only for 127\.0\.0\.1, localhost and \[::1\]\)$/],
  [{ index: 5, reason: 'badEndpoint', field: 'apiBaseUrl', problem: 'userInfo' }, /^entry 6: "apiBaseUrl" must not contain a user name or password$/],
  [{ index: 5, reason: 'badEndpoint', field: 'apiBaseUrl', problem: 'queryOrFragment' }, /^entry 6: "apiBaseUrl" must not contain a query or fragment$/],
];

/** A camelCase word alone in parentheses: an internal enum name that leaked into a message. */
const BARE_CODE = /\(\s*[a-z]+[A-Z][A-Za-z]*\s*\)/;

describe('error wording: every typed error speaks the user\'s language', () => {
  for (const [name, error, expected] of CASES) {
    it(name, () => {
      const { message } = presentError(error, { profile: SANDBOX, processId: ID });
      assert.match(message, expected);
      assert.doesNotMatch(message, BARE_CODE);
      assert.doesNotMatch(message, /‹[a-z]+›/, 'none of its own words were taken for a secret by the screen\'s redaction');
    });
  }

  // Reasons the core and the profile definitions return as codes: worded here, never shown raw.
  for (const [problem, expected] of KEY_PROBLEMS) {
    it(`private key: ${problem.reason}`, () => {
      const text = keyProblemText(problem);
      assert.match(text, expected);
      assert.doesNotMatch(text, BARE_CODE);
      assert.doesNotMatch(presentError(new InvalidKeyError(problem), { profile: SANDBOX }).message, /‹[a-z]+›/);
      assert.doesNotMatch(presentError(new InvalidKeyError(problem), { profile: SANDBOX }).message, new RegExp(`\\b${problem.reason}\\b`));
    });
  }
  for (const [problem, expected] of PROFILE_PROBLEMS) {
    it(`custom profile: ${problem.reason}${'problem' in problem ? ` ${problem.problem}` : ''}`, () => {
      assert.match(profileProblemText(problem), expected);
    });
  }

  // Find Process IDs in File: the system's message (ENOENT: no such file…) goes to the log, not the screen.
  const files: readonly (readonly [string, unknown, RegExp])[] = [
    ['FileNotFound', vscode.FileSystemError.FileNotFound(), /no longer exists\. Choose another file\.$/],
    ['ENOENT', Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' }), /no longer exists\./],
    ['NoPermissions', vscode.FileSystemError.NoPermissions(), /^You do not have permission to read this file\./],
    ['EISDIR', Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' }), /^That is a folder\./],
    ['anything else', new Error('EIO: i/o error'), /^The file could not be read to search for process IDs\. The log .* has the details\.$/],
  ];
  for (const [name, error, expected] of files) {
    it(`file: ${name}`, () => {
      const message = unreadableFile(error);
      assert.match(message, expected);
      assert.doesNotMatch(message, /E[A-Z]{3,}|: no such file|i\/o error/);
    });
  }

  it('the bare-code check catches what it is for', () => {
    assert.match('Sandbox sent a response this extension cannot read (tooLarge).', BARE_CODE);
    assert.match('cannot read (notJson)', BARE_CODE);
    assert.doesNotMatch('IDCloud (Sandbox) had an internal failure (HTTP 503).', BARE_CODE);
  });
});
