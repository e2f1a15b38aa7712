import * as assert from 'node:assert/strict';
import { type BackgroundBlock, backgroundBlock } from '../../src/core/background';

describe('background policy (DESIGN.md §15)', () => {
  // every combination: trusted × production × credentials → the answer
  const table: readonly [trusted: boolean, production: boolean, hasCredentials: boolean, expected: BackgroundBlock | undefined][] = [
    [true, false, true, undefined],
    [true, false, false, 'noCredentials'],
    [true, true, true, 'production'],
    [true, true, false, 'noCredentials'],
    [false, false, true, 'untrusted'],
    [false, false, false, 'untrusted'],
    [false, true, true, 'untrusted'],
    [false, true, false, 'untrusted'],
  ];
  for (const [trusted, production, hasCredentials, expected] of table) {
    it(`trusted=${String(trusted)} production=${String(production)} credentials=${String(hasCredentials)} → ${expected ?? 'may fetch'}`, () => {
      assert.equal(backgroundBlock({ trusted, production, hasCredentials }), expected);
    });
  }

  it('allows background lookups only in one case of eight', () => {
    assert.equal(table.filter(([, , , e]) => e === undefined).length, 1);
  });
});
