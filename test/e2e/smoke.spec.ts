// Smoke: the workbench loads our extension; opening a log activates it (its status-bar profile
// item appears, its commands run); its activity-bar container and view open. Every check runs in
// English and again in Brazilian Portuguese (on the one pt-BR workbench the specs share).
// run-e2e.mjs runs this file twice: with the extension from the dev path, then from the installed
// .vsix (so the packaged manifest and bundles are seen in both languages).
import { test, expect, type Workbench } from './fixtures';

/** What this spec reads on screen, per display language. */
const LANGUAGES = [
  { lang: 'en', suffix: '', emulator: 'Local emulator', showLog: 'IDCloud: Show Log', output: /output/i, view: 'Processes' },
  { lang: 'pt-br', suffix: '-ptbr', emulator: 'Emulador local', showLog: 'IDCloud: Mostrar log', output: /saída/i, view: 'Processos' },
] as const;

for (const t of LANGUAGES) {
  test.describe(`smoke (${t.lang})`, () => {
    // the English checks use the spec files' shared workbench, the pt-BR ones the shared pt-BR one
    const run = (title: string, body: (wb: Workbench) => Promise<void>): void => {
      if (t.lang === 'en') test(title, async ({ workbench }) => { await body(workbench); });
      else test(title, async ({ ptbrWorkbench }) => { await body(ptbrWorkbench); });
    };

    run('the workbench loads the workspace and the IDCloud activity-bar icon', async (wb) => {
      await expect(wb.activityIcon).toBeVisible();
      // the shared workbench may show another side bar (an earlier spec's Look Up reveals the Processes
      // view): bring back the Explorer, the activity bar's first entry, before reading the workspace
      const explorer = wb.page.locator('.explorer-folders-view');
      if (!(await explorer.isVisible())) await wb.page.locator('.activitybar .action-item').first().click();
      await expect(explorer.locator('.monaco-list-row', { hasText: 'sample.log' })).toBeVisible();
    });

    run('opening a log activates the extension on the Local emulator profile', async (wb) => {
      await wb.quickOpen('sample.log');
      await expect(wb.statusItem(t.emulator)).toBeVisible();
      await wb.shot(`smoke-workbench${t.suffix}`);
    });

    run('its commands run: Show Log opens the IDCloud output channel', async (wb) => {
      // an activation that threw leaves the command unregistered: VS Code says "command … not found"
      await wb.runCommand(t.showLog);
      const panel = wb.page.locator('.part.panel');
      await expect(panel.locator('.composite.title', { hasText: t.output })).toBeVisible();
      const channel = panel.locator('select.monaco-select-box').filter({ has: wb.page.locator('option', { hasText: /^IDCloud$/ }) });
      await expect(channel.first()).toHaveValue(/IDCloud/);
      await expect(wb.toast(/not found/)).toHaveCount(0);
    });

    run('the Processes view opens in the IDCloud side bar', async (wb) => {
      const pane = await wb.openView(t.view);
      await expect(pane.locator('.pane-body')).toBeVisible();
      await wb.shot(`smoke-view${t.suffix}`);
    });
  });
}
