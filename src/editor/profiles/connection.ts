/**
 * How one profile reaches IDCloud: its URLs, a token source built from its credentials (or the
 * emulator's own service account), an undici dispatcher honouring VS Code's `http.proxy` and
 * `http.proxyStrictSSL`, and a client with the timeout and rate limit from settings.
 */
import * as vscode from 'vscode';
import { UnauthorizedError } from '../../core/errors';
import type { IdCloudClient, PastedTokenSource, ServiceAccountTokenSource } from '../../core/network';
import type { ClientEvent } from '../../core/client';
import { redact } from '../log';
import type { Profile } from '../services';
import type { CredentialStore } from './credentials';
import type { EmulatorHost } from './emulatorHost';
import type { NetworkModule } from './network';

export interface ConnectionDeps {
  readonly credentials: CredentialStore;
  readonly emulator: EmulatorHost;
  readonly loadNetwork: () => NetworkModule;
  readonly log: vscode.LogOutputChannel;
}

export interface Connection {
  readonly apiBaseUrl: string;
  readonly identityUrl: string;
  readonly tokenSource: ServiceAccountTokenSource | PastedTokenSource;
  readonly client: IdCloudClient;
  /** Closes the connection's own proxy/TLS dispatchers (the global one is left alone). */
  close(): void;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function settings(): { timeoutMs: number; rateLimitPerSecond: number } {
  const config = vscode.workspace.getConfiguration('idcloud');
  return {
    timeoutMs: Math.max(1, config.get<number>('requestTimeoutSeconds', 15)) * 1000,
    rateLimitPerSecond: Math.max(1, config.get<number>('rateLimitPerSecond', 10)),
  };
}

/** VS Code's proxy (or the environment's, as VS Code itself falls back to); never for loopback. */
function dispatcherFor(apiBaseUrl: string, net: NetworkModule): InstanceType<NetworkModule['Agent']> | InstanceType<NetworkModule['ProxyAgent']> | undefined {
  const http = vscode.workspace.getConfiguration('http');
  const strictSSL = http.get<boolean>('proxyStrictSSL', true);
  const proxy = (http.get<string>('proxy') ?? '').trim() || process.env.HTTPS_PROXY || process.env.https_proxy || '';
  let host = '';
  try {
    host = new URL(apiBaseUrl).hostname;
  } catch {
    // an invalid URL fails in the client, with its own error
  }
  if (proxy !== '' && !LOOPBACK.test(host)) {
    const tls = { rejectUnauthorized: strictSSL };
    return new net.ProxyAgent({ uri: proxy, requestTls: tls, proxyTls: tls });
  }
  return strictSSL ? undefined : new net.Agent({ connect: { rejectUnauthorized: false } });
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
  let apiBaseUrl = profile.apiBaseUrl;
  let identityUrl = profile.identityUrl;
  let tokenSource: ServiceAccountTokenSource | PastedTokenSource;
  if (profile.kind === 'emulator') {
    const emulator = await deps.emulator.start();
    ({ apiBaseUrl, identityUrl } = emulator);
    tokenSource = new net.ServiceAccountTokenSource({ account: emulator.serviceAccount, identityUrl, timeoutMs });
  } else {
    const credentials = await deps.credentials.get(profile.id);
    if (credentials === undefined) throw new UnauthorizedError('missing', 'no credentials stored for this profile');
    tokenSource = credentials.kind === 'token'
      ? new net.PastedTokenSource(credentials.token)
      : new net.ServiceAccountTokenSource({ account: credentials, identityUrl, timeoutMs, dispatcher: own(dispatcherFor(identityUrl, net)) });
  }
  const client = net.createClient({
    apiBaseUrl,
    tokenSource,
    timeoutMs,
    rateLimitPerSecond,
    dispatcher: own(dispatcherFor(apiBaseUrl, net)),
    onEvent: (e) => {
      logEvent(deps.log, profile.id, e);
    },
  });
  const close = (): void => {
    for (const d of dispatchers.splice(0)) void d.close().catch(() => undefined);
  };
  return { apiBaseUrl, identityUrl, tokenSource, client, close };
}
