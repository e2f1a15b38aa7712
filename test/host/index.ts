// The mocha runner the extension host loads (extensionTestsPath = dist-test/host/index.js).
// It runs every dist-test/host/**/*.test.js (BDD: describe/it), writes { passes, failures } to
// $HARNESS_RESULTS_FILE for the harness's summary, and rejects when a test failed, which makes
// the workbench (or desktop VS Code) exit with code 1. HARNESS_GREP narrows the run.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  const grep = process.env.HARNESS_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      const resultsFile = process.env.HARNESS_RESULTS_FILE;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passes, failures }));
      if (failures > 0) reject(new Error(`${failures} host test(s) failed`));
      else if (files.length === 0) reject(new Error(`no *.test.js under ${__dirname}`));
      else resolve();
    });
  });
}
