import assert from 'node:assert/strict';
import { relativeTime } from '../../src/core/relativeTime';

describe('relativeTime', () => {
  const now = Date.parse('2026-11-26T16:00:00Z');

  it('rounds by magnitude, past and future alike', () => {
    assert.equal(relativeTime(now - 90_000, now, 'en'), '2 minutes ago');
    assert.equal(relativeTime(now + 90_000, now, 'en'), 'in 2 minutes');
    assert.equal(relativeTime(now + 3 * 86_400_000, now, 'en'), 'in 3 days');
    assert.equal(relativeTime(now - 17 * 86_400_000, now, 'en'), '2 weeks ago');
    assert.equal(relativeTime(Date.parse('2024-01-01T10:15:00Z'), now, 'en'), '3 years ago');
    assert.equal(relativeTime(now, now, 'en'), 'now');
  });

  it('speaks the editor language, short or long', () => {
    assert.equal(relativeTime(now - 2 * 365 * 86_400_000, now, 'pt-BR'), 'há 2 anos');
    assert.equal(relativeTime(now - 2 * 3_600_000, now, 'en', 'short'), '2 hr. ago');
    assert.equal(relativeTime(now - 2 * 3_600_000, now, 'pt-BR', 'short'), 'há 2 h');
  });

  it('falls back to English for a locale Intl does not know', () => {
    assert.equal(relativeTime(now - 5 * 60_000, now, 'not a locale!'), '5 minutes ago');
  });
});
