// The workbench in Brazilian Portuguese (code-server --locale pt-br with the harness's minimal
// language pack): vscode.env.language is pt-br, so the extension's bundles load. Screenshots of
// the status bar, the walkthrough, the process panel, the tree and a hover, all in pt-BR, with
// Brazilian dates and relative times, and an unusable pasted key's reason worded in pt-BR. It runs
// on the pt-BR workbench the smoke and panel specs' pt-BR variants share (one load for every pt-BR
// check), so it assumes no fresh install.
import { test, expect } from './fixtures';

const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';

test.describe('pt-BR', () => {
  test.describe.configure({ timeout: 480_000 });

  test('status bar, walkthrough, panel, tree and hover speak Brazilian Portuguese', async ({ ptbrWorkbench: wb }) => {
    const { page } = wb;

    // the side bar's views and a view welcome in pt-BR
    const pane = await wb.openView('Processos');
    const inbox = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Caixa de webhooks' }) });
    await expect(inbox.getByText('Receba as chamadas de webhook da unico nesta máquina')).toBeVisible();

    // the walkthrough, title, steps and markdown media in pt-BR (Open Walkthrough… is the workbench's
    // own command: the harness's language pack leaves its title in English)
    const title = 'Primeiros passos no Process Lens';
    await expect(async () => {
      await wb.runCommand('Open Walkthrough');
      await wb.quickPickRow(title).click({ timeout: 5_000 });
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.locator('button.getting-started-step[data-step-id$="#hover"]')).toContainText('Passe o mouse sobre IDs de processo num log');
    await expect(page.locator('.getting-started-media, .gettingStartedSlideDetails').first()).toBeVisible();
    await wb.shot('ptbr-walkthrough');

    // the panel: labels, capability names and meanings, dates and relative times
    await page.locator('button.getting-started-step[data-step-id$="#lookUp"]').click();
    await page.getByRole('button', { name: 'Consultar o exemplo da referência', exact: true }).click();
    const panel = wb.webviewFrame();
    await expect(panel.locator('.banner .process-id')).toHaveText(REFERENCE);
    await expect(panel.locator('#h-capabilities')).toHaveText('Capacidades');
    await expect(panel.locator('.section-capabilities')).toContainText('Prova de vida');
    await expect(panel.locator('.section-capabilities')).toContainText('O usuário estava ao vivo no momento da captura da selfie');
    await expect(panel.getByRole('button', { name: 'Atualizar', exact: true })).toBeVisible();
    const created = panel.locator('.section-state dd').nth(2);
    await expect(created).toContainText(/\d{1,2} de [a-z]{3}\. de \d{4}, \d{2}:\d{2}:\d{2} UTC/);
    await expect(created).toContainText(/\(há /);
    await wb.shot('ptbr-panel');

    // the status bar: the active profile in pt-BR, once the lookup has activated the extension
    await expect(wb.statusItem('Emulador local')).toBeVisible();
    await wb.shot('ptbr-status-bar');

    // the tree: the row's relative time in pt-BR
    await expect(wb.treeRows(pane, 'Recentes')).toBeVisible();
    await expect(wb.treeRows(pane, REFERENCE.slice(0, 8))).toContainText(/há /);

    // a hover over an ID of the sample log
    await wb.runCommand('IDCloud: Abrir log de exemplo');
    await expect(wb.tab('sample.log')).toBeVisible({ timeout: 90_000 });
    const hover = await wb.hoverAt('53060f52');
    await expect(hover).toContainText('Prova de vida');
    await expect(hover).toContainText(/Criado em \d{1,2} de [a-z]{3}\. de \d{4}/);
    await wb.shot('ptbr-hover');
    await page.keyboard.press('Escape');

    // a key that cannot be used: the reason (a code from the core) is worded in pt-BR while pasting
    await wb.runCommand('IDCloud: Definir credenciais…');
    await wb.quickPickRow('Sandbox').click();
    await wb.quickPickRow('Conta de serviço, colar a chave privada').click();
    const input = page.locator('.quick-input-widget');
    await expect(input).toContainText('Tenant ID (fornecido pela unico)');
    await wb.quickInput.fill('tenant-e2e');
    await page.keyboard.press('Enter');
    await expect(input).toContainText('Nome da conta de serviço');
    await wb.quickInput.fill('lensbot');
    await page.keyboard.press('Enter');
    await expect(input).toContainText('Cole a chave privada');
    await wb.quickInput.fill('-----BEGIN PUBLIC KEY----- MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA -----END PUBLIC KEY-----');
    await expect(input).toContainText('Não utilizável: isto é uma chave pública ou um certificado, não a chave privada.');
    await wb.shot('ptbr-key-problem');
    await page.keyboard.press('Escape');
    await expect(input).toBeHidden();
    expect(wb.hostErrors).toEqual([]);
  });
});
