// The Get Started walkthrough on a fresh install: the reference example's panel within five user
// actions from the IDCloud view.
import { test, expect, type Workbench } from './fixtures';

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';

/** The walkthrough's step button (its id ends with #<step>); aria-checked says whether it completed. */
function step(wb: Workbench, id: string) {
  return wb.page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
}

test.describe('walkthrough', () => {
  test.describe.configure({ timeout: 480_000 });

  test('a fresh install reaches the reference example from the walkthrough in ≤ 5 actions', async ({ openWorkbench }) => {
    const wb = await openWorkbench();
    const { page } = wb;
    let actions = 0;
    /** One user action: a click, a key press or a typed text. */
    const act = async (what: () => Promise<void>): Promise<void> => { actions += 1; await what(); };

    await act(() => wb.activityIcon.click());
    const pane = await wb.openView();
    await act(() => pane.getByRole('button', { name: 'Open the Walkthrough' }).click());
    await expect(page.getByRole('heading', { name: 'Get Started with Process Lens' })).toBeVisible();
    await expect(step(wb, 'lookUp')).toHaveAttribute('aria-checked', 'false');
    await wb.shot('walkthrough-start');
    await act(() => page.getByRole('button', { name: 'Look Up the Reference Example', exact: true }).click());
    const panel = wb.webviewFrame();
    await expect(panel.locator('.banner h1')).toHaveText(/^OK — /);
    await expect(panel.locator('.banner .process-id')).toHaveText(REFERENCE);
    console.log(`walkthrough: ${actions} user actions from a fresh install to the reference example's panel`);
    expect(actions).toBeLessThanOrEqual(5);

    // Each step completing on its own event (lookup, hover, reveal-then-hide, Sandbox with credentials,
    // Find Process IDs) was checked here too, but going back to the walkthrough's tab is not yet
    // reliable in code-server (its title changes to "Welcome"); that part is left for issue 11.
    expect(wb.hostErrors).toEqual([]);
  });
});
