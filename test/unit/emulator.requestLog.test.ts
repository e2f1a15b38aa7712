import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { busiestWindow, FAULT_IDS, startEmulator, UNKNOWN_PROCESS_ID, type RunningEmulator } from '../../src/emulator';
import { RequestLog } from '../../src/emulator/requestLog';
import { accessToken, call, getProcess, REFERENCE } from './emulator.helpers';

const entry = (at: number, path = '/p'): { at: number; method: string; path: string; status: number } => ({ at, method: 'GET', path, status: 200 });

describe('emulator: request log', () => {
  describe('RequestLog (the ring)', () => {
    it('keeps the last `capacity` entries, oldest first, and clears', () => {
      const log = new RequestLog(3);
      assert.deepEqual(log.entries(), []);
      for (let i = 1; i <= 5; i++) log.add(entry(i));
      assert.deepEqual(log.entries().map((e) => e.at), [3, 4, 5]);
      log.add(entry(6));
      assert.deepEqual(log.entries().map((e) => e.at), [4, 5, 6]);
      log.clear();
      assert.deepEqual(log.entries(), []);
      log.add(entry(7));
      assert.deepEqual(log.entries().map((e) => e.at), [7]);
    });

    it('reads its injected monotonic clock', () => {
      let t = 41;
      const log = new RequestLog(10, () => ++t);
      assert.equal(log.now(), 42);
      assert.equal(log.now(), 43);
    });
  });

  describe('busiestWindow', () => {
    it('counts the most arrivals in any half-open window, in any order', () => {
      assert.equal(busiestWindow([]), 0);
      assert.equal(busiestWindow([entry(5)]), 1);
      assert.equal(busiestWindow([0, 999, 1000].map((t) => entry(t))), 2); // 0 and 1000 are a second apart: not in one window
      assert.equal(busiestWindow([2500, 100, 1900, 1200, 1000, 2100, 1999].map((t) => entry(t))), 4); // [1000, 2000): 1000, 1200, 1900, 1999
      assert.equal(busiestWindow(Array.from({ length: 1000 }, (_, i) => entry(i * 5))), 200); // 200/s for 5 s
      assert.equal(busiestWindow([0, 10, 20, 30].map((t) => entry(t)), 15), 2);
    });
  });

  describe('served', () => {
    let em: RunningEmulator;
    let agent: Agent;
    before(async () => {
      em = await startEmulator();
      agent = new Agent();
    });
    after(async () => {
      await agent.close();
      await em.close();
    });

    it('records each request: arrival time, method, path without query, status (0 for a reset)', async () => {
      const token = await accessToken(agent, em);
      em.clearRequests();
      const before = performance.now();
      assert.equal((await getProcess(agent, em, REFERENCE, token)).status, 200);
      const between = performance.now();
      assert.equal((await getProcess(agent, em, UNKNOWN_PROCESS_ID, token)).status, 404);
      assert.equal((await call(agent, `${em.apiBaseUrl}/signed/x?Signature=secret`)).status, 403);
      await assert.rejects(getProcess(agent, em, FAULT_IDS.connectionReset, token));
      const log = em.requests();
      assert.deepEqual(log.slice(0, 3).map(({ method, path, status }) => [method, path, status]), [
        ['GET', `/client/v1/process/${REFERENCE}`, 200],
        ['GET', `/client/v1/process/${UNKNOWN_PROCESS_ID}`, 404],
        ['GET', '/signed/x', 403],
      ]);
      assert.ok(log.slice(3).length >= 1 && log.slice(3).every((e) => e.status === 0 && e.path.endsWith(FAULT_IDS.connectionReset)));
      const first = log[0]?.at ?? NaN;
      assert.ok(first >= before && first <= between, 'arrival time on the monotonic clock');
      assert.ok(log.every((e, i) => i === 0 || e.at >= (log[i - 1]?.at ?? Infinity)), 'sequential requests arrive in order');
      assert.ok(!JSON.stringify(log).includes('secret'));
    });

    it('is bounded by requestLogCapacity', async () => {
      const small = await startEmulator({ requestLogCapacity: 2 });
      try {
        for (const path of ['/a', '/b', '/c']) await call(agent, `${small.apiBaseUrl}${path}`);
        assert.deepEqual(small.requests().map((e) => e.path), ['/b', '/c']);
      } finally {
        await small.close();
      }
    });
  });
});
