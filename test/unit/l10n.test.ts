import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Run from the repository root (npm scripts do). English and pt-BR side by side: every English
// key has a translation, placeholders survive, and no translation outlives its English source.
const ROOT = process.cwd();

function readJson(file: string): Record<string, unknown> {
  const path = resolve(ROOT, file);
  assert.ok(existsSync(path), `${file} is missing`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** A bundle entry is a string or, with a translator comment, { message, comment }. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string') return value.message;
  return undefined;
}

function placeholders(s: string): string {
  return [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(' ');
}

/** Every way `translated` fails to cover `english`, one line each. */
function coverageProblems(english: Record<string, unknown>, translated: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(english)) {
    const source = text(value);
    const target = text(translated[key]);
    if (source === undefined) problems.push(`English entry is not a string: ${JSON.stringify(key)}`);
    else if (target === undefined || target.trim() === '') problems.push(`missing pt-BR: ${JSON.stringify(key)}`);
    else if (placeholders(source) !== placeholders(target)) {
      problems.push(`placeholders differ in ${JSON.stringify(key)}: [${placeholders(source)}] → [${placeholders(target)}]`);
    }
  }
  for (const key of Object.keys(translated)) {
    if (!(key in english)) problems.push(`stale pt-BR (no English source): ${JSON.stringify(key)}`);
  }
  return problems;
}

function unsorted(file: string): string[] {
  const keys = Object.keys(readJson(file));
  return keys.filter((k, i) => i > 0 && keys[i - 1]! > k);
}

describe('l10n: pt-BR covers every English string', () => {
  it('finds a missing, a stale and a placeholder-losing translation (the check can fail)', () => {
    const problems = coverageProblems(
      { 'Look up {0}': 'Look up {0}', 'Refresh': 'Refresh', 'Copy': 'Copy' },
      { 'Look up {0}': 'Consultar', 'Copy': 'Copiar', 'Old': 'Antigo' },
    );
    assert.deepEqual(problems, [
      'placeholders differ in "Look up {0}": [{0}] → []',
      'missing pt-BR: "Refresh"',
      'stale pt-BR (no English source): "Old"',
    ]);
    assert.deepEqual(coverageProblems({ 'a {0} b {1}': 'a {0} b {1}' }, { 'a {0} b {1}': '{1} c {0}' }), []);
  });

  it('l10n/bundle.l10n.pt-br.json translates every string of l10n/bundle.l10n.json', () => {
    assert.deepEqual(coverageProblems(readJson('l10n/bundle.l10n.json'), readJson('l10n/bundle.l10n.pt-br.json')), []);
  });

  it('package.nls.pt-br.json translates every key of package.nls.json', () => {
    assert.deepEqual(coverageProblems(readJson('package.nls.json'), readJson('package.nls.pt-br.json')), []);
  });

  it('every %key% of package.json is in package.nls.json', () => {
    const nls = readJson('package.nls.json');
    const used = [...readFileSync(resolve(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length > 0);
    assert.deepEqual(used.filter((k) => !(k in nls)), []);
  });

  it('keeps the translation files sorted by key, so parallel additions merge cleanly', () => {
    assert.deepEqual(unsorted('l10n/bundle.l10n.pt-br.json'), []);
    assert.deepEqual(unsorted('l10n/bundle.l10n.json'), []);
  });
});
