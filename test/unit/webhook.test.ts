import * as assert from 'node:assert/strict';
import { compareWebhook, findWebhookPayloads, mapWebhookResult } from '../../src/core/webhook';
import { pid } from './pid.helpers';

const ID = pid('53060f52-f146-4c12-a234-5bb5031f6f5b');

describe('webhook payloads', () => {
  it('finds a payload on a log line, pretty-printed over lines, and several in one text', () => {
    const line = `2026-12-01T10:00:00Z INFO webhook received {"processId":"${ID.toUpperCase()}","state":"PROCESS_STATE_FINISHED","result":"ok","flow":"id"} from 10.0.0.1`;
    const [one] = findWebhookPayloads(line);
    assert.deepEqual(one?.payload, { processId: ID, state: 'PROCESS_STATE_FINISHED', result: 'ok', flow: 'id', lastEvent: undefined, lastEventDescription: undefined });
    assert.equal(line.slice(one.start, one.end).startsWith('{"processId"'), true);
    const pretty = `{\n  "processId": "${ID}",\n  "state": "PROCESS_STATE_FINISHED",\n  "result": "expired",\n  "flow": "idtoken",\n  "lastEvent": "EVENT_TYPE_QR_CODE_READ",\n  "lastEventDescription": "QR code read"\n}`;
    assert.equal(findWebhookPayloads(pretty)[0]?.payload.lastEvent, 'EVENT_TYPE_QR_CODE_READ');
    assert.equal(findWebhookPayloads(`${line}\n${pretty}\n${line}`).length, 3);
  });

  it('finds a payload nested in a larger JSON document, with braces inside strings', () => {
    const doc = JSON.stringify({ delivery: { headers: { a: '{not json}' }, body: { processId: ID, state: 'PROCESS_STATE_FINISHED', result: 'invalid_identity', flow: 'id', note: 'a } in a string' } } });
    const [found] = findWebhookPayloads(doc);
    assert.equal(found?.payload.result, 'invalid_identity');
  });

  it('ignores what is not a payload: no UUID, no state or result, broken JSON', () => {
    assert.deepEqual(findWebhookPayloads('{"processId":"not-a-uuid","state":"x"}'), []);
    assert.deepEqual(findWebhookPayloads(`{"processId":"${ID}"}`), []);
    assert.deepEqual(findWebhookPayloads(`{"processId":"${ID}","state":`), []);
    assert.deepEqual(findWebhookPayloads(`"processId": "${ID}"`), []);
    assert.deepEqual(findWebhookPayloads('x'.repeat(100_000)), []);
  });

  it('maps the webhook result vocabulary onto Get Process results; an undocumented value maps to nothing', () => {
    assert.equal(mapWebhookResult('ok'), 'PROCESS_RESULT_OK');
    assert.equal(mapWebhookResult('expired'), 'PROCESS_RESULT_EXPIRED');
    assert.equal(mapWebhookResult('invalid_identity'), 'PROCESS_RESULT_INVALID_IDENTITY');
    assert.equal(mapWebhookResult('error'), undefined);
    assert.equal(mapWebhookResult(undefined), undefined);
  });

  it('compares a payload with the process: agreeing, a different result, a state that moved on', () => {
    const payload = { processId: ID, state: 'PROCESS_STATE_FINISHED', result: 'ok', flow: 'id', lastEvent: undefined, lastEventDescription: undefined };
    assert.deepEqual(compareWebhook(payload, { state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK', flow: 'id' }), []);
    assert.deepEqual(compareWebhook(payload, { state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_INVALID_IDENTITY', flow: 'id' }),
      [{ field: 'result', webhook: 'ok', api: 'PROCESS_RESULT_INVALID_IDENTITY' }]);
    assert.deepEqual(compareWebhook(payload, { state: 'PROCESS_STATE_CREATED', result: 'PROCESS_RESULT_UNSPECIFIED', flow: 'idlive' }).map((d) => d.field), ['state', 'result', 'flow']);
    assert.deepEqual(compareWebhook({ ...payload, result: 'error' }, { state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_ERROR', flow: 'id' }).map((d) => d.field), ['result']);
  });
});
