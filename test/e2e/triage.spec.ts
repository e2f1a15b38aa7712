// Triage a whole log as a user would, in the real workbench on the Local emulator profile in
// synthetic mode (any UUID resolves to a realistic process): open a generated log of 2,000
// distinct IDs (the sample-log generator), run Resolve All from the palette, read the counts
// (they add up to every ID, none left unlooked), filter to Invalid identity, open one (the process
// panel opens), export the CSV through the save dialog and check the file holds exactly those rows.
// A second workbench resolves the fixture log of catalogue IDs (known verdicts) in the light theme.
// Screenshots of the triage view in dark and light themes go to test-results/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, type Workbench } from './fixtures';
import { ROOT, WORKSPACE } from '../harness/lib/harness.mjs';
import { writeSampleLog } from '../../src/emulator/sampleLog';

const FIXTURE = path.join(ROOT, 'test/fixtures/triage/onboarding.log');
const IDS = 2000;
const LOG = 'triage-e2e.log';
const SMALL_LOG = 'triage-e2e-small.log';
const EXPORTED = path.join(WORKSPACE, 'triage-e2e-export.csv');

test.beforeAll(async () => {
  await writeSampleLog(path.join(WORKSPACE, LOG), { ids: IDS, seed: 9 });
  fs.copyFileSync(FIXTURE, path.join(WORKSPACE, SMALL_LOG));
});

test.afterAll(() => {
  for (const f of [LOG, SMALL_LOG, path.basename(EXPORTED)]) fs.rmSync(path.join(WORKSPACE, f), { force: true });
});

/** The workbench opened `file` at load; Resolve All runs on the active editor. */
async function resolveAll(wb: Workbench, file: string): Promise<ReturnType<Workbench['webviewFrame']>> {
  await expect(wb.page.locator('.tabs-container .tab.active', { hasText: file })).toBeVisible({ timeout: 60_000 });
  await wb.editor.locator('.view-line').first().waitFor();
  // Activated (onLanguage:log): the profile's status-bar item is up. On a loaded machine the palette
  // can list the command before the extension host has finished activating.
  await expect(wb.statusItem('Local emulator')).toBeVisible({ timeout: 120_000 });
  await wb.runCommand('IDCloud: Resolve All Process IDs in File');
  await expect(wb.tab(`Triage: ${file}`)).toBeVisible({ timeout: 60_000 });
  const frame = wb.webviewFrame();
  await expect(frame.locator('.counts')).toBeVisible({ timeout: 60_000 });
  return frame;
}

function count(frame: ReturnType<Workbench['webviewFrame']>, bucket: string): ReturnType<ReturnType<Workbench['webviewFrame']>['locator']> {
  return frame.locator(`.count[data-bucket="${bucket}"] .count-value`);
}

test.describe('triage', () => {
  test.setTimeout(300_000);

  test('a user resolves a generated log of 2,000 IDs, filters to Invalid identity, opens one and exports the CSV', async ({ openWorkbench }) => {
    const wb = await openWorkbench({
      settings: { 'idcloud.rateLimitPerSecond': 100, 'idcloud.emulator.synthetic': true, 'workbench.colorTheme': 'Default Dark Modern' },
      openFile: path.join(WORKSPACE, LOG),
    });
    const frame = await resolveAll(wb, LOG);
    // Done when nothing is left unlooked and the run's status line is gone.
    await expect(frame.locator('.shown')).toHaveText('2,000 of 2,000 rows', { timeout: 60_000 });
    await expect(frame.locator('.count[data-bucket="unresolved"]')).toHaveCount(0, { timeout: 240_000 });
    await expect(frame.locator('.status')).toHaveText('', { timeout: 60_000 });
    const counts: Record<string, number> = {};
    for (const bucket of ['ok', 'invalidIdentity', 'expired', 'pending', 'notFound', 'error']) {
      counts[bucket] = Number((await count(frame, bucket).textContent())?.replace(/,/g, ''));
    }
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(IDS);
    for (const bucket of ['ok', 'invalidIdentity', 'pending']) expect(counts[bucket]).toBeGreaterThan(0); // a realistic mix
    await expect(frame.locator('body.vscode-dark')).toBeVisible();
    await wb.shot('triage-dark');

    const invalid = counts.invalidIdentity ?? 0;
    const shownInvalid = `${invalid.toLocaleString('en')} of 2,000 rows`;
    await frame.locator('.count[data-bucket="invalidIdentity"]').click();
    await expect(frame.locator('.shown')).toHaveText(shownInvalid);
    const firstRow = frame.locator('.tr:not([hidden])').first();
    await expect(firstRow.locator('.verdict-word')).toHaveText('Invalid identity');
    await wb.shot('triage-dark-invalid-identity');
    const id = (await firstRow.locator('.col-id').textContent()) ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await firstRow.locator('.col-id').click();
    await expect(wb.tab(`${id.slice(0, 8)} · Local emulator`)).toBeVisible({ timeout: 30_000 });
    await expect(wb.webviewFrame().locator('header.banner')).toHaveClass(/verdict-invalidIdentity/);

    await wb.tab(`Triage: ${LOG}`).click();
    const again = wb.webviewFrame();
    await expect(again.locator('.shown')).toHaveText(/of 2,000 rows/);
    // A reopened webview starts unfiltered: filter again, then export what is shown.
    await again.locator('.count[data-bucket="invalidIdentity"]').click();
    await expect(again.locator('.shown')).toHaveText(shownInvalid);
    await again.getByRole('button', { name: 'Export CSV…' }).click();
    // code-server's save dialog is the simple one: a path in the quick input.
    const dialog = wb.page.locator('.quick-input-widget');
    await expect(wb.quickInput).toHaveValue(/\.csv$/);
    await expect(async () => {
      await wb.quickInput.fill(EXPORTED);
      await expect(wb.quickInput).toHaveValue(EXPORTED, { timeout: 1_000 });
      await wb.page.keyboard.press('Enter');
      await expect(dialog).toBeHidden({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(wb.toast(`Exported ${invalid.toLocaleString('en')} rows to triage-e2e-export.csv.`)).toBeVisible({ timeout: 30_000 });

    const csv = fs.readFileSync(EXPORTED, 'utf8');
    expect(csv.startsWith('\uFEFFid,verdict,bucket,state,result,flow,created,finished,occurrences,firstLine,person\r\n')).toBe(true);
    const records = csv.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    expect(records).toHaveLength(invalid);
    expect(records[0]?.[0]).toBe(id); // sorted as shown: file order
    expect(new Set(records.map((r) => r[2]))).toEqual(new Set(['invalidIdentity']));
    expect(wb.hostErrors).toEqual([]);
  });

  test('screenshot in Default Light Modern', async ({ openWorkbench }) => {
    const wb = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern' }, openFile: path.join(WORKSPACE, SMALL_LOG) });
    const frame = await resolveAll(wb, SMALL_LOG);
    await expect(count(frame, 'notFound')).toHaveText('2', { timeout: 60_000 });
    await expect(count(frame, 'invalidIdentity')).toHaveText('3');
    await expect(frame.locator('body.vscode-light')).toBeVisible();
    await wb.shot('triage-light');
  });
});
