// The English string bundle, extracted from the source by the official @vscode/l10n-dev analyser.
//   node test/harness/l10n-bundle.mjs          writes l10n/bundle.l10n.json  (`npm run l10n`)
//   node test/harness/l10n-bundle.mjs --check  fails when the committed bundle is out of date
// Every vscode.l10n.t('…') call in src is read. A pure module that cannot import vscode (all of
// src/core, which marks its literals with the l10n.t of src/core/l10n.ts; or an editor module
// such as ids/summaryText.ts that is handed vscode.l10n as a parameter named `l10n`) is shown
// to the analyser with an `import { l10n } from 'vscode'` line added, so its l10n.t('…') calls
// are read the same way. Only literal first arguments are read: never alias `t = vscode.l10n.t`.
// Keys are sorted, so that branches adding strings merge cleanly.
import { getL10nJson } from '@vscode/l10n-dev';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = path.join(ROOT, 'l10n/bundle.l10n.json');

function sources() {
  const src = path.join(ROOT, 'src');
  return fs.readdirSync(src, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => {
      const contents = fs.readFileSync(path.join(src, f), 'utf8');
      const pure = !/from 'vscode'/.test(contents) && contents.includes('l10n.t(');
      return { extension: '.ts', contents: pure ? `import { l10n } from 'vscode';\n${contents}` : contents };
    });
}

export async function extract() {
  const bundle = await getL10nJson(sources());
  const sorted = {};
  for (const key of Object.keys(bundle).sort()) sorted[key] = bundle[key];
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await extract();
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE, 'utf8') : '';
    if (committed !== text) {
      console.error('l10n/bundle.l10n.json is out of date with the source: run `npm run l10n` and commit it.');
      process.exit(1);
    }
    console.log(`l10n/bundle.l10n.json: ${Object.keys(JSON.parse(text)).length} strings, up to date`);
  } else {
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    fs.writeFileSync(BUNDLE, text);
    console.log(`l10n/bundle.l10n.json: ${Object.keys(JSON.parse(text)).length} strings`);
  }
}
