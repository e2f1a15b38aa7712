// A file that is not on disk, as a user of a virtual workspace meets it: the test-only extension
// test/fixtures/virtual-fs-extension (loaded beside ours by the shared workbench) serves
// idcloud-fixture:/logs/virtual.log from a read-only file system in the extension host. Open it
// from the palette, run Find Process IDs in File…, read the counts and first lines, open one.
import { test, expect } from './fixtures';

const C805 = 'c805fbe8-8c64-4080-a67b-8ce2add47a51';
const AEC0 = 'aec0c9f8-2dae-48b5-95d2-eebd14c00e47';
const F974 = 'f9747f75-2cfa-40b7-8163-17e91c067b86'; // upper-case in the log

test.describe('a file of a virtual file system', () => {
  test('Find Process IDs in File… lists the IDs of idcloud-fixture:/logs/virtual.log and opens the chosen one', async ({ workbench: wb }) => {
    const { page } = wb;
    await wb.runCommand('IDCloud Fixture: Open Virtual Log');
    await expect(page.locator('.tabs-container .tab.active', { hasText: 'virtual.log' })).toBeVisible();
    await expect(wb.editor).toContainText('served by the idcloud-fixture file system');
    // the breadcrumbs show the document's path: /logs/virtual.log, not a file under the workspace
    await expect(page.locator('.breadcrumbs-control').first()).toContainText('logs');

    await wb.runCommand('IDCloud: Find Process IDs in File…');
    const widget = page.locator('.quick-input-widget');
    await expect(widget).toContainText('3 process IDs in virtual.log');
    await expect(wb.quickPickRow(C805)).toContainText('2× · first on line 2');
    await expect(wb.quickPickRow(AEC0)).toContainText('1× · first on line 3');
    await expect(wb.quickPickRow(F974)).toContainText('1× · first on line 5');
    await wb.shot('virtual-find-in-file');

    await wb.quickInput.fill(AEC0.slice(0, 8));
    await page.keyboard.press('Enter');
    await expect(wb.tab(`${AEC0.slice(0, 8)} · Local emulator`)).toBeVisible();
    await expect(wb.webviewFrame().locator('body')).toContainText(AEC0);
    await expect(wb.webviewFrame().locator('body')).toContainText('Invalid identity');
    await wb.shot('virtual-find-in-file-opens');
    expect(wb.hostErrors).toEqual([]);
  });
});
