// `node test/harness/house-check.mjs`: part of the static tier of `npm test`. Fails (exit 1, one
// line per problem) on an import cycle among the files under src/ and on a src file over 300 lines.
import path from 'node:path';
import { findCycles, importGraph, longFiles, MAX_LINES, sourceFiles } from './lib/house.mjs';
import { ROOT } from './lib/harness.mjs';

const files = sourceFiles(path.join(ROOT, 'src'));
const rel = (f) => path.relative(ROOT, f);
const cycles = findCycles(importGraph(files));
const long = longFiles(files);
for (const cycle of cycles) console.error(`✘ import cycle: ${cycle.map(rel).join(' → ')}`);
for (const { file, lines } of long) console.error(`✘ ${rel(file)}: ${lines} lines (at most ${MAX_LINES})`);
const problems = cycles.length + long.length;
console.log(`house: ${files.length} files under src/, ${cycles.length} import cycle(s), ${long.length} file(s) over ${MAX_LINES} lines`);
process.exit(problems ? 1 : 0);
