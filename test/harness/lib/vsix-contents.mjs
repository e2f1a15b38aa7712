// What the packaged extension ships, checked on the .vsix itself and on the extension code-server
// installed from it (run-e2e.mjs, before the smoke spec runs on it in English and pt-BR):
//   - the .vsix stays within 300 KB
//   - the .vsix holds the user README, the manifest with both nls files, both l10n bundles, every
//     bundle the manifest or the activation bundle loads, the walkthrough's media in both
//     languages, and none of the developer material (CONTRIBUTING.md, sources, tests, screenshots)
//   - the installed manifest is localised: every %key% has an English and a pt-BR entry, and its
//     walkthrough has its five steps with their media in both languages
//   - the installed readme is README.md (the user's page), not the developer guide
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID, ROOT } from './harness.mjs';

/** The names in a zip file, from its central directory (no dependency, no unzip binary). */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

const VSIX_BUDGET_KB = 300;

const headings = (text) => text.split('\n').filter((l) => /^## /.test(l)).map((l) => l.trim());

/** Every check as { name, problems: string[] } (passed when problems is empty). */
export function checkPackagedExtension(vsix, extensionsDir) {
  const checks = [];
  const check = (name, fn) => {
    let problems;
    try {
      problems = fn();
    } catch (e) {
      problems = [e instanceof Error ? e.message : String(e)];
    }
    checks.push({ name, problems });
  };
  const entries = new Set(zipEntries(vsix).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  check('the .vsix stays within 300 KB (issue 11)', () => {
    const kb = fs.statSync(vsix).size / 1024;
    return kb > VSIX_BUDGET_KB ? [`${kb.toFixed(1)} KB: see what grew with unzip -lv, and keep it out of .vscodeignore's list or the bundles`] : [];
  });

  check('the .vsix holds what the extension loads, in both languages', () => {
    const walkthroughMedia = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown));
    const required = [
      'package.json', 'package.nls.json', 'package.nls.pt-br.json', 'readme.md', 'changelog.md', 'LICENSE.txt',
      // Only the translation: in English VS Code uses the source strings and never reads bundle.l10n.json
      // (the extension host skips the bundle for the default language), so the package leaves it out.
      `${manifest.l10n.replace(/^\.\//, '')}/bundle.l10n.pt-br.json`,
      manifest.main.replace(/^\.\//, ''), 'dist/network.js', 'dist/emulator.js', 'dist/webview.js', 'dist/triage.js', 'dist/features.js',
      manifest.icon, 'media/walkthrough/sample.log',
      ...walkthroughMedia, ...walkthroughMedia.map((m) => m.replace(/\.md$/, '.nls.pt-br.md')),
    ];
    return required.filter((f) => !entries.has(f)).map((f) => `missing ${f}`);
  });

  check('the .vsix ships no developer material', () => [...entries]
    .filter((f) => /^(CONTRIBUTING\.md|src\/|test\/|media\/screenshots\/|node_modules\/|dist-test\/|.*\.map$|.*\.ts$)/i.test(f))
    .map((f) => `ships ${f}`));

  const installed = path.join(extensionsDir, fs.readdirSync(extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`)) ?? '');
  const read = (f) => fs.readFileSync(path.join(installed, f), 'utf8');

  check('the installed readme is the user README, not the developer guide', () => {
    const readme = read('readme.md');
    const problems = headings(readme).length === 0 ? ['readme.md has no sections'] : [];
    for (const h of headings(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))) if (!readme.includes(h)) problems.push(`readme.md lacks "${h}"`);
    const userHeadings = new Set(headings(readme));
    for (const h of headings(fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8'))) if (userHeadings.has(h)) problems.push(`readme.md has the developer guide's "${h}"`);
    return problems;
  });

  check('the installed manifest is localised (English and pt-BR) and contributes the walkthrough', () => {
    const pkg = read('package.json');
    const en = JSON.parse(read('package.nls.json'));
    const pt = JSON.parse(read('package.nls.pt-br.json'));
    const keys = [...new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
    const problems = keys.length === 0 ? ['no %key% in the installed package.json'] : [];
    for (const k of keys) {
      if (typeof en[k] !== 'string') problems.push(`package.nls.json lacks ${k}`);
      if (typeof pt[k] !== 'string') problems.push(`package.nls.pt-br.json lacks ${k}`);
    }
    const { contributes } = JSON.parse(pkg);
    const steps = contributes.walkthroughs?.[0]?.steps ?? [];
    if (steps.length !== 5) problems.push(`the walkthrough has ${steps.length} steps, not 5`);
    for (const s of steps) {
      if (!fs.existsSync(path.join(installed, s.media.markdown))) problems.push(`${s.id}: no ${s.media.markdown}`);
      if (!fs.existsSync(path.join(installed, s.media.markdown.replace(/\.md$/, '.nls.pt-br.md')))) problems.push(`${s.id}: no pt-BR media`);
      if (!s.completionEvents?.length) problems.push(`${s.id}: no completion event`);
    }
    if ((contributes.commands ?? []).length === 0) problems.push('no commands contributed');
    return problems;
  });

  return checks;
}
