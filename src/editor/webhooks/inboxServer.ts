/**
 * The local webhook inbox: an HTTP receiver on 127.0.0.1 (a port the user chooses, to put behind
 * their own tunnel) that checks the authentication unico is set up to send (WEBHOOK_SOURCES.setup:
 * OAuth2 bearer, Basic, an API-key header, or none), answers 2xx to a valid payload and hands each
 * delivery on. Nothing is written to disk; only the payload's documented fields are kept.
 * Plain Node (no vscode), so unit tests drive it over loopback.
 */
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asWebhookPayload, type WebhookPayload } from '../../core/webhook';

export type InboxAuth =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly user: string; readonly password: string }
  | { readonly type: 'bearer'; readonly token: string }
  /** unico splits the configured value on its first colon: `header:value`; without one, the raw value goes in Authorization. */
  | { readonly type: 'apiKey'; readonly header: string; readonly value: string };

export interface Delivery {
  readonly receivedAt: number;
  readonly payload: WebhookPayload;
  /** The same processId arrived before (unico delivers at least once). */
  readonly redelivery: boolean;
}

export interface InboxOptions {
  readonly port: number;
  readonly auth: InboxAuth;
  readonly onDelivery: (delivery: Delivery) => void;
  /** A request refused (wrong auth, not a payload): its status and a reason without the body. */
  readonly onRejected?: (status: number, reason: string) => void;
  readonly now?: () => number;
}

export interface RunningInbox {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the request carries the configured authentication. */
export function authorized(auth: InboxAuth, headers: http.IncomingHttpHeaders): boolean {
  const header = (name: string): string => {
    const v = headers[name.toLowerCase()];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  switch (auth.type) {
    case 'none': return true;
    case 'basic': return same(header('authorization'), `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`);
    case 'bearer': return same(header('authorization'), `Bearer ${auth.token}`);
    case 'apiKey': return same(header(auth.header === '' ? 'authorization' : auth.header), auth.value);
  }
}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // past the cap the rest is read and dropped, so the sender still gets its answer
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => { resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')); });
    req.on('error', () => { resolve(undefined); });
  });
}

export async function startInbox(options: InboxOptions): Promise<RunningInbox> {
  const now = options.now ?? Date.now;
  const seen = new Set<string>();
  /** The answer to one request: its status and, for a refusal, the reason (never the body). */
  const handle = async (req: http.IncomingMessage): Promise<{ status: number; reason?: string }> => {
    if (req.method !== 'POST') return { status: 405, reason: 'POST a webhook payload' };
    if (!authorized(options.auth, req.headers)) return { status: 401, reason: 'authentication does not match the inbox settings' };
    const text = await readBody(req);
    if (text === undefined) return { status: 413, reason: 'body too large for a webhook payload' };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { status: 400, reason: 'not JSON' };
    }
    const payload = asWebhookPayload(value);
    if (!payload) return { status: 400, reason: 'not a webhook payload (processId and state or result)' };
    const redelivery = seen.has(payload.processId);
    seen.add(payload.processId);
    options.onDelivery({ receivedAt: now(), payload, redelivery });
    return { status: 200 };
  };
  const server = http.createServer((req, res) => {
    void handle(req).then(({ status, reason }) => {
      if (reason === undefined) {
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"received":true}');
        return;
      }
      options.onRejected?.(status, reason);
      req.resume(); // drain what was not read, so the sender gets the answer
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${reason}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => { resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => { resolve(); });
    }),
  };
}
