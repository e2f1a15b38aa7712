/**
 * A local IDCloud on 127.0.0.1: the token endpoint, `client/v1` (Get Process, Selfie, Evidence
 * Set) behind an Envoy-like JWT check, the API contract's `processes/v1` (Bearer + APIKEY), fixtures, fault-injection IDs and a live process.
 * Pure Node: the extension, the CLI (`npm run emulator`) and the tests all start it in-process.
 */
import { generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { ApiContractRoutes } from './apiContract';
import { API_FIXTURES, API_REFERENCE_EXAMPLE_ID } from './apiFixtures';
import { FAULT_IDS, FAULTS, type FaultName } from './faults';
import { STATIC_FIXTURES } from './fixtures';
import { TokenEndpoint } from './identity';
import { LIVE_PROCESS_ID, LIVE_PROCESS_INFO, LiveProcess } from './live';
import { ProcessRoutes } from './processes';
import { DEFAULT_REQUEST_LOG_CAPACITY, RequestLog, type EmulatorRequest } from './requestLog';
import { REFERENCE_EXAMPLE_ID } from './reference';
import { EmulatorServer, IDENTITY_PATH } from './server';
import { SignedUrls } from './signedUrls';
import { WebhookSender, type WebhookTarget } from './webhooks';
import { anchorDay, syntheticFixture } from './synthetic';

export { API_FIXTURES, API_REFERENCE_EXAMPLE_ID, FAULT_IDS, FAULTS, LIVE_PROCESS_ID, REFERENCE_EXAMPLE_ID, type FaultName };
export { API_ERRORS } from './apiContract';
export { HOSTILE_PROCESS_ID } from './hostile';
export { busiestWindow, type EmulatorRequest } from './requestLog';

export interface EmulatorOptions {
  /** 0 (the default) = any free port. */
  readonly port?: number;
  /** Lifetime of the access tokens it issues; default 3600. Shorten to test renewal. */
  readonly tokenLifetimeSeconds?: number;
  /** How long the live process stays created after its first request; default 30000. */
  readonly liveProcessDelayMs?: number;
  /** How long the slow fault ID waits before answering; default 20000. */
  readonly slowDelayMs?: number;
  /** The clock (ms) for token times, signed-URL expiry and the live process; default Date.now. */
  readonly now?: () => number;
  /**
   * Synthetic mode: any other well-formed UUID (but UNKNOWN_PROCESS_ID) resolves, deterministically
   * from its bytes, to a realistic process; ~3% still answer 404. Default false (404 for all).
   */
  readonly synthetic?: boolean;
  /** How many requests requests() keeps (the oldest drop out); default 100,000. */
  readonly requestLogCapacity?: number;
  /** One line per request (method, path, status); never tokens, keys, CPFs or names. */
  readonly log?: (line: string) => void;
  /**
   * Where to send unico's webhook when a process finishes through the emulator (the live process
   * after its delay, or any process on POST /emulator/webhook/{id}), and how to authenticate.
   */
  readonly webhook?: WebhookTarget;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT — the client appends /client/v1/process/{id}. */
  readonly apiBaseUrl: string;
  /** http://127.0.0.1:PORT/identity — the assertion's aud; the token endpoint is identityUrl + '/oauth2/token'. */
  readonly identityUrl: string;
  readonly serviceAccount: { readonly tenantId: string; readonly accountName: string; readonly privateKeyPem: string };
  /** The API contract's APIKEY (random per start): `/processes/v1/{id}` wants it in the `APIKEY` header. */
  readonly apiKey: string;
  /**
   * Every request served so far (up to requestLogCapacity, oldest first, in the order they
   * completed): arrival time (monotonic ms), method, path without query, status. With
   * busiestWindow() it gives the most requests in any 1-second window, as the server saw them.
   */
  requests(): EmulatorRequest[];
  /** Empties requests(), e.g. between two measured runs. */
  clearRequests(): void;
  /** Closes the server and every open socket; pending slow answers are dropped. */
  close(): Promise<void>;
}

export const TENANT_ID = 'emulator-tenant';
export const ACCOUNT_NAME = 'lens-local';

/** The catalogue: every fixture ID with what it is for (fault IDs are in FAULTS). */
export const FIXTURES: readonly { readonly id: string; readonly title: string; readonly description: string }[] = [
  ...STATIC_FIXTURES.map(({ id, title, description }) => ({ id, title, description })),
  LIVE_PROCESS_INFO,
];

/** A valid UUID the emulator answers 404 for (as for any ID outside the catalogue, unless synthetic). */
export const UNKNOWN_PROCESS_ID = '00000000-0000-4000-8000-000000000404';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const [serviceAccountKeys, server] = await Promise.all([rsaKeyPair(), EmulatorServer.listen(options.port ?? 0)]);
  const accessTokenSecret = randomBytes(32);
  const apiKey = randomBytes(18).toString('base64url');
  const apiBaseUrl = `http://127.0.0.1:${server.port}`;
  const identityUrl = `${apiBaseUrl}${IDENTITY_PATH}`;
  const accessTokens = { issuer: identityUrl, secret: accessTokenSecret };
  const signedUrls = new SignedUrls(apiBaseUrl, now);
  const requests = new RequestLog(options.requestLogCapacity ?? DEFAULT_REQUEST_LOG_CAPACITY);
  const anchor = anchorDay(now());
  const synthetic = options.synthetic === true
    ? (id: string) => (id === UNKNOWN_PROCESS_ID ? undefined : syntheticFixture(id, anchor))
    : undefined;
  const sender = options.webhook ? new WebhookSender({ target: options.webhook, later: server.later, log: options.log }) : undefined;
  const fixtures = new Map(STATIC_FIXTURES.map((f) => [f.id, f]));
  const live = new LiveProcess(options.liveProcessDelayMs ?? 30_000, now, now(), sender && { later: server.later, finished: (f) => { sender.send(f); } });
  server.serve({
    baseUrl: apiBaseUrl,
    now,
    log: options.log,
    requests,
    signedUrls,
    tokens: new TokenEndpoint({
      identityUrl, tenantId: TENANT_ID, accountName: ACCOUNT_NAME, now,
      serviceAccountKey: serviceAccountKeys.publicKey, accessTokenSecret,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    }),
    accessTokens,
    api: new ApiContractRoutes({ apiKey, accessTokens, now }),
    webhook: (id) => {
      if (!sender) return 409;
      const fixture = id === LIVE_PROCESS_ID ? live.current() : fixtures.get(id) ?? synthetic?.(id);
      if (!fixture) return 404;
      return sender.send(fixture) ? 202 : 422;
    },
    processes: new ProcessRoutes({
      fixtures,
      live,
      signedUrls,
      slowDelayMs: options.slowDelayMs ?? 20_000,
      later: server.later,
      synthetic,
    }),
  });
  return {
    apiBaseUrl,
    identityUrl,
    serviceAccount: {
      tenantId: TENANT_ID,
      accountName: ACCOUNT_NAME,
      privateKeyPem: serviceAccountKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    apiKey,
    requests: () => requests.entries(),
    clearRequests: () => { requests.clear(); },
    close: () => { sender?.close(); return server.close(); },
  };
}

function rsaKeyPair(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => {
      if (error) reject(error);
      else resolve({ publicKey, privateKey });
    });
  });
}
