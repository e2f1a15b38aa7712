/**
 * The emulator's HTTP server on 127.0.0.1: routing between the token endpoint, the Envoy-guarded
 * `client/v1` API, the API contract's `processes/v1` and the signed document URLs; owns every socket and timer so close() leaves
 * nothing behind.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SAMPLE_DOCUMENT_PDF } from './assets';
import { checkAccessToken, wwwAuthenticate, type AccessTokenIssuer } from './envoy';
import { readBody, send, sendJson, sendText } from './http';
import type { TokenEndpoint } from './identity';
import { API_ROUTE, type ApiContractRoutes } from './apiContract';
import type { ProcessRoutes } from './processes';
import type { RequestLog } from './requestLog';
import { SIGNED_PATH_PREFIX, storageError, type SignedUrls } from './signedUrls';

export const IDENTITY_PATH = '/identity';
const TOKEN_PATH = `${IDENTITY_PATH}/oauth2/token`;
const MAX_FORM_BYTES = 64 * 1024;
const MISDIRECTED = 'Misdirected request: this local IDCloud emulator answers only requests addressed to 127.0.0.1, localhost or [::1] on its own port. Another Host header means the request came through another name (DNS rebinding) and is refused.\n';

export interface Routes {
  readonly baseUrl: string;
  readonly tokens: TokenEndpoint;
  readonly accessTokens: AccessTokenIssuer;
  readonly processes: ProcessRoutes;
  /** The API contract's `/processes/v1|v2/{id}` (Bearer + APIKEY). */
  readonly api: ApiContractRoutes;
  readonly signedUrls: SignedUrls;
  readonly now: () => number;
  readonly log: ((line: string) => void) | undefined;
  readonly requests: RequestLog;
  /** POST /emulator/webhook/{id}: "finish" a process through the emulator and send its webhook. */
  readonly webhook?: (id: string) => number;
}

const WEBHOOK_ROUTE = /^\/emulator\/webhook\/([0-9a-fA-F-]{36})$/;

/** A server that is listening, with what it holds open. */
export class EmulatorServer {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private routes: Routes | undefined;

  private constructor(private readonly server: Server, readonly port: number) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined); // a client that goes away mid-answer is not an emulator error
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      try {
        this.onRequest(req, res);
      } catch {
        if (!res.headersSent) sendText(res, 400, 'Bad Request'); // e.g. a request target URL cannot parse
      }
    });
  }

  static listen(port: number): Promise<EmulatorServer> {
    const server = createServer({ keepAliveTimeout: 5000 });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (address === null || typeof address === 'string') reject(new Error('emulator: no TCP address'));
        else resolve(new EmulatorServer(server, address.port));
      });
    });
  }

  serve(routes: Routes): void {
    this.routes = routes;
  }

  /** Runs `fn` after `ms`, unless close() comes first. */
  readonly later = (fn: () => void, ms: number): void => {
    const timer = setTimeout(() => { this.timers.delete(timer); fn(); }, ms);
    this.timers.add(timer);
  };

  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => { this.server.close(() => { resolve(); }); });
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const routes = this.routes;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (routes) {
      const entry = { at: routes.requests.now(), method, path: url.pathname };
      res.once('close', () => { routes.requests.add({ ...entry, status: res.writableFinished ? res.statusCode : 0 }); });
    }
    if (routes?.log) {
      const log = routes.log;
      res.on('finish', () => { log(`${method} ${url.pathname} → ${res.statusCode}`); });
    }
    // A signed document link is its own authorization (HMAC, 5 minutes), like unico's storage
    // links: it answers under any Host, so a browser reaches it through an editor's proxy
    // (code-server's /proxy/PORT/ forwards with code-server's own Host). Nothing else does.
    const signed = url.pathname.startsWith(SIGNED_PATH_PREFIX) && method === 'GET';
    if (!signed && !this.isOwnHost(req.headers.host)) { sendText(res, 421, MISDIRECTED); return; }
    if (!routes) { sendText(res, 503, 'starting'); return; }
    if (signed) { signedDocument(routes, url, res); return; }
    if (url.pathname === TOKEN_PATH) { this.token(routes, req, res, method); return; }
    const webhook = WEBHOOK_ROUTE.exec(url.pathname);
    if (webhook?.[1] !== undefined && method === 'POST') {
      const status = routes.webhook?.(webhook[1].toLowerCase()) ?? 409;
      sendText(res, status, status === 202 ? 'webhook sent' : status === 404 ? 'no such process' : status === 422 ? 'no documented webhook result for this process' : 'no webhook URL configured');
      return;
    }
    const api = API_ROUTE.exec(url.pathname);
    if (api) {
      routes.api.handle(method, api[1] ?? '', { authorization: req.headers.authorization, apikey: req.headers.apikey }, res);
      return;
    }
    if (url.pathname.startsWith('/client/v1/')) {
      const status = checkAccessToken(req.headers.authorization, routes.accessTokens, Math.floor(routes.now() / 1000));
      if (status !== undefined) {
        sendText(res, 401, status, { 'WWW-Authenticate': wwwAuthenticate(`${routes.baseUrl}${url.pathname}`, status) });
        return;
      }
      routes.processes.handle(method, url.pathname, res);
      return;
    }
    sendText(res, 404, '');
  }

  /** Only requests addressed to this server by its loopback name: anything else may be DNS rebinding. */
  private isOwnHost(host: string | undefined): boolean {
    const h = host?.toLowerCase();
    return h === `127.0.0.1:${this.port}` || h === `localhost:${this.port}` || h === `[::1]:${this.port}`;
  }

  private token(routes: Routes, req: IncomingMessage, res: ServerResponse, method: string): void {
    if (method !== 'POST') { sendJson(res, 405, { error: 'invalid_request', error_description: 'use POST' }, { Allow: 'POST' }); return; }
    readBody(req, MAX_FORM_BYTES).then(
      (form) => {
        const reply = routes.tokens.exchange(req.headers['content-type'], form);
        sendJson(res, reply.status, reply.body, { 'Cache-Control': 'no-store' });
      },
      () => { sendJson(res, 413, { error: 'invalid_request', error_description: 'request too large' }, { Connection: 'close' }); },
    );
  }
}

function signedDocument(routes: Routes, url: URL, res: ServerResponse): void {
  const check = routes.signedUrls.check(url.pathname, url.searchParams);
  if (check === 'valid') send(res, 200, 'application/pdf', SAMPLE_DOCUMENT_PDF);
  else if (check === 'expired') send(res, 403, 'application/xml', storageError('AccessDenied', 'Request has expired'));
  else send(res, 403, 'application/xml', storageError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'));
}
