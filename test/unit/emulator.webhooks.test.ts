// The emulator's webhook sender, end to end over loopback into the extension's own inbox server.
import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { startInbox, type Delivery, type RunningInbox } from '../../src/editor/webhooks/inboxServer';
import { LIVE_PROCESS_ID, startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { authHeaders, RETRY_DELAYS_MS, WebhookSender } from '../../src/emulator/webhooks';
import { STATIC_FIXTURES } from '../../src/emulator/fixtures';
import { LiveProcess } from '../../src/emulator/live';
import { accessToken, call, getProcess, REFERENCE } from './emulator.helpers';

const EXPIRED = '1d57dc37-c74d-4cd2-b364-06bc5282198b';
const CREATED = '38d483d8-2fc3-41cc-b879-2f2f4b187e20';

describe('emulator webhooks', () => {
  const agent = new Agent();
  let em: RunningEmulator | undefined;
  let inbox: RunningInbox | undefined;
  afterEach(async () => { await em?.close(); await inbox?.close(); em = undefined; inbox = undefined; });
  after(() => agent.close());

  /** Polls until `n` deliveries arrived; gives up after 15 s, so a failure leaves no timer behind to keep mocha alive. */
  function waitFor(deliveries: Delivery[], n: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (deliveries.length >= n) resolve();
        else if (Date.now() > deadline) reject(new Error(`${String(deliveries.length)} of ${String(n)} deliveries after 15 s`));
        else setTimeout(check, 10);
      };
      check();
    });
  }

  it('the live process delivers the documented payload with Basic auth when it finishes', async () => {
    const deliveries: Delivery[] = [];
    inbox = await startInbox({ port: 0, auth: { type: 'basic', user: 'unico', password: 's3cret' }, onDelivery: (d) => deliveries.push(d) });
    em = await startEmulator({ liveProcessDelayMs: 50, webhook: { url: inbox.url, auth: 'basic:unico:s3cret' } });
    const token = await accessToken(agent, em);
    assert.equal((await getProcess(agent, em, LIVE_PROCESS_ID, token)).status, 200); // starts the countdown
    await waitFor(deliveries, 1);
    assert.deepEqual(deliveries[0]?.payload, { processId: LIVE_PROCESS_ID, state: 'PROCESS_STATE_FINISHED', result: 'ok', flow: 'idunicodocs', lastEvent: undefined, lastEventDescription: undefined });
  });

  it('the live process waits for the wall clock when its timer fires early, and notifies once, finished', () => {
    let clock = 1_000;
    const timers: { fn: () => void; ms: number }[] = [];
    const notified: string[] = [];
    const live = new LiveProcess(50, () => clock, 0, { later: (fn, ms) => { timers.push({ fn, ms }); }, finished: (f) => notified.push(JSON.stringify(f.process.state)) });
    assert.equal(live.current().process.state, 'PROCESS_STATE_CREATED'); // starts the countdown
    assert.deepEqual(timers.map((t) => t.ms), [50]);
    clock += 47; // libuv's clock ran ahead of Date.now: the timer fires 3 ms early
    timers.shift()?.fn();
    assert.deepEqual(notified, [], 'no webhook for a process still CREATED');
    assert.deepEqual(timers.map((t) => t.ms), [3]);
    clock += 3;
    timers.shift()?.fn();
    assert.deepEqual(notified, ['"PROCESS_STATE_FINISHED"']);
    assert.deepEqual(timers, []);
  });

  it('sends any finished fixture on POST /emulator/webhook/{id}; expired carries lastEvent; redelivery shows as such', async () => {
    const deliveries: Delivery[] = [];
    inbox = await startInbox({ port: 0, auth: { type: 'apiKey', header: 'X-Api-Key', value: 'k' }, onDelivery: (d) => deliveries.push(d) });
    em = await startEmulator({ webhook: { url: inbox.url, auth: 'apikey:X-Api-Key:k' } });
    const post = (id: string): Promise<number> => call(agent, `${em?.apiBaseUrl ?? ''}/emulator/webhook/${id}`, { method: 'POST' }).then((r) => r.status);
    assert.equal(await post(REFERENCE), 202);
    assert.equal(await post(EXPIRED), 202);
    assert.equal(await post(REFERENCE), 202);
    assert.equal(await post(CREATED), 422, 'an unfinished process has no webhook result');
    assert.equal(await post('00000000-0000-4000-8000-000000000404'), 404);
    await waitFor(deliveries, 3);
    const byId = deliveries.map((d) => [d.payload.processId, d.payload.result, d.payload.lastEvent, d.redelivery]);
    assert.deepEqual(byId.filter(([id]) => id === EXPIRED), [[EXPIRED, 'expired', 'EVENT_TYPE_QR_CODE_READ', false]]);
    assert.deepEqual(byId.filter(([id]) => id === REFERENCE).map((r) => r[3]), [false, true]);
  });

  it('without a webhook URL the route says so', async () => {
    em = await startEmulator();
    assert.equal((await call(agent, `${em.apiBaseUrl}/emulator/webhook/${REFERENCE}`, { method: 'POST' })).status, 409);
  });

  it('retries a non-2xx answer on its own schedule, then gives up', async () => {
    const statuses = [500, 503, 200];
    const timers: number[] = [];
    const posted: string[] = [];
    const lines: string[] = [];
    const sender = new WebhookSender({
      target: { url: 'http://127.0.0.1:9/', auth: 'bearer:t' },
      later: (fn, ms) => { timers.push(ms); fn(); },
      log: (l) => lines.push(l),
      post: (_url, body, headers) => { posted.push(`${headers.authorization ?? ''} ${body}`); return Promise.resolve(statuses.shift() ?? 500); },
    });
    const fixture = STATIC_FIXTURES.find((f) => f.id === REFERENCE);
    assert.ok(fixture);
    assert.equal(sender.send(fixture), true);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(timers, RETRY_DELAYS_MS.slice(0, 2));
    assert.equal(posted.length, 3);
    assert.ok(posted.every((p) => p.startsWith('Bearer t {"processId"')));
    assert.match(lines.at(-1) ?? '', /delivered \(HTTP 200, attempt 3\)/);
  });

  it('reads every documented auth form, and refuses one it does not know', () => {
    assert.deepEqual(authHeaders('none'), {});
    assert.deepEqual(authHeaders('basic:u:p:q'), { authorization: `Basic ${Buffer.from('u:p:q').toString('base64')}` });
    assert.deepEqual(authHeaders('apikey:X-Key:a:b'), { 'x-key': 'a:b' });
    assert.deepEqual(authHeaders('apikey:raw'), { authorization: 'raw' });
    assert.throws(() => authHeaders('digest:x'), /webhook auth must be/);
  });
});
