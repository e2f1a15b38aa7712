// A new user's first lookups: palette → Look Up Process… → the reference example in the tree with
// its verdict; an unknown ID → "Look Up in All Profiles"; pin from the tree. Each on a pristine
// workbench (empty history), with a screenshot of each step.
import { test, expect } from './fixtures';

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const UNKNOWN = '00000000-0000-4000-8000-000000000404';

test.describe('look up a process', () => {
  test('a new user looks up the reference example, follows a 404 to all profiles, and pins', async ({ openWorkbench }) => {
    const wb = await openWorkbench();
    const { page } = wb;

    // fresh install: the view offers the way in
    const pane = await wb.openView();
    await expect(pane.getByText('No process looked up yet')).toBeVisible();
    await expect(pane.getByRole('button', { name: 'Look Up a Process' })).toBeVisible();
    await expect(pane.getByRole('button', { name: 'Try the Local Emulator' })).toBeVisible();
    await expect(pane.getByRole('button', { name: 'Set Credentials' })).toBeVisible();
    await wb.shot('lookup-welcome');

    // the welcome view's "Try the Local Emulator" looks up the reference example in the emulator
    await pane.getByRole('button', { name: 'Try the Local Emulator' }).click();
    await expect(wb.treeRows(pane, REFERENCE.slice(0, 8))).toBeVisible();
    await wb.treeRows(pane, 'Recent').click(); // the panel opened and took the focus; F1 must reach the workbench
    await wb.runCommand('IDCloud: Clear History');
    await expect(pane.getByText('No process looked up yet')).toBeVisible();

    // palette → Look Up Process… → type the ID
    await wb.runCommand('IDCloud: Look Up Process…');
    await expect(page.locator('.quick-input-widget')).toContainText('Local emulator');
    await wb.quickInput.fill('not an id');
    await expect(page.locator('.quick-input-widget')).toContainText('Not a process ID');
    await wb.quickInput.fill(REFERENCE);
    await wb.shot('lookup-input');
    await page.keyboard.press('Enter');

    const row = wb.treeRows(pane, REFERENCE.slice(0, 8));
    await expect(row).toBeVisible();
    await expect(row).toContainText('idunicosign');
    await expect(row.locator('.codicon-warning')).toBeVisible(); // OK, qualified: identity inconclusive
    await expect(wb.treeRows(pane, 'Recent')).toBeVisible();
    await expect(wb.treeRows(pane, 'Local emulator')).toBeVisible();
    await wb.shot('lookup-tree');

    // an unknown ID: the error says where it was not found and offers the other profiles
    await wb.runCommand('IDCloud: Look Up Process…');
    await wb.quickInput.fill(UNKNOWN);
    await page.keyboard.press('Enter');
    const notFound = wb.toast('Not found in Local emulator.');
    await expect(notFound).toBeVisible();
    await wb.shot('lookup-not-found');
    await notFound.getByRole('button', { name: 'Look Up in All Profiles' }).click();
    const report = wb.toast(/was not found in Local emulator/);
    await expect(report).toBeVisible();
    await expect(report).toContainText('no credentials: Sandbox, Production');
    await expect(report.getByRole('button', { name: 'Set Credentials' })).toBeVisible();
    await wb.shot('lookup-all-profiles');
    await expect(wb.treeRows(pane, UNKNOWN.slice(0, 8))).toHaveCount(0);

    // pin from the tree's inline action
    await row.hover();
    await row.getByRole('button', { name: 'Pin' }).click();
    await expect(wb.treeRows(pane, 'Pinned')).toBeVisible();
    await expect(wb.treeRows(pane, REFERENCE.slice(0, 8))).toHaveCount(1);
    await expect(wb.treeRows(pane, 'Recent')).toHaveCount(0);
    await wb.shot('lookup-pinned');

    // its details, fetched on expansion: the verdict's reasons, personal data masked
    await wb.treeRows(pane, REFERENCE.slice(0, 8)).locator('.monaco-tl-twistie').click();
    for (const group of ['Result', 'Capabilities', 'Person', 'Company', 'Documents']) {
      await expect(wb.treeRows(pane, new RegExp(`^${group}`))).toBeVisible();
    }
    await wb.treeRows(pane, /^Capabilities/).locator('.monaco-tl-twistie').click();
    await expect(wb.treeRows(pane, 'Liveness')).toContainText('LIVE · The user was alive');
    await wb.treeRows(pane, /^Person/).locator('.monaco-tl-twistie').click();
    await expect(wb.treeRows(pane, /^CPF/)).toContainText('***.456.789-**');
    await expect(pane).not.toContainText('Skywalker');
    await wb.shot('lookup-details');
    expect(wb.hostErrors).toEqual([]);
  });
});
