// A tenant on unico's API contract, as a user meets it on the shared workbench: Switch Profile to
// "Local emulator (API contract)" (no credentials: the emulator's own service account and APIKEY),
// look up unico's API Get Process example from the palette, and read its verdict, status and
// capability answers in the panel, each with unico's meaning. Back to the Local emulator at the end.
import { test, expect } from './fixtures';

const API_REFERENCE = '80371b2a-3ac7-432e-866d-57fe37896ac6';
const LIVENESS_FAILED = 'b45364a2-d956-4171-bd28-0efd583b9dfd';

test.describe('API contract', () => {
  test('a user looks up an API-contract process on the emulator and the panel shows its verdict', async ({ workbench: wb }) => {
    const { page } = wb;
    await wb.runCommand('IDCloud: Switch Profile');
    await wb.quickPickRow('Local emulator (API contract)').click();
    await expect(wb.statusItem('Local emulator (API contract)')).toBeVisible();

    try {
      await wb.runCommand('IDCloud: Look Up Process…');
      await expect(page.locator('.quick-input-widget')).toContainText('Local emulator (API contract)');
      await wb.quickInput.fill(API_REFERENCE);
      await page.keyboard.press('Enter');
      await expect(page.locator('.tabs-container .tab', { hasText: `${API_REFERENCE.slice(0, 8)} · Local emulator (API contract)` })).toBeVisible();
      const frame = wb.webviewFrame();
      await expect(frame.locator('header.banner')).toHaveClass(/verdict-ok/);
      await expect(frame.locator('header.banner h1')).toContainText('OK');
      await expect(frame.locator('.section-state')).toContainText('Finished with success');
      await expect(frame.locator('.section-state')).toContainText('unico documents no timestamps');
      const capabilities = frame.locator('.section-capabilities');
      await expect(capabilities).toContainText('The face belongs to the holder of the provided government identifier');
      await expect(capabilities).toContainText('Liveness passed');
      await expect(frame.locator('.section-media')).toContainText('The API contract has no selfie or evidence set');
      // nothing personal to reveal and no documents to list: no reveal switch, no privacy note, no services section
      await expect(frame.locator('.toolbar button', { hasText: 'Refresh' })).toBeVisible();
      await expect(frame.locator('[data-key="reveal"]')).toHaveCount(0);
      await expect(frame.locator('#privacy-note')).toHaveCount(0);
      await expect(frame.locator('.section-services')).toHaveCount(0);
      await wb.shot('api-contract-panel');

      // a failed liveness: Invalid identity, the capability row says why
      await wb.runCommand('IDCloud: Look Up Process…');
      await wb.quickInput.fill(LIVENESS_FAILED);
      await page.keyboard.press('Enter');
      await expect(page.locator('.tabs-container .tab', { hasText: LIVENESS_FAILED.slice(0, 8) })).toBeVisible();
      const second = wb.webviewFrame();
      await expect(second.locator('header.banner')).toHaveClass(/verdict-invalidIdentity/);
      await expect(second.locator('.section-capabilities')).toContainText('Liveness failed');
      await expect(second.locator('header.banner')).toContainText('at least one definitive negative answer');
      await wb.shot('api-contract-invalid');
      expect(wb.hostErrors).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
      await wb.runCommand('IDCloud: Switch Profile');
      await wb.quickPickRow('Local emulator').click(); // the first row: the Web & SDK emulator
      await expect(wb.statusItem('(API contract)')).toHaveCount(0);
      await expect(wb.statusItem('Local emulator')).toBeVisible();
    }
  });
});
