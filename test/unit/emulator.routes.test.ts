import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Agent } from 'undici';
import { FIXTURES, LIVE_PROCESS_ID, startEmulator, UNKNOWN_PROCESS_ID, type RunningEmulator } from '../../src/emulator';
import { STATIC_FIXTURES } from '../../src/emulator/fixtures';
import { accessToken, call, decodePayload, getProcess, jws, REFERENCE } from './emulator.helpers';

const PDF_MAGIC = '%PDF-';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/** Every document of a served process (array or object form of services). */
type Documents = { documents?: { signed_url: string }[] };
function documents(process: unknown): { signed_url: string }[] {
  const { services } = process as { services?: Documents[] | { docs?: Documents } };
  const holders = Array.isArray(services) ? services : services?.docs ? [services.docs] : [];
  return holders.flatMap((h) => h.documents ?? []);
}

/** A PDF whose cross-reference offsets each point at "N 0 obj", ending in %%EOF. */
function assertRealPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  assert.ok(text.startsWith(PDF_MAGIC), 'PDF magic');
  assert.ok(text.trimEnd().endsWith('%%EOF'));
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  assert.ok(text.startsWith('xref', startxref), 'startxref points at the xref table');
  const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  assert.ok(offsets.length >= 4);
  offsets.forEach((offset, i) => { assert.ok(text.startsWith(`${i + 1} 0 obj`, offset), `object ${i + 1} at ${offset}`); });
}

