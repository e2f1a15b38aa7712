// The loader of the lazily required features bundle (src/editor/lazy.ts): built once, a bundle
// (or a feature in it) that cannot be loaded becomes a FeatureLoadError naming the file (and the next call tries
// again), and disposing disposes only what was built.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FeatureLoadError, isFeatureLoadError, LazyFeature } from '../../src/editor/lazy';

interface Counter {
  readonly built: number;
}

describe('LazyFeature', () => {
  let dir: string;
  let file: string;
  /** Writes dist/features.js as esbuild would: one export per feature, `body` run as its module. */
  const writeBundle = (features: Record<string, string>): void => {
    const parts = Object.entries(features).map(([name, body]) => `exports[${JSON.stringify(name)}] = (() => { const exports = {}; ${body}\n return exports; })();`);
    fs.writeFileSync(file, parts.join('\n'));
  };
  const logged: string[] = [];
  const log = { info: (m: string) => { logged.push(`info ${m}`); }, error: (m: string) => { logged.push(`error ${m}`); } };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-lazy-'));
    file = path.join(dir, 'features.js');
    logged.length = 0;
  });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('requires the bundle and builds the feature on the first get(), then returns the same one', async () => {
    writeBundle({ counter: 'let n = 0; exports.make = () => ({ built: ++n });' });
    let builds = 0;
    const feature = new LazyFeature('counter', (m: { make(): Counter }) => { builds++; return m.make(); }, log, file);
    assert.equal(feature.loaded, undefined);
    const first = feature.get();
    assert.equal(first.built, 1);
    assert.equal(feature.get(), first);
    assert.equal(await feature.load(), first);
    assert.equal(feature.loaded, first);
    assert.equal(builds, 1);
    assert.match(logged.join('\n'), /^info counter: loaded on first use in \d+\.\d ms$/);
  });

  it('turns a missing bundle into a FeatureLoadError naming its file, and tries again next time', async () => {
    const feature = new LazyFeature('missing', (m: { value: number }) => m.value, log, file);
    assert.throws(() => feature.get(), (e: unknown) => e instanceof FeatureLoadError && e.file === 'dist/features.js' && e.feature === 'missing');
    await assert.rejects(feature.load(), (e: unknown) => isFeatureLoadError(e));
    assert.match(logged[0] ?? '', /^error FeatureLoadError: could not load dist\/features\.js: /);
    writeBundle({ missing: 'exports.value = 42;' });
    assert.equal(feature.get(), 42);
  });

  it('a bundle without the feature is a FeatureLoadError naming the feature', () => {
    writeBundle({ other: 'exports.value = 1;' });
    const feature = new LazyFeature('absent', (m: { value: number }) => m.value, log, file);
    assert.throws(() => feature.get(), (e: unknown) => isFeatureLoadError(e) && e.feature === 'absent' && /no feature "absent"/.test(e.message));
  });

  it('a bundle that throws while loading or building is a FeatureLoadError too', () => {
    writeBundle({ broken: 'throw new Error("syntax of a half-copied file");' });
    const feature = new LazyFeature('broken', (m: object) => m, log, file);
    assert.throws(() => feature.get(), (e: unknown) => isFeatureLoadError(e) && /half-copied/.test(e.message));
    assert.equal(isFeatureLoadError(new Error('could not load')), false);
  });

  it('disposes what was built, once; never builds after being disposed', () => {
    writeBundle({ owned: 'exports.make = () => { const o = { disposed: 0, dispose() { o.disposed++; } }; return o; };' });
    const unused = new LazyFeature('owned', (m: { make(): { disposed: number; dispose(): void } }) => m.make(), log, file);
    unused.dispose();
    assert.throws(() => unused.get(), /after the extension was deactivated/);
    const used = new LazyFeature('owned', (m: { make(): { disposed: number; dispose(): void } }) => m.make(), log, file);
    const built = used.get();
    used.dispose();
    used.dispose();
    assert.equal(built.disposed, 1);
  });
});
