// Triage a whole log as a user would, in the real workbench on the Local emulator profile: open a
// generated log of 2,000+ IDs (the 13 catalogue IDs of test/fixtures/triage/onboarding.log among
// 2,000 IDs the emulator does not know, which answer 404 until the emulator's synthetic mode
// lands), run Resolve All from the palette, read the counts, filter to Invalid identity, open one
// (the process panel opens), export the CSV through the save dialog and check the file.
// Screenshots of the triage view in dark and light themes go to test-results/.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, type Workbench } from './fixtures';
import { ROOT, WORKSPACE } from '../harness/lib/harness.mjs';

const FIXTURE = path.join(ROOT, 'test/fixtures/triage/onboarding.log');
const UNKNOWN = 2000;
const LOG = 'triage-e2e.log';
const SMALL_LOG = 'triage-e2e-small.log';
const EXPORTED = path.join(WORKSPACE, 'triage-e2e-export.csv');
const INVALID = ['3c21fcf7-b8b3-428c-9fe3-d38c3b8e0dbe', 'aec0c9f8-2dae-48b5-95d2-eebd14c00e47', '6ec14f84-e434-40b8-adec-25e919d9df1b'];

test.beforeAll(() => {
  const catalogue = fs.readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
  const lines: string[] = [];
  for (let i = 0; i < UNKNOWN; i++) {
    if (i % 150 === 0 && catalogue.length > 0) lines.push(catalogue.shift() ?? '');
    lines.push(`2026-03-02T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z INFO onboarding created processId=${randomUUID()}`);
  }
  lines.push(...catalogue);
  fs.writeFileSync(path.join(WORKSPACE, LOG), `${lines.join('\n')}\n`);
  fs.copyFileSync(FIXTURE, path.join(WORKSPACE, SMALL_LOG));
});

test.afterAll(() => {
  for (const f of [LOG, SMALL_LOG, path.basename(EXPORTED)]) fs.rmSync(path.join(WORKSPACE, f), { force: true });
});

async function resolveAll(wb: Workbench, file: string): Promise<ReturnType<Workbench['webviewFrame']>> {
  await wb.quickOpen(file);
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

  test('a user resolves a log of 2,000+ IDs, filters to Invalid identity, opens one and exports the CSV', async ({ openWorkbench }) => {
    const wb = await openWorkbench({ settings: { 'idcloud.rateLimitPerSecond': 100, 'workbench.colorTheme': 'Default Dark Modern' } });
    const frame = await resolveAll(wb, LOG);
    // Every ID answered: the counts match the catalogue's verdicts (and 404 for the rest).
    await expect(count(frame, 'notFound')).toHaveText('2,002', { timeout: 180_000 });
    await expect(frame.locator('.count[data-bucket="unresolved"]')).toHaveCount(0);
    await expect(count(frame, 'ok')).toHaveText('3');
    await expect(count(frame, 'invalidIdentity')).toHaveText('3');
    await expect(count(frame, 'expired')).toHaveText('1');
    await expect(count(frame, 'pending')).toHaveText('2');
    await expect(count(frame, 'error')).toHaveText('2');
    await expect(frame.locator('.shown')).toHaveText('2,013 of 2,013 rows');
    await expect(frame.locator('body.vscode-dark')).toBeVisible();
    await wb.shot('triage-dark');

    await frame.locator('.count[data-bucket="invalidIdentity"]').click();
    await expect(frame.locator('.shown')).toHaveText('3 of 2,013 rows');
    const ids = frame.locator('.tr:not([hidden]) .col-id');
    await expect(ids).toHaveText(INVALID); // in file order
    await expect(frame.locator('.tr:not([hidden]) .verdict-word').first()).toHaveText('Invalid identity');
    await frame.locator('.tr:not([hidden]) .col-person').first().waitFor();
    await wb.shot('triage-dark-invalid-identity');

    await ids.first().click();
    await expect(wb.tab(`${INVALID[0]?.slice(0, 8) ?? ''} · Local emulator`)).toBeVisible({ timeout: 30_000 });

    await wb.tab(`Triage: ${LOG}`).click();
    const again = wb.webviewFrame();
    await expect(again.locator('.shown')).toHaveText(/of 2,013 rows/);
    // A reopened webview starts unfiltered: filter again, then export what is shown.
    await again.locator('.count[data-bucket="invalidIdentity"]').click();
    await expect(again.locator('.shown')).toHaveText('3 of 2,013 rows');
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
    await expect(wb.toast('Exported 3 rows to triage-e2e-export.csv.')).toBeVisible({ timeout: 30_000 });

    const csv = fs.readFileSync(EXPORTED, 'utf8');
    expect(csv.startsWith('\uFEFFid,verdict,bucket,state,result,flow,created,finished,occurrences,firstLine,person\r\n')).toBe(true);
    const records = csv.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    expect(records.map((r) => r[0])).toEqual(INVALID);
    expect(records.map((r) => r[2])).toEqual(['invalidIdentity', 'invalidIdentity', 'invalidIdentity']);
    expect(csv).not.toMatch(/Diego|Ana |Carla|Bruno/); // names masked unless revealed
    expect(wb.hostErrors).toEqual([]);
  });

  test('screenshot in Default Light Modern', async ({ openWorkbench }) => {
    const wb = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    const frame = await resolveAll(wb, SMALL_LOG);
    await expect(count(frame, 'notFound')).toHaveText('2', { timeout: 60_000 });
    await expect(count(frame, 'invalidIdentity')).toHaveText('3');
    await expect(frame.locator('body.vscode-light')).toBeVisible();
    await wb.shot('triage-light');
  });
});
