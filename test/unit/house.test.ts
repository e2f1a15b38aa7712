import assert from 'node:assert/strict';
import path from 'node:path';
import { findCycles, importsOf, lineCount } from '../harness/lib/house.mjs';

// The static tier's house check (test/harness/house-check.mjs) on graphs small enough to read.
describe('house check', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

  it('finds no cycle in a graph whose arrows all run one way', () => {
    assert.deepEqual(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: [], d: ['a'] })), []);
  });

  it('finds a two-file cycle, a longer one and a file importing itself, each once', () => {
    const cycles = findCycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c', 'a'], f: ['f'], g: ['a'] }));
    assert.deepEqual(cycles.map((c) => c.join('→')).sort(), ['a→b→a', 'c→d→e→c', 'f→f']);
  });

  it('names the shortest way round a tangle of several cycles', () => {
    assert.deepEqual(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: ['d'], d: ['a', 'b'] })), [['a', 'c', 'd', 'a']]);
  });

  it('reads type-only, re-export and lazy imports as arrows, and leaves packages and other files out', () => {
    const dir = path.resolve('/src/core');
    const known = new Set(['schema.ts', 'types.ts', 'errors.ts', 'network.ts', 'index.ts', 'sub/index.ts'].map((f) => path.join(dir, f)));
    const text = [
      "import type { Process } from './schema';",
      "export * from './errors';",
      "import * as z from 'zod/mini';",
      "import pdf from './fixture.pdf';",
      "import { x } from './sub';",
      "const load = () => import('./network');",
    ].join('\n');
    assert.deepEqual(importsOf(path.join(dir, 'types.ts'), text, known),
      ['errors.ts', 'network.ts', 'schema.ts', 'sub/index.ts'].map((f) => path.join(dir, f)));
  });

  it('counts lines as wc -l does, and a last line without a newline', () => {
    assert.deepEqual([lineCount(''), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')], [0, 1, 2, 2]);
  });
});
