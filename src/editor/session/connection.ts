/**
 * How one profile reaches IDCloud: its URLs, a token source built from its credentials (or the
 * emulator's own service account), undici dispatchers honouring VS Code's `http.proxy`,
 * `http.noProxy` and `http.systemCertificates` (core/dispatcher.ts; certificates are always
 * verified), and a client with the timeout and rate limit from settings.
 */
import * as vscode from 'vscode';
import { UnauthorizedError } from '../../core/errors';
import type { PastedTokenSource, ProxySettings, ServiceAccountTokenSource, TrustedCertificates } from '../../core/network';
import type { ClientEvent } from '../../core/client';
import { redact } from '../log';
import type { Connection, Profile } from '../services';
import type { CredentialStore } from '../profiles/credentials';
import type { EmulatorHost } from './emulatorHost';
import type { NetworkModule } from './bundles';

export interface ConnectionDeps {
  readonly credentials: CredentialStore;
  readonly emulator: EmulatorHost;
  readonly loadNetwork: () => NetworkModule;
  readonly log: vscode.LogOutputChannel;
}

function settings(): { timeoutMs: number; rateLimitPerSecond: number } {
  const config = vscode.workspace.getConfiguration('idcloud');
  return {
    timeoutMs: Math.max(1, config.get<number>('requestTimeoutSeconds', 15)) * 1000,
    rateLimitPerSecond: Math.max(1, config.get<number>('rateLimitPerSecond', 10)),
  };
}

/**
 * VS Code's proxy settings (or the environment's, as VS Code itself falls back to) and its
 * `http.systemCertificates`. `http.proxyStrictSSL` is not read: verification stays on.
 */
function network(net: NetworkModule): { proxy: ProxySettings; trusted: TrustedCertificates | undefined } {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: { proxy: http.get<string>('proxy') ?? '', noProxy: http.get<string[]>('noProxy') ?? [], env: process.env },
    trusted: net.trustedCertificates(http.get<boolean>('systemCertificates', true)),
  };
}

function logEvent(log: vscode.LogOutputChannel, profileId: string, e: ClientEvent): void {
  const request = redact(`[${profileId}] ${e.method} ${e.path}`);
  if (e.type === 'response') log.info(`${request} → ${String(e.status)} in ${String(e.ms)} ms (attempt ${e.attempt})`);
  else if (e.type === 'retry') log.warn(`${request}: retry after ${String(e.delayMs)} ms (${String(e.reason)})`);
  else log.trace(`${request} (attempt ${e.attempt})`);
}

/** A fresh connection for `profile`. Rejects with UnauthorizedError('missing') when it has no credentials. */
export async function openConnection(profile: Profile, deps: ConnectionDeps): Promise<Connection> {
  const net = deps.loadNetwork();
  const dispatchers: { close(): Promise<void> }[] = [];
  const own = <T extends { close(): Promise<void> } | undefined>(d: T): T => {
    if (d) dispatchers.push(d);
    return d;
  };
  const { timeoutMs, rateLimitPerSecond } = settings();
  const { proxy, trusted } = network(net);
  const dispatcherFor = (url: string) => net.createDispatcher(net.planDispatch(url, proxy, trusted));
  deps.log.info(`[${profile.id}] certificates: ${trusted
    ? `Node's CAs and the operating system's (${trusted.system === 'node' ? 'tls.getCACertificates' : 'the Linux CA bundle'})`
    : "Node's CAs and NODE_EXTRA_CA_CERTS (the operating system's store is off, or this Node cannot read it)"}`);
  let apiBaseUrl = profile.apiBaseUrl;
  let identityUrl = profile.identityUrl;
  let tokenSource: ServiceAccountTokenSource | PastedTokenSource;
  let apiKey: string | undefined;
  if (profile.kind === 'emulator') {
    const emulator = await deps.emulator.start();
    ({ apiBaseUrl, identityUrl, apiKey } = emulator);
    tokenSource = new net.ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl, timeoutMs });
  } else {
    const credentials = await deps.credentials.get(profile.id);
    if (credentials === undefined) throw new UnauthorizedError('missing', 'no credentials stored for this profile');
    apiKey = credentials.apiKey;
    if (profile.contract === 'api' && apiKey === undefined) throw new UnauthorizedError('apiKeyMissing', 'no APIKEY stored for this profile');
    tokenSource = credentials.kind === 'token'
      ? new net.PastedTokenSource(credentials.token)
      : new net.ServiceAccountTokenSource({ account: credentials, identityUrl, timeoutMs, dispatcher: own(dispatcherFor(identityUrl)) });
  }
  const client = net.createClient({
    apiBaseUrl,
    tokenSource,
    ...(profile.contract === 'api' ? { contract: 'api' as const, apiKey } : {}),
    timeoutMs,
    rateLimitPerSecond,
    dispatcher: own(dispatcherFor(apiBaseUrl)),
    onEvent: (e) => {
      logEvent(deps.log, profile.id, e);
    },
  });
  const close = (): void => {
    for (const d of dispatchers.splice(0)) void d.close().catch(() => undefined);
  };
  return { apiBaseUrl, identityUrl, tokenSource, client, close };
}
