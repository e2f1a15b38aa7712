// unico's webhook, end to end in the real workbench on the Local emulator profile: the user starts
// the Webhook Inbox on the port the emulator's webhook URL points at (Bearer auth, as configured at
// unico), looks up the emulator's live process, and closes its panel while it is unfinished; when
// the process finishes, the emulator delivers its webhook to the inbox, the delivery appears in the
// Webhook Inbox view, and the user opens the process from there into the panel.
// A pristine workbench: the live process finishes (and sends its only webhook) once per emulator,
// and the emulator reads its webhook settings when it starts; the shared workbench's emulator has
// already run (the sample log's lenses look the live process up).
import { freePort } from '../harness/lib/harness.mjs';
import { test, expect } from './fixtures';

const LIVE_ID = '00947855-49dc-4a7a-b743-8d16ac512d33';
const TOKEN = 'e2e-inbox-token';

test.describe('webhook inbox', () => {
  test('the live process delivers its webhook to the inbox, and the user opens the process from the inbox view', async ({ openWorkbench }) => {
    test.setTimeout(240_000);
    const port = await freePort();
    const wb = await openWorkbench({
      settings: {
        'idcloud.emulator.webhookUrl': `http://127.0.0.1:${String(port)}/`,
        'idcloud.emulator.webhookAuth': `bearer:${TOKEN}`,
        'idcloud.emulator.liveProcessDelaySeconds': 10,
      },
    });
    const inbox = await wb.openView('Webhook Inbox');
    await expect(inbox).toContainText('Receive unico\'s webhook calls on this machine');

    await wb.runCommand('IDCloud: Start Webhook Inbox');
    await wb.quickInput.fill(String(port));
    await wb.page.keyboard.press('Enter');
    await wb.quickInput.fill('Bearer');
    await expect(wb.quickPickRow('Bearer (OAuth2)')).toBeVisible();
    await wb.page.keyboard.press('Enter');
    await wb.quickInput.fill(TOKEN);
    await wb.page.keyboard.press('Enter');
    await expect(wb.toast(`Webhook Inbox listening on http://127.0.0.1:${String(port)}/`)).toBeVisible();

    // The first lookup starts the emulator and the live process's countdown.
    await wb.runCommand('IDCloud: Look Up Process…');
    await wb.quickInput.fill(LIVE_ID);
    await wb.page.keyboard.press('Enter');
    const tab = wb.tab(`${LIVE_ID.slice(0, 8)} · Local emulator`);
    await expect(tab).toBeVisible({ timeout: 90_000 });
    await expect(wb.webviewFrame().locator('header.banner h1')).toBeVisible({ timeout: 90_000 });
    await wb.runCommand('View: Close All Editors');
    await expect(tab).toBeHidden();

    const delivery = wb.treeRows(inbox, LIVE_ID);
    await expect(delivery).toHaveCount(1, { timeout: 90_000 });
    await expect(delivery).toContainText(`ok · ${LIVE_ID}`);
    await expect(delivery).not.toContainText('redelivery');
    await wb.shot('webhook-inbox-delivery');

    await delivery.click();
    await expect(tab).toBeVisible();
    const frame = wb.webviewFrame();
    await expect(frame.locator('header.banner h1')).toHaveText('OK');
    await expect(frame.locator('body')).toContainText(LIVE_ID);
    await expect(frame.locator('.badge')).toHaveText('Local emulator');
    await wb.shot('webhook-inbox-opened-process');
    expect(wb.hostErrors).toEqual([]);
  });
});
