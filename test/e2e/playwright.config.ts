// Playwright for the e2e tier: Debian's Chromium (no browser download), one worker (2 cores:
// one code-server and one browser at a time). Run it through test/harness/run-e2e.mjs: it gives
// Playwright and Chromium private XDG_* and TMPDIR dirs and runs the smoke spec a second time
// against the installed .vsix.
import * as path from 'node:path';
import { defineConfig } from '@playwright/test';
import chromium from '../harness/lib/chromium.json';

const mode = process.env.HARNESS_EXTENSIONS_DIR ? 'vsix' : 'dev';
const results = path.join(__dirname, '../../test-results');

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Playwright's TS transform must not touch the harness's ES modules (it would turn them into
  // CommonJS inside an .mjs file); Node loads them as they are
  build: { external: ['**/test/harness/lib/**'] },
  // Playwright empties its outputDir on every run: keep it apart from the key-screen PNGs
  outputDir: path.join(results, `playwright-${mode}`),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.HARNESS_PLAYWRIGHT_JSON ?? path.join(results, `playwright-${mode}.json`) }],
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath, args: chromium.args },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
