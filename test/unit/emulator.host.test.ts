import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { Agent } from 'undici';
import { accessToken, getProcess, REFERENCE } from './emulator.helpers';

/** A raw GET to the emulator with exactly this Host header (or none). */
function rawGet(em: RunningEmulator, path: string, host: string | undefined): Promise<{ status: number; text: string }> {
  const { port } = new URL(em.apiBaseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false, setHost: false, headers: host === undefined ? {} : { Host: host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }); });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emulator: Host header (DNS rebinding)', () => {
  let em: RunningEmulator;
  let port: string;
  before(async () => {
    em = await startEmulator();
    port = new URL(em.apiBaseUrl).port;
  });
  after(() => em.close());

  it('answers its own loopback names on its own port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const reply = await rawGet(em, `/client/v1/process/${REFERENCE}`, host);
      assert.equal(reply.status, 401, host); // reached the API: no token yet
    }
  });

  it('refuses any other Host with 421 and a plain explanation, before any route', async () => {
    const others = ['evil.example.com', `evil.example.com:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`, `localhost.evil.example:${port}`, `127.0.0.2:${port}`, `0.0.0.0:${port}`];
    for (const host of others) {
      for (const path of [`/client/v1/process/${REFERENCE}`, '/identity/oauth2/token', `/emulator/webhook/${REFERENCE}`]) {
        const reply = await rawGet(em, path, host);
        assert.equal(reply.status, 421, `${host} ${path}`);
        assert.match(reply.text, /Misdirected request: .*127\.0\.0\.1, localhost or \[::1\].*DNS rebinding/);
      }
    }
    assert.ok(em.requests().some((r) => r.status === 421), 'refusals are in the request log');
    assert.equal((await rawGet(em, `/client/v1/process/${REFERENCE}`, undefined)).status, 400); // no Host at all: Node refuses HTTP/1.1 without one
  });

  it('serves a signed document link under any Host (its signature is the authorization), and only a valid one', async () => {
    const agent = new Agent();
    const reply = await getProcess(agent, em, REFERENCE, await accessToken(agent, em));
    await agent.close();
    const { process } = reply.json() as { process: { services: { documents: { signed_url: string }[] }[] } };
    const signed = new URL(process.services[0]?.documents[0]?.signed_url ?? '');
    // code-server's /proxy/PORT/ forwards the browser's request with its own Host
    const proxied = await rawGet(em, signed.pathname + signed.search, '127.0.0.1:8080');
    assert.equal(proxied.status, 200);
    assert.ok(proxied.text.startsWith('%PDF'));
    const forged = await rawGet(em, `${signed.pathname}?expires=${signed.searchParams.get('expires') ?? ''}&signature=${'0'.repeat(64)}`, 'evil.example.com');
    assert.equal(forged.status, 403);
    assert.match(forged.text, /SignatureDoesNotMatch/);
  });
});
