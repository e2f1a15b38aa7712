// Process IDs in a log, as a user meets them on the Local emulator profile (one workbench shared by
// the tests, in order): open the sample log, read the code lenses, hover the reference example and
// a 404 ID, click a lens to open the panel, right-click a selected ID to look it up, and list every ID of the file with Find Process IDs in
// File…. A screenshot of each step.
import { test, expect, type Workbench } from './fixtures';

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const UNKNOWN = '0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11'; // "-> 404 from IDCloud" in the sample log
const SAMPLE = 'sample.log'; // test/fixtures/workspace/sample.log, the workbench's folder

/** Bring the sample log to the front: its tab if an earlier test opened it (focus may sit in a webview), else Quick Open. */
async function showSample(wb: Workbench): Promise<void> {
  const tab = wb.tab(SAMPLE);
  if (await tab.isVisible()) await tab.click();
  else await wb.quickOpen(SAMPLE);
  await wb.editor.locator('.view-line').first().waitFor();
}

test.describe('process IDs in a log', () => {
  test('lenses and hovers on the sample log; a 404 shows "not found" with its action', async ({ workbench: wb }) => {
    const { page } = wb;
    await showSample(wb);

    // lenses resolve through the lookup: the reference example's verdict, the 404's action
    const okLens = wb.codeLenses(/OK — .*; decided with risk score 85\.5 · idunicosign · .* · Local emulator/).first();
    await expect(okLens).toBeVisible();
    const notFoundLens = wb.codeLenses(/Not found in Local emulator/).first();
    await expect(notFoundLens).toBeVisible();
    await wb.shot('ids-lenses');

    // hover the reference example: verdict, profile, capabilities and the actions
    // (the ID also sits inside a longer hex run on a later line: search a unique stretch, the cursor lands on the ID)
    const hover = await wb.hoverAt(`${REFERENCE} flow`);
    await expect(hover).toContainText('OK');
    await expect(hover).toContainText('Local emulator');
    await expect(hover).toContainText('Flow: idunicosign');
    await expect(hover).toContainText('Liveness');
    for (const action of ['Open', 'Pin', 'Copy JSON', 'Copy Link', 'Look Up in All Profiles']) {
      await expect(hover.getByRole('link', { name: action, exact: true })).toBeVisible();
    }
    await wb.shot('ids-hover');
    await page.keyboard.press('Escape');

    // hover the 404: "not found" and the way to look elsewhere
    const missing = await wb.hoverAt(UNKNOWN);
    await expect(missing).toContainText('Not found in Local emulator');
    await expect(missing.getByRole('link', { name: 'Look Up in All Profiles' })).toBeVisible();
    await expect(missing.getByRole('link', { name: 'Look up in Sandbox', exact: true })).toBeVisible();
    await wb.shot('ids-hover-not-found');
    expect(wb.hostErrors).toEqual([]);
  });

  test('clicking a lens opens the process panel', async ({ workbench: wb }) => {
    await showSample(wb);
    const okLens = wb.codeLenses(/OK — .*; decided with risk score 85\.5 · idunicosign · .* · Local emulator/).first();
    await okLens.click();
    await expect(wb.tab(`${REFERENCE.slice(0, 8)} · Local emulator`)).toBeVisible();
    const frame = wb.webviewFrame();
    await expect(frame.locator('header.banner h1')).toHaveText(/^OK — Identity verification inconclusive/);
    await wb.shot('ids-lens-opens-panel');
    expect(wb.hostErrors).toEqual([]);
  });

  test('right-clicking a selected ID offers Look Up Process, which opens its panel', async ({ workbench: wb }) => {
    const { page } = wb;
    const inconclusive = 'fe3ea96a-9c63-4416-9638-6a2e84116fcb';
    await showSample(wb);
    // the find widget selects the match; closing it keeps the selection
    await wb.editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget.visible textarea, .find-widget.visible input').first().fill(inconclusive);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await wb.editor.locator('.view-line span span', { hasText: inconclusive }).first().click({ button: 'right' }); // inside the selection: it stays
    const item = page.getByRole('menuitem', { name: 'Look Up Process', exact: true });
    await expect(item).toBeVisible();
    await wb.shot('ids-context-menu');
    await item.click();
    await expect(wb.tab(`${inconclusive.slice(0, 8)} · Local emulator`)).toBeVisible();
    expect(wb.hostErrors).toEqual([]);
  });

  test('Find Process IDs in File… lists every ID with its count and first line, and opens the chosen one', async ({ workbench: wb }) => {
    const { page } = wb;
    await showSample(wb);

    await wb.runCommand('IDCloud: Find Process IDs in File…');
    const widget = page.locator('.quick-input-widget');
    await expect(widget).toContainText(/\d+ process IDs in sample\.log/);
    const row = wb.quickPickRow(REFERENCE);
    await expect(row).toContainText('1× · first on line 2');
    await expect(wb.quickPickRow('c805fbe8-8c64-4080-a67b-8ce2add47a51')).toContainText('2× · first on line 3');
    await wb.shot('ids-find-in-file');

    await wb.quickInput.fill(UNKNOWN.slice(0, 8));
    await page.keyboard.press('Enter');
    await expect(wb.tab(`${UNKNOWN.slice(0, 8)} · Local emulator`)).toBeVisible();
    await expect(wb.webviewFrame().locator('body')).toContainText('Not found in Local emulator');
    await wb.shot('ids-find-in-file-opens');
    expect(wb.hostErrors).toEqual([]);
  });
});
