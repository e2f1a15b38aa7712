// Builds every bundle. Usage: node esbuild.mjs [--production] [--watch] [--tests] [--bench]
//   dist/extension.js   activation bundle (vscode external; must not contain undici or zod)
//   dist/network.js     loaded on the first lookup: undici, zod schema, auth, client
//   dist/emulator.js    the local IDCloud, loaded when the Local emulator profile is used
//   dist/features.js    command-only features, required on first use (src/editor/lazy.ts)
//   dist/emulator-cli.js  `npm run emulator`
//   dist/sample-log.js    `npm run sample-log` (a log full of process IDs; not shipped)
//   dist/webview.js     the process panel's browser code
//   dist/triage.js      the triage view's browser code
//   dist-test/…         unit, host and bench bundles (with --tests / --bench)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');


const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/**
 * undici's index loads all of undici: fetch, WebSocket, EventSource, the mock agents, cache stores,
 * SOCKS and interceptors (about 280 KB minified of the network bundle, a quarter of the .vsix).
 * The product uses three of its values (src/core/dispatcher.ts, src/core/http.ts), so the network
 * bundle gets a module with exactly those, with the API methods undici's index puts on every dispatcher. TypeScript
 * still checks against undici's own types; the build fails if src imports any other value.
 */
const UNDICI_VALUES = ['Agent', 'ProxyAgent', 'getGlobalDispatcher'];
const undiciSlim = {
  name: 'undici-slim',
  setup(build) {
    build.onStart(() => {
      const used = new Set();
      for (const f of fs.readdirSync('src', { recursive: true }).filter((f) => f.endsWith('.ts'))) {
        const text = fs.readFileSync(path.join('src', f), 'utf8');
        for (const m of text.matchAll(/import\s+\{([^}]*)\}\s+from\s+'undici'/g)) {
          for (const name of m[1].split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))) used.add(name);
        }
        if (/import\s+(?!type\b)[\w*][^{]*from\s+'undici'|require\('undici/.test(text)) used.add(`the whole module (${f})`);
      }
      const extra = [...used].filter((n) => !UNDICI_VALUES.includes(n));
      if (extra.length) return { errors: [{ text: `src uses undici's ${extra.join(', ')}: add it to UNDICI_VALUES in esbuild.mjs` }] };
    });
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'undici-slim' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-slim' }, () => ({
      resolveDir: process.cwd(),
      loader: 'js',
      contents: `
        // undici's index gives every dispatcher the API methods (request, stream…) this way.
        const Dispatcher = require('undici/lib/dispatcher/dispatcher');
        Object.assign(Dispatcher.prototype, require('undici/lib/api'));
        module.exports = { Agent: require('undici/lib/dispatcher/agent'), ProxyAgent: require('undici/lib/dispatcher/proxy-agent'), getGlobalDispatcher: require('undici/lib/global').getGlobalDispatcher };
      `,
    }));
  },
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { network: 'src/core/network.ts' }, outdir: 'dist', plugins: [undiciSlim] },
  // Issue 9: what only a command or an opened view needs stays out of the activation bundle.
  { ...node, entryPoints: { features: 'src/editor/features.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { emulator: 'src/emulator/index.ts' }, outdir: 'dist', loader: { '.pdf': 'binary', '.png': 'binary', '.jpg': 'binary' } },
  { ...node, entryPoints: { 'emulator-cli': 'src/emulator/cli.ts' }, outdir: 'dist', loader: { '.pdf': 'binary', '.png': 'binary', '.jpg': 'binary' } },
  { ...node, entryPoints: { 'sample-log': 'src/emulator/sampleLogCli.ts' }, outdir: 'dist' },
  {
    ...node, platform: 'browser', format: 'iife', target: 'chrome120',
    entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist',
  },
  {
    ...node, platform: 'browser', format: 'iife', target: 'chrome120',
    entryPoints: { triage: 'src/webview/triage/main.ts' }, outdir: 'dist',
  },
];

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

if (args.has('--tests') || args.has('--bench')) {
  const common = {
    ...node, sourcemap: 'inline', minify: false, packages: 'external',
    loader: { '.pdf': 'binary', '.png': 'binary', '.jpg': 'binary' },
  };
  if (args.has('--tests')) {
    builds.push({ ...common, entryPoints: testEntries('test/unit'), outdir: 'dist-test/unit', outbase: 'test/unit' });
    builds.push({ ...common, entryPoints: testEntries('test/host'), outdir: 'dist-test/host', outbase: 'test/host', external: ['vscode'] });
  }
  if (args.has('--bench')) {
    builds.push({ ...common, entryPoints: testEntries('test/bench'), outdir: 'dist-test/bench', outbase: 'test/bench' });
  }
}

/** The activation bundle must stay small: undici and zod belong to the lazy network bundle. */
const ACTIVATION_BUDGET_BYTES = 150 * 1024;

/** Neither the activation bundle nor a feature bundle may carry the network code. */
function checkNoNetworkCode(result, what) {
  const inputs = Object.keys(result.metafile.inputs);
  const heavy = inputs.filter((p) => /node_modules[\\/](undici|zod)[\\/]/.test(p));
  if (heavy.length) {
    throw new Error(`${what} must not contain undici or zod; it pulls in:\n  ${heavy.slice(0, 5).join('\n  ')}`);
  }
}

async function checkActivationBundle(build, result) {
  checkNoNetworkCode(result, 'dist/extension.js');
  // Issue 9: the shipped (minified) activation bundle stays within 150 KB. A development build
  // is built again in memory as production builds it, to measure the same thing (minifying the
  // development output afterwards cannot rename its top-level names: ~20 KB more).
  const bytes = production
    ? fs.statSync('dist/extension.js').size
    : (await esbuild.build({ ...build, minify: true, sourcemap: false, metafile: false, write: false })).outputFiles[0].contents.length;
  if (bytes > ACTIVATION_BUDGET_BYTES) {
    throw new Error(`dist/extension.js is ${(bytes / 1024).toFixed(1)} KB minified, over its ${ACTIVATION_BUDGET_BYTES / 1024} KB budget: move what activation does not need into a lazily loaded bundle (dist/features.js, src/editor/lazy.ts; DESIGN §13)`);
  }
}

const present = builds.filter((b) => Object.values(b.entryPoints).every((e) => fs.existsSync(e)) && Object.keys(b.entryPoints).length > 0);
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching…');
} else {
  const results = await Promise.all(present.map((b) => esbuild.build(b)));
  for (const [i, r] of results.entries()) {
    if (present[i].entryPoints.extension) await checkActivationBundle(present[i], r);
    if (present[i].entryPoints.features) checkNoNetworkCode(r, 'dist/features.js');
  }
}
