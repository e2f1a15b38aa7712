import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The panel and the triage view draw codicons from media/icons.css only (the font is not shipped).
// Every icon the webview code names must have its mask there, every mask must be used, and each
// mask must be a self-contained SVG data: URL (the CSP allows data: images and nothing remote).
const ROOT = process.cwd();
const css = readFileSync(resolve(ROOT, 'media/icons.css'), 'utf8');
const source = readFileSync(resolve(ROOT, 'src/webview/icons.ts'), 'utf8');

function declared(): string[] {
  const list = /export const CODICONS = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([a-z-]+)'/g)].map((m) => m[1] ?? '');
}

function masks(): Map<string, string> {
  return new Map([...css.matchAll(/^\.codicon-([a-z-]+) \{ --codicon: url\("([^"]*)"\); \}$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('codicons shipped as CSS masks', () => {
  it('has a mask for every icon the webview names, and no mask nobody uses', () => {
    const names = declared();
    assert.ok(names.length >= 8, `expected the codicon list in src/webview/icons.ts, found ${names.join(', ')}`);
    assert.deepEqual([...masks().keys()].sort(), [...names].sort());
  });

  it('maps every verdict, triage bucket and flag tone to a declared icon', () => {
    const names = new Set(declared());
    const used = [...source.matchAll(/(?:[A-Za-z]: |Codicon = )'([a-z-]+)'/g)].map((m) => m[1] ?? '');
    assert.ok(used.length >= 20);
    for (const name of used) assert.ok(names.has(name), `${name} is used but not in CODICONS`);
  });

  it('embeds each icon as an SVG data: URL with no remote reference, and credits the licence', () => {
    for (const [name, url] of masks()) {
      assert.match(url, /^data:image\/svg\+xml,%3Csvg viewBox='0 0 16 16' xmlns='http:\/\/www\.w3\.org\/2000\/svg'%3E/, name);
      assert.doesNotMatch(url.replace("xmlns='http://www.w3.org/2000/svg'", ''), /https?:|href|script/i, name);
    }
    assert.match(css, /CC BY 4\.0/);
    assert.ok(Buffer.byteLength(css) < 12_000, `media/icons.css is ${Buffer.byteLength(css)} bytes`);
  });
});
