// Smoke: the workbench loads our extension; opening a log activates it (its status-bar profile
// item appears, its commands run); its activity-bar container and view open. run-e2e.mjs runs this file twice:
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
    await workbench.shot('smoke-workbench');
  });

  test('its commands run: Show Log opens the IDCloud output channel', async ({ workbench }) => {
    // an activation that threw leaves the command unregistered: VS Code says "command … not found"
    await workbench.runCommand('IDCloud: Show Log');
    const panel = workbench.page.locator('.part.panel');
    await expect(panel.locator('.composite.title', { hasText: /output/i })).toBeVisible();
    const channel = panel.locator('select.monaco-select-box').filter({ has: workbench.page.locator('option', { hasText: /^IDCloud$/ }) });
    await expect(channel.first()).toHaveValue(/IDCloud/);
    await expect(workbench.toast(/not found/)).toHaveCount(0);
  });

  test('the Processes view opens in the IDCloud side bar', async ({ workbench }) => {
    const pane = await workbench.openView();
    await expect(pane.locator('.pane-body')).toBeVisible();
    await workbench.shot('smoke-view');
  });
});