describe('emulator: client/v1 routes', () => {
  let em: RunningEmulator;
  let agent: Agent;
  let token: string;
  let clock = Date.now();
  before(async () => {
    em = await startEmulator({ now: () => clock, liveProcessDelayMs: 30_000 });
    agent = new Agent();
    token = await accessToken(agent, em, clock);
  });
  after(async () => {
    await agent.close();
    await em.close();
  });

  describe('401 from the edge (Envoy strings, text/plain)', () => {
    async function refusal(authorization: string | undefined): Promise<{ text: string; challenge: unknown }> {
      const reply = await call(agent, `${em.apiBaseUrl}/client/v1/process/${REFERENCE}`, { headers: authorization === undefined ? {} : { authorization } });
      assert.equal(reply.status, 401);
      assert.match(String(reply.headers['content-type']), /^text\/plain/);
      return { text: reply.text(), challenge: reply.headers['www-authenticate'] };
    }
    const realm = (): string => `Bearer realm="${em.apiBaseUrl}/client/v1/process/${REFERENCE}"`;

    it('Jwt is missing, with a realm and no error', async () => {
      assert.deepEqual(await refusal(undefined), { text: 'Jwt is missing', challenge: realm() });
      assert.equal((await refusal(`Basic ${Buffer.from('a:b').toString('base64')}`)).text, 'Jwt is missing');
    });
    it('Jwt verification fails for a token with its claims but another key', async () => {
      const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${token.split('.')[1]}`;
      const forged = `${input}.${createHmac('sha256', 'not the key').update(input).digest('base64url')}`;
      assert.deepEqual(await refusal(`Bearer ${forged}`), { text: 'Jwt verification fails', challenge: `${realm()}, error="invalid_token"` });
      const otherAlg = jws(decodePayload(token), em.serviceAccount.privateKeyPem);
      assert.equal((await refusal(`Bearer ${otherAlg}`)).text, "Jwks doesn't have key to match kid or alg from Jwt");
    });
    it('Jwt header is an invalid JSON for a garbage header', async () => {
      assert.equal((await refusal(`Bearer ${Buffer.from('{garbage').toString('base64url')}.e30.c2ln`)).text, 'Jwt header is an invalid JSON');
    });
    it("Envoy's other parse and issuer strings", async () => {
      assert.equal((await refusal('Bearer garbage')).text, 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections');
      const otherIssuer = jws({ ...decodePayload(token), iss: 'https://identity.acesso.io' }, em.serviceAccount.privateKeyPem);
      assert.equal((await refusal(`Bearer ${otherIssuer}`)).text, 'Jwt issuer is not configured');
    });
  });

  it('400 code 3 for a malformed ID, 404 code 5 for an unknown one', async () => {
    // '' is GET /client/v1/process/: the reference answers 400 when the processId is "missing or malformed" (was 404).
    for (const bad of ['not-a-uuid', '53060f52-f146-4c12-a234-5bb5031f6f5', '53060f52f1464c12a2345bb5031f6f5b', '', '/selfie']) {
      const reply = await getProcess(agent, em, bad, token);
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.json(), { code: 3, message: 'process id is invalid', details: [] });
    }
    for (const suffix of ['', '/selfie', '/evidenceset']) {
      const reply = await getProcess(agent, em, UNKNOWN_PROCESS_ID, token, suffix);
      assert.equal(reply.status, 404);
      assert.deepEqual(reply.json(), { code: 5, message: 'error getting process: rpc error: code = NotFound desc = process not found', details: [] });
    }
  });

  it('answers every fixture with 200 and process.id equal to its ID (any case in the URL)', async () => {
    assert.ok(FIXTURES.length >= 20);
    for (const { id } of FIXTURES) {
      const reply = await getProcess(agent, em, id.toUpperCase(), token);
      assert.equal(reply.status, 200, id);
      assert.match(String(reply.headers['content-type']), /^application\/json/);
      assert.equal(reply.json().process.id, id);
    }
  });

  it('serves the reference example verbatim, but for its signed_url', async () => {
    const doc = readFileSync(resolve(process.cwd(), '..', 'shared', 'reference', 'get-process-api.txt'), 'utf8');
    const example: unknown = JSON.parse(doc.slice(doc.indexOf('Responses\n') + 'Responses\n'.length, doc.indexOf('\n| Field')));
    const served = (await getProcess(agent, em, REFERENCE, token)).json();
    const [document] = documents(served.process);
    assert.ok(document);
    assert.ok(document.signed_url.startsWith(`${em.apiBaseUrl}/signed/`));
    document.signed_url = 'https://example.com/doc?token=xyz';
    assert.deepEqual(served, example);
  });

  it('signs document URLs valid for 5 minutes that return a real PDF, then 403', async () => {
    const served = (await getProcess(agent, em, '2d45553d-23cf-4e63-8c7e-5180625cc111', token)).json();
    const urls = documents(served.process).map((d) => d.signed_url);
    assert.equal(urls.length, 2);
    const pdf = await call(agent, urls[0]!);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assertRealPdf(pdf.bytes);
    assert.ok(pdf.text().includes('IDCloud emulator \\227 sample document'));
    // flip the signature's first hex digit (always a change: replacing it by a fixed digit was a no-op 1 time in 16)
    const tampered = await call(agent, urls[0]!.replace(/signature=(.)/, (_m, c: string) => `signature=${c === '0' ? '1' : '0'}`));
    assert.equal(tampered.status, 403);
    assert.match(tampered.text(), /SignatureDoesNotMatch/);
    clock += 299_000;
    assert.equal((await call(agent, urls[1]!)).status, 200);
    clock += 1_000;
    const expired = await call(agent, urls[1]!);
    assert.equal(expired.status, 403);
    assert.match(expired.text(), /<Code>AccessDenied<\/Code><Message>Request has expired/);
    token = await accessToken(agent, em, clock);
    const renewed = documents((await getProcess(agent, em, '2d45553d-23cf-4e63-8c7e-5180625cc111', token)).json().process);
    assert.equal((await call(agent, renewed[1]!.signed_url)).status, 200, 're-fetching the process renews the link');
  });

  it('serves selfies as real JPEG or PNG and evidence sets as real PDFs, 404 where there are none', async () => {
    let seen = { jpeg: 0, png: 0, none: 0 };
    for (const fixture of STATIC_FIXTURES) {
      const selfie = await getProcess(agent, em, fixture.id, token, '/selfie');
      if (fixture.selfie === undefined) {
        assert.equal(selfie.status, 404, fixture.id);
        assert.equal(selfie.json().code, 5);
        seen = { ...seen, none: seen.none + 1 };
      } else {
        assert.equal(selfie.status, 200, fixture.id);
        const { fileContents, contentType } = selfie.json() as { fileContents: string; contentType: string };
        assert.equal(contentType, fixture.selfie);
        const bytes = Buffer.from(fileContents, 'base64');
        const magic = contentType === 'image/png' ? PNG_MAGIC : JPEG_MAGIC;
        assert.deepEqual(bytes.subarray(0, magic.length), magic);
        seen = contentType === 'image/png' ? { ...seen, png: seen.png + 1 } : { ...seen, jpeg: seen.jpeg + 1 };
      }
      const evidence = await getProcess(agent, em, fixture.id, token, '/evidenceset');
      assert.equal(evidence.status, fixture.evidenceSet ? 200 : 404, fixture.id);
      if (fixture.evidenceSet) {
        assert.equal(evidence.json().contentType, 'application/pdf');
        assertRealPdf(Buffer.from(String(evidence.json().fileContents), 'base64'));
      }
    }
    assert.ok(seen.jpeg > 0 && seen.png > 0 && seen.none > 0, JSON.stringify(seen));
  });

  it('answers unknown paths under client/v1 like grpc-gateway, and only GET', async () => {
    const unknown = await call(agent, `${em.apiBaseUrl}/client/v1/processes`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().code, 5);
    const post = await call(agent, `${em.apiBaseUrl}/client/v1/process/${REFERENCE}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    assert.equal(post.status, 405);
  });
});

describe('emulator: the live process', () => {
  let clock = Date.now();
  let em: RunningEmulator;
  let agent: Agent;
  before(async () => {
    em = await startEmulator({ now: () => clock, liveProcessDelayMs: 30_000 });
    agent = new Agent();
  });
  after(async () => {
    await agent.close();
    await em.close();
  });

  it('moves from CREATED to FINISHED once the delay has passed since its first request', async () => {
    clock += 3_600_000; // started long ago: the countdown starts at the first request, not at start
    const token = await accessToken(agent, em, clock);
    const state = async (): Promise<unknown> => (await getProcess(agent, em, LIVE_PROCESS_ID, token)).json().process.state;
    assert.equal(await state(), 'PROCESS_STATE_CREATED');
    assert.equal((await getProcess(agent, em, LIVE_PROCESS_ID, token, '/selfie')).status, 404);
    clock += 29_999;
    assert.equal(await state(), 'PROCESS_STATE_CREATED');
    clock += 1;
    const finished = (await getProcess(agent, em, LIVE_PROCESS_ID, token)).json().process;
    assert.equal(finished.state, 'PROCESS_STATE_FINISHED');
    assert.equal(finished.result, 'PROCESS_RESULT_OK');
    assert.equal(Date.parse(String(finished.finishedAt)), clock);
    assert.equal((await getProcess(agent, em, LIVE_PROCESS_ID, token, '/selfie')).status, 200);
  });
});
