// Process links as users pass them around, in the real workbench (code-server 4.100.3, headless
// Chromium) on the Local emulator profile: Copy Link on the process panel (then on a Processes row),
// read what landed on the browser's clipboard, close the panel, and open the link the way a user
// pasting it into the browser's address bar would: a new tab of the same browser goes to it.
// In a browser editor Copy Link gives the server's /callback page (vscode.env.asExternalUri on the
// vscode.env.uriScheme URI): that page hands the link through the browser's localStorage to the
// workbench tab that made it, whose URI handler opens the panel. A bare `code-oss://` link cannot be
// typed into a browser's address bar (no application is registered for it), so the /callback link
// is what a user of a browser editor has to paste.
import { test, expect, type Workbench } from './fixtures';

const REFERENCE_ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const PANEL_TAB = `${REFERENCE_ID.slice(0, 8)} · Local emulator`;

/** What Copy Link put on the browser's clipboard (the workbench writes it through navigator.clipboard). */
async function clipboardText(wb: Workbench): Promise<string> {
  // a string expression: this project's types have no DOM, and the page's navigator is the browser's
  return wb.page.evaluate<string>('navigator.clipboard.readText()');
}

/**
 * Open `url` as a pasted address: a new tab of the same browser (same localStorage) loads it, then
 * closes. The shared workbench's page was made by browser.newPage(), whose context cannot open
 * another page itself; a tab the workbench's own page opens (window.open) is one of that browser.
 */
async function pasteIntoAddressBar(wb: Workbench, url: string): Promise<void> {
  const opened = wb.page.waitForEvent('popup');
  await wb.page.evaluate(`void window.open(${JSON.stringify(url)}, '_blank')`);
  const tab = await opened;
  try {
    await tab.waitForLoadState('load');
    expect(new URL(tab.url()).pathname).toMatch(/\/callback$/);
  } finally {
    await tab.close();
  }
}

async function closeEditors(wb: Workbench): Promise<void> {
  await wb.runCommand('View: Close All Editors');
  await expect(wb.tab(PANEL_TAB)).toHaveCount(0);
}

function expectCallbackLink(link: string, wb: Workbench): void {
  const url = new URL(link);
  expect(url.origin).toBe(new URL(wb.page.url()).origin);
  expect(url.pathname).toMatch(/\/callback$/);
  expect(url.searchParams.get('vscode-path')).toBe(`/process/${REFERENCE_ID}`);
  expect(url.searchParams.get('vscode-query')).toBe('profile=emulator');
  expect(url.searchParams.get('vscode-authority')).toBe('idcloud-process-lens.idcloud-process-lens');
  // only the ID and the profile ID: nothing of the process, no credential
  expect(link).not.toMatch(/token|apikey|bearer|skywalker|12345678909/i);
}

test.describe('process links', () => {
  let firstLink = '';

  test('Copy Link on the panel, paste it into the browser: the panel opens again', async ({ workbench: wb }) => {
    const origin = new URL(wb.page.url()).origin;
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const before = await clipboardText(wb);

    await wb.runCommand('IDCloud: Look Up Process…');
    await wb.quickInput.fill(REFERENCE_ID);
    await wb.page.keyboard.press('Enter');
    await expect(wb.tab(PANEL_TAB)).toBeVisible({ timeout: 90_000 });
    const frame = wb.webviewFrame();
    await expect(frame.locator('header.banner h1')).toBeVisible();
    await frame.getByRole('button', { name: 'Copy Link', exact: true }).click();
    await expect(wb.page.locator('.statusbar-item', { hasText: `Copied a link to process ${REFERENCE_ID.slice(0, 8)}…` })).toBeVisible();
    await expect.poll(() => clipboardText(wb)).not.toBe(before);
    const link = await clipboardText(wb);
    expectCallbackLink(link, wb);
    firstLink = link;

    await closeEditors(wb);
    await pasteIntoAddressBar(wb, link);
    await expect(wb.tab(PANEL_TAB)).toBeVisible();
    await expect(wb.webviewFrame().locator('header.banner h1')).toHaveText(/^OK/);
    await wb.shot('deeplink-opened');
    expect(wb.hostErrors).toEqual([]);
  });

  test('Copy Link on a Processes row, paste it: the same panel opens', async ({ workbench: wb }) => {
    await closeEditors(wb);
    // read only after a click in the workbench: the clipboard answers a focused document, and the
    // closed tab leaves none; the first test's link is what it held (each copy has its own request ID)
    const before = firstLink;
    const pane = await wb.openView();
    const row = wb.treeRows(pane, REFERENCE_ID.slice(0, 8)).first();
    await row.click({ button: 'right' });
    const item = wb.page.getByRole('menuitem', { name: 'Copy Link', exact: true });
    await expect(item).toBeVisible();
    await wb.shot('deeplink-tree-menu');
    await item.click();
    await expect.poll(() => clipboardText(wb)).not.toBe(before);
    const link = await clipboardText(wb);
    expectCallbackLink(link, wb);

    await pasteIntoAddressBar(wb, link);
    await expect(wb.tab(PANEL_TAB)).toBeVisible();
    await expect(wb.webviewFrame().locator('header.banner h1')).toHaveText(/^OK/);
  });
});
