import * as assert from 'node:assert/strict';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep } from '../../src/core/retry';
import { isIdCloudError } from '../../src/core/errors';

describe('retry', () => {
  describe('parseRetryAfter', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');

    it('reads delta-seconds', () => {
      assert.equal(parseRetryAfter('0', now), 0);
      assert.equal(parseRetryAfter('2', now), 2000);
      assert.equal(parseRetryAfter(' 120 ', now), 120_000);
    });

    it('reads an HTTP date relative to now, never negative', () => {
      assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now), 3000);
      assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now), 0);
    });

    it('ignores what it cannot read', () => {
      for (const value of [undefined, '', '-1', '1.5', 'soon', 'in 5 minutes']) assert.equal(parseRetryAfter(value, now), undefined, String(value));
    });
  });

  describe('backoffDelay', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };

    it('doubles per retry between half and all of the step, capped', () => {
      assert.deepEqual([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 0)), [50, 100, 200, 400, 500, 500]);
      assert.deepEqual([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 0.999999)), [100, 200, 400, 800, 1000, 1000]);
      assert.equal(backoffDelay(1, policy, () => 0.5), 150);
    });
  });

  describe('sleep', () => {
    it('rejects with CancelledError when aborted, before or during the wait', async () => {
      const before = new AbortController();
      before.abort();
      await assert.rejects(sleep(10, before.signal), (e) => isIdCloudError(e) && e.kind === 'cancelled');
      const during = new AbortController();
      const pending = sleep(60_000, during.signal);
      during.abort();
      await assert.rejects(pending, (e) => isIdCloudError(e) && e.kind === 'cancelled');
    });

    it('resolves after the delay', async () => {
      await sleep(0);
    });
  });
});
