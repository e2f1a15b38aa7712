import * as assert from 'node:assert/strict';
import { Needles } from '../../src/core/needles';

describe('Needles (many strings, one pass)', () => {
  const spans = (needles: string[], text: string): string[] => new Needles(needles).find(text).map(([s, e]) => text.slice(s, e));

  it('finds every needle, leftmost first, the longest at each start, without overlap', () => {
    assert.deepStrictEqual(spans(['he', 'she', 'his', 'hers'], 'ushers'), ['she']);
    assert.deepStrictEqual(spans(['abcd', 'bc', 'cd'], 'abcd bcd'), ['abcd', 'bc']);
    assert.deepStrictEqual(spans(['aa'], 'aaaaa'), ['aa', 'aa']);
    assert.deepStrictEqual(spans(['Maria', 'Maria da Silva'], 'Sra. Maria da Silva, Maria'), ['Maria da Silva', 'Maria']);
  });

  it('follows failure links across partial matches', () => {
    assert.deepStrictEqual(spans(['abcx', 'bcy', 'cz'], 'abcz abcy abcx'), ['cz', 'bcy', 'abcx']);
  });

  it('handles no needles, empty needles and non-ASCII text', () => {
    assert.deepStrictEqual(spans([], 'anything'), []);
    assert.deepStrictEqual(spans([''], 'anything'), []);
    assert.deepStrictEqual(spans(['João', '😀x'], 'Sr. João 😀x'), ['João', '😀x']);
  });
});
