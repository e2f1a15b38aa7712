import * as assert from 'node:assert/strict';
import { startInbox, type Delivery, type InboxAuth, type RunningInbox } from '../../src/editor/webhooks/inboxServer';

const ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const PAYLOAD = { processId: ID, state: 'PROCESS_STATE_FINISHED', result: 'ok', flow: 'id' };

describe('webhook inbox server', () => {
  let inbox: RunningInbox | undefined;
  afterEach(async () => { await inbox?.close(); inbox = undefined; });

  async function start(auth: InboxAuth): Promise<{ deliveries: Delivery[]; rejected: number[]; url: string }> {
    const deliveries: Delivery[] = [];
    const rejected: number[] = [];
    inbox = await startInbox({ port: 0, auth, onDelivery: (d) => deliveries.push(d), onRejected: (s) => rejected.push(s) });
    assert.match(inbox.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    return { deliveries, rejected, url: inbox.url };
  }

  const post = (url: string, body: string, headers: Record<string, string> = {}): Promise<number> =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }).then((r) => r.status);

  it('answers 2xx to a payload and marks the same processId again as a redelivery', async () => {
    const { deliveries, url } = await start({ type: 'none' });
    assert.equal(await post(url, JSON.stringify(PAYLOAD)), 200);
    assert.equal(await post(url, JSON.stringify(PAYLOAD)), 200);
    assert.deepEqual(deliveries.map((d) => [d.payload.processId, d.payload.result, d.redelivery]), [[ID, 'ok', false], [ID, 'ok', true]]);
  });

  it('checks each documented authentication: Basic, Bearer, an API-key header, a raw Authorization value', async () => {
    const cases: [InboxAuth, Record<string, string>, Record<string, string>][] = [
      [{ type: 'basic', user: 'u', password: 'p' }, { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` }, { authorization: 'Basic eDp5' }],
      [{ type: 'bearer', token: 'tok' }, { authorization: 'Bearer tok' }, { authorization: 'Bearer nope' }],
      [{ type: 'apiKey', header: 'X-API-Key', value: 'abc' }, { 'x-api-key': 'abc' }, { 'x-api-key': 'abd' }],
      [{ type: 'apiKey', header: '', value: 'raw-secret' }, { authorization: 'raw-secret' }, {}],
    ];
    for (const [auth, good, bad] of cases) {
      const { deliveries, rejected, url } = await start(auth);
      assert.equal(await post(url, JSON.stringify(PAYLOAD), bad), 401, auth.type);
      assert.equal(await post(url, JSON.stringify(PAYLOAD), good), 200, auth.type);
      assert.deepEqual([deliveries.length, rejected], [1, [401]], auth.type);
      await inbox?.close();
      inbox = undefined;
    }
  });

  it('refuses what is not a payload, and anything but POST', async () => {
    const { deliveries, rejected, url } = await start({ type: 'none' });
    assert.equal(await post(url, 'not json'), 400);
    assert.equal(await post(url, JSON.stringify({ processId: 'x', state: 'y' })), 400);
    assert.equal(await fetch(url).then((r) => r.status), 405);
    assert.equal(await post(url, JSON.stringify({ ...PAYLOAD, filler: 'x'.repeat(70_000) })), 413);
    assert.deepEqual([deliveries.length, rejected], [0, [400, 400, 405, 413]]);
  });
});
