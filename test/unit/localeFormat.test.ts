import assert from 'node:assert/strict';
import { formatDateTime, formatNumber } from '../../src/core/localeFormat';
import { relativeTime } from '../../src/core/relativeTime';

describe('localeFormat: dates and numbers in the editor language', () => {
  const at = Date.parse('2020-09-13T12:26:40Z');

  it('formats a date and time in UTC, US style in en', () => {
    assert.equal(formatDateTime(at, 'en'), 'Sep 13, 2020, 12:26 PM UTC');
    assert.equal(formatDateTime(at, 'en', true), 'Sep 13, 2020, 12:26:40 PM UTC');
  });

  it('formats a date and time in UTC, Brazilian style in pt-br (the tag VS Code passes)', () => {
    assert.equal(formatDateTime(at, 'pt-br'), '13 de set. de 2020, 12:26 UTC');
    assert.equal(formatDateTime(at, 'pt-br', true), '13 de set. de 2020, 12:26:40 UTC');
  });

  it('gives nothing for an invalid time and English for an unknown locale', () => {
    assert.equal(formatDateTime(Number.NaN, 'pt-br'), '');
    assert.equal(formatDateTime(at, 'not a locale!'), 'Sep 13, 2020, 12:26 PM UTC');
  });

  it('formats numbers with the locale separators', () => {
    assert.equal(formatNumber(1234.56, 'en', 1), '1,234.6');
    assert.equal(formatNumber(1234.56, 'pt-br', 1), '1.234,6');
    assert.equal(formatNumber(245, 'pt-br'), '245');
  });

  it('relative times with pt-br, long and short (the lens of the issue read "3 yr. ago")', () => {
    const now = Date.parse('2023-11-01T00:00:00Z');
    assert.equal(relativeTime(at, now, 'pt-br'), 'há 3 anos');
    assert.equal(relativeTime(at, now, 'pt-br', 'short'), 'há 3 anos');
    assert.equal(relativeTime(at, now, 'en', 'short'), '3 yr. ago');
    assert.equal(relativeTime(now + 2 * 86_400_000, now, 'pt-br'), 'depois de amanhã');
  });
});
