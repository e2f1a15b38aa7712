// Profiles as a new user meets them: the Local emulator in the status bar of a fresh install; Set
// Credentials for a custom profile (pointing at an emulator this test starts) with a service-account
// key file, then Test Connection; Switch Profile to Production: the warning status bar and the
// one-time confirmation before the first production lookup. A screenshot of each step.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../harness/lib/harness.mjs';
import { test, expect } from './fixtures';

type EmulatorModule = typeof import('../../src/emulator');
// The built bundle (run-e2e builds it): Playwright's TS transform cannot load the emulator's image assets.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator }: EmulatorModule = require(path.join(ROOT, 'dist/emulator.js'));

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';

test.describe('profiles and credentials', () => {
  // each test loads a pristine workbench; on a busy 2-core machine that alone can take a minute
  test.describe.configure({ timeout: 240_000 });

  test('fresh install on the Local emulator; a custom profile gets a key file and passes Test Connection', async ({ openWorkbench }) => {
    const emulator = await startEmulator({});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-key-'));
    const keyFile = path.join(dir, 'service-account.key.pem');
    fs.writeFileSync(keyFile, emulator.serviceAccount.privateKeyPem);
    try {
      const wb = await openWorkbench({
        settings: {
          'idcloud.customProfiles': [{ id: 'team-uat', label: 'Team UAT', apiBaseUrl: emulator.apiBaseUrl, identityUrl: emulator.identityUrl }],
        },
      });
      const { page } = wb;
      await wb.openView();
      await expect(wb.statusItem('Local emulator')).toBeVisible();
      await wb.shot('profiles-fresh-install');

      await wb.runCommand('IDCloud: Set Credentials…');
      await wb.quickPickRow('Team UAT').click();
      await wb.quickPickRow('key from a .pem file').click();
      await expect(page.locator('.quick-input-widget')).toContainText('Tenant ID');
      await wb.quickInput.fill(emulator.serviceAccount.tenantId);
      await page.keyboard.press('Enter');
      await expect(page.locator('.quick-input-widget')).toContainText('Service account name');
      await wb.quickInput.fill(emulator.serviceAccount.accountName);
      await page.keyboard.press('Enter');
      // code-server's open dialog is the simple one: a path in the quick input
      await expect(page.locator('.quick-input-widget')).toContainText('private key');
      // The simple dialog fills in its start folder asynchronously (it would overwrite a path typed
      // before that), then checks the typed path with a remote stat; an Enter before that settles is
      // ignored. So: wait for the start folder, type, wait for the check, press Enter.
      const dialog = page.locator('.quick-input-widget');
      await expect(wb.quickInput).toHaveValue(/\/$/);
      await expect(async () => {
        await wb.quickInput.fill(keyFile);
        await expect(wb.quickInput).toHaveValue(keyFile, { timeout: 1_000 });
        await expect(dialog).not.toContainText('Please enter a path that exists', { timeout: 2_000 });
        await wb.shot('profiles-key-file');
        await page.keyboard.press('Enter');
        await expect(dialog).toBeHidden({ timeout: 3_000 });
      }).toPass({ timeout: 30_000 });

      const saved = wb.toast('Credentials for Team UAT saved');
      await expect(saved).toBeVisible();
      await expect(saved).not.toContainText('BEGIN');
      await saved.getByRole('button', { name: 'Test Connection' }).click();
      const connected = wb.toast(/Connected to Team UAT: token \d+ ms, API \d+ ms, valid \d+ min\./);
      await expect(connected).toBeVisible();
      await wb.shot('profiles-test-connection');
      expect(wb.hostErrors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await emulator.close();
    }
  });

  test('Switch Profile to Production: warning status bar; without credentials a lookup says so and never asks to confirm', async ({ openWorkbench }) => {
    const wb = await openWorkbench();
    const { page } = wb;
    await wb.openView();
    await expect(wb.statusItem('Local emulator')).toBeVisible();

    await wb.statusItem('Local emulator').click();
    await expect(wb.quickPickRow('Production')).toContainText('api.idcloud.unico.app');
    await expect(wb.quickPickRow('Sandbox')).toContainText('No credentials');
    await wb.shot('profiles-switch');
    await wb.quickPickRow('Production').click();

    const status = wb.statusItem('Production');
    await expect(status).toBeVisible();
    await expect(status).toHaveClass(/warning-kind/);
    await wb.shot('profiles-production-status');

    // issue 10: credentials are checked before the production question (asking would be pointless);
    // the confirmation itself, with credentials, is proven in the host tier (background.test.ts)
    await wb.runCommand('IDCloud: Look Up Process…');
    await wb.quickInput.fill(REFERENCE);
    await page.keyboard.press('Enter');
    const toast = wb.toast(/No credentials for Production/);
    await expect(toast).toBeVisible();
    await expect(toast.getByRole('button', { name: 'Set Credentials' })).toBeVisible();
    await expect(page.locator('.monaco-dialog-box')).toHaveCount(0);
    await wb.shot('profiles-production-no-credentials');
    await expect(status).toBeVisible();
    expect(wb.hostErrors).toEqual([]);
  });
});
