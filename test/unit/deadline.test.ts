import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { PastedTokenSource, ServiceAccountTokenSource } from '../../src/core/auth';
import { createClient } from '../../src/core/client';
import { CancelledError, TimeoutError } from '../../src/core/errors';

const ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = { tenantId: 't-1', accountName: 'lens', privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };

/** Sends the headers at once, then one byte every 10 ms for as long as the client listens. */
function drip(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"pad":"');
  const timer = setInterval(() => res.write('x'), 10);
  res.on('close', () => {
    clearInterval(timer);
  });
}

describe('Overall deadlines against a server that drips bytes', function () {
  this.timeout(20_000);
  let server: Server;
  let base: string;
  let dispatcher: Agent;
  /** What the identity endpoint does with its next requests, in order. */
  let tokenAnswers: ('drip' | 'token')[];
  let tokenRequests: number;
  let apiRequests = 0;
  const closed: Promise<void>[] = [];

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      if (req.url === '/oauth2/token') {
        tokenRequests++;
        if (tokenAnswers.shift() === 'token') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'tok-fresh', expires_in: 3600, token_type: 'Bearer' }));
        } else {
          drip(res);
        }
        return;
      }
      apiRequests++;
      closed.push(new Promise((resolve) => res.on('close', resolve)));
      drip(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    dispatcher = new Agent();
  });

  beforeEach(() => {
    tokenAnswers = [];
    tokenRequests = 0;
  });

  after(async () => {
    await dispatcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('ends a Get Process attempt at its deadline although bytes keep coming (idle timeouts never fire)', async () => {
    const client = createClient({ apiBaseUrl: base, tokenSource: new PastedTokenSource('tok'), dispatcher, timeoutMs: 300 });
    await assert.rejects(client.getProcess(ID), (e: unknown) => e instanceof TimeoutError && e.timeoutMs === 300 && e.host === base.slice('http://'.length));
    await closed.at(-1);
  });

  it('still reports a caller who gives up mid-body as cancelled, not timed out', async () => {
    const client = createClient({ apiBaseUrl: base, tokenSource: new PastedTokenSource('tok'), dispatcher, timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = client.getProcess(ID, { signal: controller.signal });
    const before = apiRequests;
    while (apiRequests === before) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await assert.rejects(pending, CancelledError);
  });

  it('fails a stalled token refresh with TimeoutError, and the next caller starts a fresh one', async () => {
    tokenAnswers = ['drip', 'token'];
    const tokens = new ServiceAccountTokenSource({ account, identityUrl: base, dispatcher, timeoutMs: 300 });
    const [first, second] = await Promise.allSettled([tokens.getToken(), tokens.getToken()]);
    for (const r of [first, second]) assert.ok(r.status === 'rejected' && r.reason instanceof TimeoutError, 'both waiters of the shared refresh time out');
    assert.equal(tokenRequests, 1, 'the two waiters shared one refresh');
    assert.equal(await tokens.getToken(), 'tok-fresh');
    assert.equal(tokenRequests, 2);
  });
});
