// The Get Started walkthrough on a fresh install: the reference example's panel within five user
// actions from the IDCloud view, then each of the five steps completing on its own event, and on
// nothing else. code-server titles the walkthrough's tab "Welcome", so the spec goes back to it the
// way a user can: Welcome: Open Walkthrough… in the palette, and finds it by its content.
import { test, expect, type Workbench } from './fixtures';

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const TITLE = 'Get Started with Process Lens';
const STEPS = ['lookUp', 'hover', 'privacy', 'sandbox', 'findAll'] as const;
type Step = (typeof STEPS)[number];

/** The walkthrough's step button (its id ends with #<step>); aria-checked says whether it completed. */
function step(wb: Workbench, id: Step) {
  return wb.page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
}

/** Bring our walkthrough to the front through the palette's Welcome: Open Walkthrough… picker. */
async function showWalkthrough(wb: Workbench): Promise<void> {
  const heading = wb.page.getByRole('heading', { level: 2, name: TITLE });
  await expect(async () => {
    await wb.runCommand('Welcome: Open Walkthrough');
    await wb.quickPickRow(TITLE).click({ timeout: 5_000 });
    await expect(heading).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** Exactly the steps in `done` show as completed. */
async function expectCompleted(wb: Workbench, done: readonly Step[]): Promise<void> {
  await showWalkthrough(wb);
  for (const id of STEPS) await expect(step(wb, id), id).toHaveAttribute('aria-checked', done.includes(id) ? 'true' : 'false');
}

/** Expand a step and click one of the buttons of its description. */
async function stepButton(wb: Workbench, id: Step, name: string): Promise<void> {
  await step(wb, id).click();
  await wb.page.locator('.getting-started-step.expanded').getByRole('button', { name, exact: true }).click();
}

/**
 * Pick the row of the open quick pick that matches `text` by typing it and pressing Enter (a click
 * can land on another row while a quick pick that builds its items asynchronously lays them out).
 */
async function choose(wb: Workbench, text: string): Promise<void> {
  await wb.quickInput.fill(text);
  await expect(wb.page.locator('.quick-input-list .monaco-list-row.focused')).toContainText(text);
  await wb.page.keyboard.press('Enter');
}

/** A JWT-shaped access token that expires in an hour (no signature: nothing checks it until a lookup). */
function pastedToken(): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJl`;
}

test.describe('walkthrough', () => {
  test.describe.configure({ timeout: 600_000 });

  test('a fresh install reaches the reference example in ≤ 5 actions; each step completes on its own event', async ({ openWorkbench }) => {
    const wb = await openWorkbench();
    const { page } = wb;
    let actions = 0;
    /** One user action: a click, a key press or a typed text. */
    const act = async (what: () => Promise<void>): Promise<void> => { actions += 1; await what(); };

    await act(() => wb.activityIcon.click());
    const pane = await wb.openView();
    await act(() => pane.getByRole('button', { name: 'Open the Walkthrough' }).click());
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
    await expect(step(wb, 'lookUp')).toHaveAttribute('aria-checked', 'false');
    await wb.shot('walkthrough-start');
    await act(() => page.getByRole('button', { name: 'Look Up the Reference Example', exact: true }).click());
    const panel = wb.webviewFrame();
    await expect(panel.locator('.banner .process-id')).toHaveText(REFERENCE);
    console.log(`walkthrough: ${actions} user actions from a fresh install to the reference example's panel`);
    expect(actions).toBeLessThanOrEqual(5);

    // 1. the reference example looked up on the Local emulator
    await expectCompleted(wb, ['lookUp']);

    // 2. a hover over an ID of the sample log the walkthrough opens (opening it is not enough)
    await stepButton(wb, 'hover', 'Open the Sample Log');
    await expect(wb.tab('sample.log')).toBeVisible();
    await expectCompleted(wb, ['lookUp']);
    await wb.tab('sample.log').click();
    await wb.hoverAt('fe3ea96a');
    await expectCompleted(wb, ['lookUp', 'hover']);

    // 3. personal data revealed, then hidden again (revealing alone does not complete it)
    await stepButton(wb, 'privacy', 'Toggle Personal Data');
    await expectCompleted(wb, ['lookUp', 'hover']);
    await stepButton(wb, 'privacy', 'Toggle Personal Data');
    await expectCompleted(wb, ['lookUp', 'hover', 'privacy']);

    // 4. Sandbox active (not yet enough), then its credentials set
    await stepButton(wb, 'sandbox', 'Switch Profile');
    await expect(wb.quickPickRow('Sandbox')).toContainText('No credentials');
    await choose(wb, 'Sandbox');
    await expect(wb.statusItem('Sandbox')).toBeVisible();
    await expectCompleted(wb, ['lookUp', 'hover', 'privacy']);
    await stepButton(wb, 'sandbox', 'Set Credentials');
    // (no profile to pick: Set Credentials goes to the active one, Sandbox)
    await choose(wb, 'Access token, pasted');
    await expect(page.locator('.quick-input-widget')).toContainText('Paste an access token');
    await wb.quickInput.fill(pastedToken());
    await page.keyboard.press('Enter');
    await expect(wb.toast('Credentials for Sandbox saved')).toBeVisible();
    await expectCompleted(wb, ['lookUp', 'hover', 'privacy', 'sandbox']);
    await wb.shot('walkthrough-four-steps');

    // 5. every ID of a log listed (Find Process IDs in File on the sample log)
    await wb.tab('sample.log').click();
    await wb.runCommand('IDCloud: Find Process IDs in File');
    await expect(page.locator('.quick-input-widget')).toContainText('process IDs in sample.log');
    await page.keyboard.press('Escape');
    await expectCompleted(wb, STEPS);
    await wb.shot('walkthrough-complete');
    expect(wb.hostErrors).toEqual([]);
  });
});
