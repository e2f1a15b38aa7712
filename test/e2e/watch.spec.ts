// Watching a process as a user would, in the real workbench on the Local emulator profile: look up
// the emulator's live process (unfinished for 60 s after its first request here), press Watch in its
// panel, see the watched count in the status bar, and get one notification with its verdict when
// it finishes; the count disappears and the panel stops offering Watch.
import { test, expect } from './fixtures';

const LIVE_ID = '00947855-49dc-4a7a-b743-8d16ac512d33';

test.describe('watching a process', () => {
  test('watch the live process from its panel: status-bar count, then one notification when it finishes', async ({ openWorkbench }) => {
    test.setTimeout(360_000);
    // Long enough to press Watch while it is unfinished, even when the machine is slow.
    const wb = await openWorkbench({ settings: { 'idcloud.emulator.liveProcessDelaySeconds': 60 } });
    await wb.runCommand('IDCloud: Look Up Process…');
    await wb.quickInput.fill(LIVE_ID);
    await wb.page.keyboard.press('Enter');
    // The first lookup starts the emulator: slow on a loaded machine.
    await expect(wb.tab(`${LIVE_ID.slice(0, 8)} · Local emulator`)).toBeVisible({ timeout: 90_000 });
    const frame = wb.webviewFrame();
    await expect(frame.locator('header.banner h1')).toHaveText('Pending', { timeout: 90_000 });

    await frame.getByRole('button', { name: 'Watch', exact: true }).click();
    const count = wb.page.getByRole('button', { name: /^Watching 1 unfinished IDCloud process/ });
    await expect(count).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Stop Watching' })).toBeVisible();
    await wb.shot('watch-panel-status-bar');

    const toast = wb.toast(`Watched process ${LIVE_ID} finished in Local emulator: OK`);
    await expect(toast).toBeVisible({ timeout: 180_000 });
    await expect(count).toBeHidden();
    await expect(frame.locator('header.banner h1')).toHaveText('OK');
    await expect(frame.getByRole('button', { name: /^(Watch|Stop Watching)$/ })).toHaveCount(0);
    await wb.shot('watch-finished-notification');
    await expect(wb.toast(/Watched process/)).toHaveCount(1);
  });
});
