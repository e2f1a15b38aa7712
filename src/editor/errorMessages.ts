/**
 * Typed errors → one localised message that says what to do, with the action that does it.
 * `presentError` is pure (tests assert on it); `showError` logs, shows the notification and runs
 * the chosen action. Cancellation is silence.
 */
import * as vscode from 'vscode';
import {
  isIdCloudError, tlsProblem,
  type CancelledError, type ForbiddenError, type InvalidKeyError, type InvalidProcessIdError, type NetworkError,
  type NotFoundError, type RateLimitedError, type ServerError, type TimeoutError, type TokenError,
  type UnauthorizedError, type UnexpectedResponseError, type UnknownProfileError,
} from '../core/errors';
import { EXAMPLE_PROCESS_ID } from '../core/processId';
import type { PrivateKeyProblem } from '../core/jwt';
import { Commands, InternalCommands } from './commandIds';
import { inert } from './ids/summaryText';
import { isFeatureLoadError } from './lazy';
import { redact } from './log';
import type { ErrorAction, PresentedError, Profile } from './services';

export interface ErrorContext {
  readonly profile: Profile;
  readonly processId?: string;
}

const MAX_DETAIL = 160;

export function isCancellation(err: unknown): boolean {
  if (isIdCloudError(err)) return err.kind === 'cancelled';
  return err instanceof vscode.CancellationError || (err instanceof Error && err.name === 'AbortError');
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL)}…` : oneLine;
}

function action(title: string, command: string, ...args: unknown[]): ErrorAction {
  return { title, command, arguments: args };
}

const setCredentials = (p: Profile): ErrorAction => action(vscode.l10n.t('Set Credentials'), Commands.setCredentials, p.id);
const testConnection = (p: Profile): ErrorAction => action(vscode.l10n.t('Test Connection'), Commands.testConnection, p.id);
const showLog = (): ErrorAction => action(vscode.l10n.t('Show Log'), Commands.showLog);
const openSettings = (query: string): ErrorAction => action(vscode.l10n.t('Open Settings'), 'workbench.action.openSettings', query);
/** Where a wrong URL would be fixed: the user's custom profiles, else the proxy settings. */
const endpointSettings = (p: Profile): ErrorAction => openSettings(p.kind === 'custom' ? 'idcloud.customProfiles' : 'http.proxy');

/** The plain meaning of unico's identity codes (unico-api.md §2.4), localised. */
function tokenMeaning(err: TokenError): string {
  switch (err.unicoCode) {
    case '1.0.1': return vscode.l10n.t('The tenant ID is wrong: check the tenant ID unico sent you.');
    case '1.0.14': return vscode.l10n.t('The application is not active at unico: ask unico support to activate it.');
    case '1.2.4': return vscode.l10n.t("The signed assertion has expired: check this computer's clock.");
    case '1.2.5': return vscode.l10n.t('The signature could not be validated: the private key does not belong to this account, or the tenant ID or account name is wrong.');
    case '1.2.6': return vscode.l10n.t('This private key is no longer accepted: ask unico for new credentials.');
    case '1.2.11': return vscode.l10n.t('The service account is inactive: ask unico support to reactivate it.');
    case '1.2.14': return vscode.l10n.t('The service account lacks the permission: ask unico support to grant it.');
    case '1.2.18': return vscode.l10n.t('The service account is temporarily locked after too many invalid attempts: wait and try again later.');
    case '1.2.21': return vscode.l10n.t('The signed assertion could not be decoded: the private key may be the wrong one.');
    case '1.1.1': return vscode.l10n.t('The signed assertion has no scope claim (a fault in this extension: please report it).');
    case '1.2.7': return vscode.l10n.t('The signed assertion was already used; every token request needs a new one.');
    case '1.2.19': return vscode.l10n.t('The signed assertion asks to act as another account (a sub claim), which is not allowed.');
    case '1.2.20': return vscode.l10n.t('The signed assertion could not be decoded (wrong fields or types): check the tenant ID and account name.');
    case '1.2.22': return vscode.l10n.t('The signed assertion carries claims unico does not allow (only iss, aud, scope, iat and exp are).');
    default:
      if (err.failure === 'noToken') return vscode.l10n.t('The identity service answered without an access token. Check the identity URL.');
      return err.status !== undefined && err.status >= 500
        ? vscode.l10n.t('The identity service failed; try again later.')
        : withServerText(vscode.l10n.t('The identity service refused the credentials (HTTP {0}).', String(err.status ?? '?')), err.said);
  }
}

/** Why the API refused the credentials, in words; the server's own text follows where it sent one. */
function unauthorized(err: UnauthorizedError, p: Profile): string {
  switch (err.reason) {
    case 'missing': return vscode.l10n.t('No credentials for {0}. Set a service account or paste an access token.', p.label);
    case 'expired': return vscode.l10n.t('The access token for {0} has expired. Set new credentials (a service account renews its token by itself).', p.label);
    case 'verificationFailed': return withServerText(vscode.l10n.t('{0} could not verify the access token, which was issued for another environment or signed with another key. Set credentials from this environment (sandbox and production credentials differ).', p.label), err.detail);
    case 'malformed': return withServerText(vscode.l10n.t('{0} could not read the access token. Set the credentials again and paste the whole token, without "Bearer".', p.label), err.detail);
    // unico's API-contract codes 20002 and 10201 (https://developers.unico.io/en/docs/IDLive/Integracao/GuiaAPI/responseError)
    case 'apiKeyMissing': return withServerText(vscode.l10n.t('{0} uses the API contract and needs an APIKEY, but none was sent. Set Credentials and enter the APIKEY unico provisioned for this environment.', p.label), err.detail);
    case 'apiKeyInvalid': return withServerText(vscode.l10n.t('{0} refused the APIKEY: it is not valid for this environment. Set Credentials with the APIKEY unico provisioned (sandbox and production keys differ).', p.label), err.detail);
    case 'other': return withServerText(vscode.l10n.t('{0} refused the credentials. Check that they belong to this environment: sandbox and production credentials differ.', p.label), err.detail);
  }
}

function withServerText(message: string, detail: string): string {
  return detail ? `${message} ${vscode.l10n.t('IDCloud said: “{0}”.', clip(detail))}` : message;
}

/** Why a response could not be used, in words; the raw response is one click away. */
function unreadable(err: UnexpectedResponseError, p: Profile): string {
  switch (err.reason) {
    case 'notJson': return vscode.l10n.t('{0} answered with something that is not JSON, so it cannot be read. A proxy or gateway may have answered instead of IDCloud: open the raw response to see what came back.', p.label);
    case 'schema': return vscode.l10n.t('{0} answered in a shape this extension does not expect, so it cannot be read. Open the raw response to see it; if it looks like a valid process, please report it.', p.label);
    case 'tooLarge': return vscode.l10n.t('{0} sent a response too large to read safely. A proxy or gateway may have answered instead of IDCloud: open the raw response to see how it begins.', p.label);
    case 'status': return vscode.l10n.t('{0} answered with an unexpected HTTP status ({1}). Open the raw response to see what came back.', p.label, String(err.status ?? '?'));
  }
}

/**
 * A TLS failure, by what its code says (core/errors.ts tlsProblem; Node's X509 error codes).
 * Verification is never turned off: the remedy for an untrusted CA is to trust it.
 */
function tls(err: NetworkError): string {
  const code = err.code ?? 'TLS';
  switch (tlsProblem(err.code)) {
    case 'untrusted': return vscode.l10n.t('{0} presented a certificate this computer does not trust ({1}). If your network inspects TLS (a corporate proxy), trust its root CA: name its PEM file in the NODE_EXTRA_CA_CERTS environment variable and restart VS Code, or add it to the operating system\'s certificate store (read while http.systemCertificates is on; the log says whether this VS Code can read it). Certificate checks are never turned off.', err.host, code);
    case 'expired': return vscode.l10n.t('The certificate of {0} has expired or is not valid yet ({1}). Check the date and time of this computer; if they are right, the server or a proxy in between presents an out-of-date certificate.', err.host, code);
    case 'hostname': return vscode.l10n.t('The certificate of {0} was issued for another host name ({1}). Check the URL, and any proxy in between that presents its own certificate.', err.host, code);
    case 'other': return vscode.l10n.t('No secure connection to {0} ({1}). Check the URL and the proxy (http.proxy); a proxy that inspects TLS needs its root CA trusted (operating system store or NODE_EXTRA_CA_CERTS).', err.host, code);
  }
}

function network(err: NetworkError, p: Profile): string {
  switch (err.failure) {
    case 'dns': return vscode.l10n.t('Cannot find the host {0} ({1}). Check the URL, your network, or the proxy (http.proxy).', err.host, p.label);
    case 'refused': return p.kind === 'emulator'
      ? vscode.l10n.t('The local emulator refused the connection. Switch to another profile and back to restart it.')
      : vscode.l10n.t('{0} refused the connection ({1}). Check the URL or the proxy (http.proxy).', err.host, p.label);
    case 'tls': return tls(err);
    case 'reset': return vscode.l10n.t('The connection to {0} was cut before the answer arrived ({1}). Try again; if it keeps happening, check your network or the proxy (http.proxy).', err.host, p.label);
    case 'other': return vscode.l10n.t('The connection to {0} failed ({1}). Check your network or the proxy (http.proxy); the log has the details.', err.host, p.label);
  }
}

/**
 * Why a private key cannot be used (core/jwt.ts validatePrivateKey), in words, to follow "Not
 * usable:" or "This key cannot be stored:". unico signs with RS256 and the .pem key it hands out
 * (unico-api.md §2.2, https://devcenter.unico.io/unico-idcloud/by-client-integration/authentication/obtaining-credentials);
 * unico documents no key size: 2048 bits is RS256's own minimum (RFC 7518 §3.3).
 */
export function keyProblemText(problem: PrivateKeyProblem): string {
  switch (problem.reason) {
    case 'notPem': return vscode.l10n.t('this is not a PEM private key; choose the .pem file unico sent you');
    case 'encrypted': return vscode.l10n.t('the key is protected by a passphrase; export it without one');
    case 'publicKey': return vscode.l10n.t('this is a public key or a certificate, not the private key');
    case 'unsupportedBlock': return vscode.l10n.t('a PEM block "{0}" is not an RSA private key', problem.label);
    case 'unreadable': return vscode.l10n.t('the PEM block could not be read as a private key (damaged or incomplete)');
    case 'notRsa': return vscode.l10n.t('the key is of type {0}; RS256 needs an RSA key', problem.keyType);
    case 'tooSmall': return vscode.l10n.t('the RSA key has {0} bits; RS256 needs at least {1}', problem.bits, problem.minBits);
  }
}

/** Every concrete error, so `switch (err.kind)` narrows to its fields. */
type KnownError =
  | InvalidProcessIdError | UnauthorizedError | ForbiddenError | NotFoundError | RateLimitedError | ServerError
  | NetworkError | TimeoutError | UnexpectedResponseError | TokenError | CancelledError | UnknownProfileError
  | InvalidKeyError;

function present(err: KnownError, ctx: ErrorContext): PresentedError {
  const p = ctx.profile;
  const ref = ctx.processId === undefined ? undefined : { id: ctx.processId, profileId: p.id };
  switch (err.kind) {
    case 'cancelled':
      return { message: vscode.l10n.t('Cancelled.'), actions: [] };
    case 'invalidId':
      return { message: vscode.l10n.t('That is not a process ID. A process ID is a UUID like {0}.', EXAMPLE_PROCESS_ID), actions: [] };
    case 'unauthorized':
      return { message: unauthorized(err, p), actions: [setCredentials(p), testConnection(p)] };
    case 'token':
      return {
        message: vscode.l10n.t('{0}: no access token ({1}). {2}', p.label, err.unicoCode ?? `HTTP ${String(err.status ?? '?')}`, tokenMeaning(err)),
        actions: [setCredentials(p), testConnection(p)],
      };
    case 'forbidden':
      // 30017 "without permission to use the method" (https://developers.unico.io/en/docs/IDLive/Integracao/GuiaAPI/responseError)
      if (p.contract === 'api') return { message: withServerText(vscode.l10n.t('The credentials for {0} work, but its APIKEY lacks the permission for this. Ask unico to enable it for your APIKEY.', p.label), err.detail), actions: [] };
      return { message: vscode.l10n.t('The credentials for {0} work but lack the permission for this (for example the selfie or the evidence set). Ask unico support to enable it for your account.', p.label), actions: [] };
    case 'notFound':
      return {
        message: vscode.l10n.t('Not found in {0}.', p.label),
        actions: ref ? [action(vscode.l10n.t('Look Up in All Profiles'), Commands.lookUpInAllProfiles, ref)] : [],
      };
    case 'rateLimited':
      return {
        message: err.retryAfterMs === undefined
          ? vscode.l10n.t('Rate limited by IDCloud ({0}); try again in a few seconds.', p.label)
          : vscode.l10n.t('Rate limited by IDCloud ({0}); try again in {1} s.', p.label, Math.max(1, Math.ceil(err.retryAfterMs / 1000))),
        actions: [],
      };
    case 'server':
      return { message: vscode.l10n.t('IDCloud ({0}) had an internal failure (HTTP {1}). Try again later.', p.label, String(err.status ?? '5xx')), actions: [showLog()] };
    case 'network':
      return {
        message: network(err, p),
        actions: [err.failure === 'tls' ? openSettings('http.systemCertificates') : endpointSettings(p), showLog()],
      };
    case 'timeout':
      return {
        message: vscode.l10n.t('No answer from {0} within {1} s ({2}). Check the URL, your network or the proxy, or allow more time.', err.host, Math.round(err.timeoutMs / 1000), p.label),
        actions: [openSettings('idcloud.requestTimeoutSeconds'), endpointSettings(p)],
      };
    case 'unexpectedResponse':
      return {
        message: unreadable(err, p),
        actions: [action(vscode.l10n.t('Open Raw Response'), InternalCommands.openRawResponse, err.body), showLog()],
      };
    case 'unknownProfile':
      return {
        message: vscode.l10n.t('There is no profile "{0}" any more: it was removed from idcloud.customProfiles.', err.profileId),
        actions: [openSettings('idcloud.customProfiles')],
      };
    case 'invalidKey':
      return {
        message: err.problem === undefined
          ? vscode.l10n.t('{0} is too large to be a private key. Choose the service account\'s .pem file.', err.fileName)
          : vscode.l10n.t('Not usable: {0}.', keyProblemText(err.problem)),
        actions: [],
      };
  }
}

/**
 * Server text (error_description, a 401's detail, a schema complaint) is hostile and may echo the
 * token: every message that reaches a screen (notification, hover, lens, tree, panel) is redacted
 * like the log, shows bidi controls, and cannot form an icon or a notification link.
 */
function forScreen(message: string): string {
  return inert(redact(message)).replace(/\]\(/g, ']\u200b(');
}

export function presentError(err: unknown, ctx: ErrorContext): PresentedError {
  const presented = presentUnsafe(err, ctx);
  return { ...presented, message: forScreen(presented.message) };
}

function presentUnsafe(err: unknown, ctx: ErrorContext): PresentedError {
  // One cast: the kinds are exactly these classes (errors.ts), from either bundle.
  if (isIdCloudError(err)) return present(err as KnownError, ctx);
  if (isCancellation(err)) return { message: vscode.l10n.t('Cancelled.'), actions: [] };
  if (isFeatureLoadError(err)) {
    return { message: vscode.l10n.t('IDCloud Process Lens could not load {0}: its installation looks incomplete. Reinstall the extension; the log has the details.', err.file), actions: [showLog()] };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { message: vscode.l10n.t('IDCloud ({0}): {1}', ctx.profile.label, clip(redact(detail))), actions: [showLog()] };
}

/** Logs `err`, shows its message with its actions, runs the chosen one. Silent on cancellation. */
export async function showError(err: unknown, ctx: ErrorContext, log: vscode.LogOutputChannel): Promise<void> {
  if (isCancellation(err)) {
    log.debug('cancelled');
    return;
  }
  const name = err instanceof Error ? err.name : typeof err;
  const text = err instanceof Error ? err.message : String(err);
  log.error(redact(`[${ctx.profile.id}] ${name}: ${text}`));
  const { message, actions } = presentError(err, ctx);
  const titles = actions.map((a) => a.title);
  const chosen = isIdCloudError(err) && err.kind === 'rateLimited'
    ? await vscode.window.showWarningMessage(message, ...titles)
    : await vscode.window.showErrorMessage(message, ...titles);
  const picked = actions.find((a) => a.title === chosen);
  if (picked) await vscode.commands.executeCommand(picked.command, ...(picked.arguments ?? []));
}
