// Smoke: the workbench loads our extension, it activates without error on a log file, and its
// activity-bar container and status-bar profile item appear. run-e2e.mjs runs this file twice:
// with the extension from the dev path, then from the installed .vsix.
import { test, expect } from './fixtures';

test.describe('smoke', () => {
  test('the workbench loads the workspace and the IDCloud activity-bar icon', async ({ workbench }) => {
    await expect(workbench.activityIcon).toBeVisible();
    await expect(workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample.log' })).toBeVisible();
  });

  test('opening a log activates the extension on the Local emulator profile', async ({ workbench }) => {
    await workbench.quickOpen('sample.log');
    await expect(workbench.statusItem('Local emulator')).toBeVisible();
    expect(workbench.hostErrors).toEqual([]);
    await workbench.shot('smoke-workbench');
  });

  test('the Processes view opens in the IDCloud side bar', async ({ workbench }) => {
    const pane = await workbench.openView();
    await expect(pane.locator('.pane-body')).toBeVisible();
    expect(workbench.hostErrors).toEqual([]);
    await workbench.shot('smoke-view');
  });
});
