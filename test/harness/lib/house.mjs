// The house rules a reader can check mechanically (DESIGN: no import cycle, files ≤ 300 lines),
// for every TypeScript file under src/: the extension, the core, the emulator and both webview
// bundles. Imports are read with TypeScript's own pre-processor, so `import type`, `export … from`
// and lazy `import('…')` all count: a cycle of types is still two files that cannot be read apart.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const MAX_LINES = 300;

/** Every .ts file under `dir`, as absolute paths, sorted. */
export function sourceFiles(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** The relative imports of one file's text that resolve to one of `known` (absolute paths). */
export function importsOf(file, text, known) {
  const out = new Set();
  for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
    if (!spec.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec);
    const target = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => known.has(f));
    if (target !== undefined) out.add(target);
  }
  return [...out].sort();
}

/** file → the files it imports, for every file in `files`. */
export function importGraph(files) {
  const known = new Set(files);
  return new Map(files.map((f) => [f, importsOf(f, fs.readFileSync(f, 'utf8'), known)]));
}

/**
 * The import cycles of `graph` (node → nodes it imports): one cycle per strongly connected group
 * of nodes (Tarjan), as the path [a, b, …, a]. A file importing itself is a cycle too.
 */
export function findCycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(new Set(group));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups.map((group) => cycleWithin(graph, group));
}

/** One concrete cycle through the group's first node, found by a breadth-first walk inside the group. */
function cycleWithin(graph, group) {
  const start = [...group].sort()[0];
  const from = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const cycle = [start];
        for (let u = v; u !== start; u = from.get(u)) cycle.splice(1, 0, u);
        return [...cycle, start];
      }
      if (group.has(w) && !from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Files over MAX_LINES lines, with their line counts. */
export function longFiles(files) {
  return files
    .map((file) => ({ file, lines: lineCount(fs.readFileSync(file, 'utf8')) }))
    .filter((f) => f.lines > MAX_LINES);
}

/** Lines as `wc -l` counts them, plus a last line without its newline. */
export function lineCount(text) {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
