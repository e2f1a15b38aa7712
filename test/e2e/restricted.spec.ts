// Restricted Mode, as a user meets it: a cloned repository's log full of process IDs, opened in a
// folder the user did not trust, with a profile that has credentials and points at an emulator the
// test owns. No hover and no code lens may send a request for those IDs (the emulator's own request
// log stays empty of process lookups) until the user grants trust; then the lenses look them up.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { audienceFor, signAssertion } from '../../src/core/jwt';
import type { RunningEmulator } from '../../src/emulator';
import { makeTmp, ROOT } from '../harness/lib/harness.mjs';
import { test, expect } from './fixtures';

// the built emulator (its sources import a .jpg, which only esbuild loads)
const { startEmulator } = createRequire(path.join(ROOT, 'package.json'))('./dist/emulator.js') as typeof import('../../src/emulator');

const REFERENCE_EXAMPLE_ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const CREATED = '38d483d8-2fc3-41cc-b879-2f2f4b187e20';

/** An access token from the emulator's identity endpoint, as unico would hand one out. */
async function accessToken(emulator: RunningEmulator): Promise<string> {
  const audience = audienceFor(emulator.identityUrl);
  const assertion = signAssertion(emulator.serviceAccount, audience, Date.now() / 1000);
  const res = await fetch(`${audience}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
  });
  const body = (await res.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error(`no token (HTTP ${String(res.status)})`);
  return body.access_token;
}

test.describe('Restricted Mode', () => {
  test('no request leaves for the IDs of an untrusted folder; granting trust lets the lenses look them up', async ({ openWorkbench }) => {
    test.setTimeout(300_000);
    const requests: string[] = [];
    const emulator = await startEmulator({ log: (line) => { requests.push(line); } });
    const folder = makeTmp('untrusted');
    try {
      fs.writeFileSync(path.join(folder.dir, 'onboarding.log'), [
        '2025-03-04T09:00:00Z INFO onboarding run',
        `2025-03-04T09:00:01Z INFO process created processId=${REFERENCE_EXAMPLE_ID} flow=idunicosign`,
        `2025-03-04T09:00:02Z INFO process created processId=${CREATED}`,
      ].join('\n'));
      const token = await accessToken(emulator);
      const lookups = (): string[] => requests.filter((l) => l.includes('/client/v1/process/'));

      const wb = await openWorkbench({
        folder: folder.dir,
        workspaceTrust: true,
        settings: { 'idcloud.customProfiles': [{ id: 'repo', label: 'Repo tenant', apiBaseUrl: emulator.apiBaseUrl, identityUrl: emulator.identityUrl }] },
      });
      const { page } = wb;
      // the startup prompt: the user does not trust this folder
      await page.getByRole('button', { name: /No, I don't trust the authors/ }).click();
      await expect(page.locator('.statusbar-item', { hasText: 'Restricted Mode' })).toBeVisible();

      // the profile has credentials: only the workspace's trust keeps it quiet
      await wb.runCommand('IDCloud: Switch Profile');
      await wb.quickPickRow('Repo tenant').click();
      await expect(wb.statusItem('Repo tenant')).toBeVisible();
      await wb.runCommand('IDCloud: Set Credentials');
      await wb.quickPickRow('Access token, pasted').click();
      await wb.quickInput.fill(token);
      await page.keyboard.press('Enter');
      await expect(wb.toast('Credentials for Repo tenant saved')).toBeVisible();

      await wb.quickOpen('onboarding.log');
      await expect(wb.codeLenses(/Process lookups wait until you trust this workspace/)).toBeVisible();
      await expect(wb.codeLenses(/OK — .* · idunicosign/)).toHaveCount(0);
      const hover = await wb.hoverAt(REFERENCE_EXAMPLE_ID);
      await expect(hover).toContainText('Nothing is looked up by itself until you trust this workspace.');
      await wb.shot('restricted-mode');
      await page.keyboard.press('Escape');
      expect(lookups()).toEqual([]);

      // the lens's own action: Manage Workspace Trust, then Trust
      await wb.codeLenses(/Process lookups wait until you trust this workspace/).click();
      await page.getByRole('button', { name: 'Trust', exact: true }).first().click();
      await wb.quickOpen('onboarding.log');
      await expect(wb.codeLenses(/OK — .* · idunicosign · .* · Repo tenant/)).toBeVisible();
      await expect(wb.codeLenses(/Pending/)).toBeVisible();
      await wb.shot('restricted-mode-trusted');
      expect(lookups().length).toBe(2);
      expect(wb.hostErrors).toEqual([]);
    } finally {
      await emulator.close();
      folder.remove();
    }
  });
});
