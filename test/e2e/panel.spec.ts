// The process panel as a new user meets it, in the real workbench on the Local emulator profile:
// look up the reference example from the palette, read the verdict with personal data masked,
// reveal it, open the document PDF (through the host; in code-server through its proxy), show the selfie, reload the window and find
// the panel restored. Then the hostile fixture: every payload shows as text, no script runs, no
// request leaves the webview. Screenshots of the panel in dark, light and high-contrast themes.
// The first two run again in Brazilian Portuguese, on the one pt-BR workbench the specs share.
import type { FrameLocator, Request } from '@playwright/test';
import { test, expect, type Workbench } from './fixtures';

const REFERENCE_ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';
const HOSTILE_ID = '9b1d4ecd-7ac3-40f4-a8aa-44e9034c614b';

/** What this spec reads on screen, per display language. */
const LANGUAGES = [
  {
    lang: 'en', suffix: '', lookUp: 'IDCloud: Look Up Process…', emulator: 'Local emulator', show: 'Show Personal Data',
    hide: 'Hide Personal Data', expandAll: 'Expand All', filter: 'Filter keys and values', openPdf: 'Open PDF',
    selfie: 'Get Selfie', serpro: 'Serpro similarity',
  },
  {
    lang: 'pt-br', suffix: '-ptbr', lookUp: 'IDCloud: Consultar processo…', emulator: 'Emulador local', show: 'Mostrar dados pessoais',
    hide: 'Ocultar dados pessoais', expandAll: 'Expandir tudo', filter: 'Filtrar chaves e valores', openPdf: 'Abrir PDF',
    selfie: 'Obter selfie', serpro: 'Similaridade Serpro',
  },
] as const;
type Texts = (typeof LANGUAGES)[number];

async function lookUp(wb: Workbench, id: string, t: Texts = LANGUAGES[0]): Promise<FrameLocator> {
  await wb.runCommand(t.lookUp);
  await wb.quickInput.fill(id);
  await wb.page.keyboard.press('Enter');
  await expect(wb.page.locator('.tabs-container .tab', { hasText: `${id.slice(0, 8)} · ${t.emulator}` })).toBeVisible();
  const frame = wb.webviewFrame();
  await expect(frame.locator('header.banner h1')).toBeVisible();
  return frame;
}

/** Requests made by the webview's documents (iframe.webview and its #active-frame). */
function webviewRequests(wb: Workbench): Request[] {
  const seen: Request[] = [];
  wb.page.on('request', (r) => {
    if (r.frame() !== wb.page.mainFrame()) seen.push(r);
  });
  return seen;
}

test.describe('process panel', () => {
  for (const t of LANGUAGES) {
    // English on a pristine workbench per test; pt-BR on the shared pt-BR workbench (one load for all)
    const run = (title: string, body: (wb: Workbench) => Promise<void>): void => {
      if (t.lang === 'en') test(title, async ({ openWorkbench }) => { await body(await openWorkbench()); });
      else test(`${title} (pt-BR)`, async ({ ptbrWorkbench }) => { await body(ptbrWorkbench); });
    };

    run('a new user looks up the reference example, reveals it, opens the PDF and the selfie, and keeps the panel across a reload', async (wb) => {
      const frame = await lookUp(wb, REFERENCE_ID, t);

      // the plain meaning leads; the value as the API sent it follows, small and copyable
      const state = frame.locator('.section-state dd').first();
      if (t.lang === 'en') await expect(state.locator('.text')).toHaveText(/^Journey completed\b/);
      await expect(state.locator('.raw code')).toHaveText('PROCESS_STATE_FINISHED');
      // the verdict icon is a codicon drawn from media/icons.css (a data: mask), not a text glyph
      await expect(frame.locator('header.banner .verdict-icon')).toHaveCSS('mask-image', /^url\("data:image\/svg\+xml/);
      await expect(frame.locator('header.banner .verdict-icon')).toHaveText('');
      if (t.lang === 'en') await expect(state.getByRole('button', { name: 'Copy the value as sent: PROCESS_STATE_FINISHED' })).toBeVisible();

      // the reference example is OK with an inconclusive identity: the banner says so and asks for attention
      await expect(frame.locator('header.banner')).toHaveClass(/verdict-ok.*attention/);
      if (t.lang === 'en') await expect(frame.locator('header.banner h1')).toHaveText('OK — Identity verification inconclusive, Risk fraud classification inconclusive; decided with risk score 85.5');
      await expect(frame.locator('.badge')).toHaveText(t.emulator);
      const name = frame.locator('.section-person dd').nth(2);
      await expect(name).toContainText('L*** S********');
      await expect(frame.locator('body')).not.toContainText('Luke Skywalker');
      await expect(frame.locator('body')).not.toContainText('12345678909');
      await expect(frame.locator('.section-capabilities')).toContainText(t.serpro);

      await frame.getByRole('button', { name: t.show }).click();
      await expect(name).toContainText('Luke Skywalker');
      await expect(frame.getByRole('button', { name: t.hide })).toHaveAttribute('aria-pressed', 'true');

      // Open PDF: the host asks the workbench to open the emulator's signed URL (the one the panel's
      // raw JSON shows) in a new browser tab; the webview itself never navigates. The emulator is on
      // the extension host's machine: in code-server the tab goes through code-server's own
      // /proxy/<port>/ with the signed URL's path and query kept, and gets the PDF.
      await frame.getByRole('button', { name: t.expandAll }).click();
      const filter = frame.getByRole('searchbox', { name: t.filter });
      await filter.fill('signed_url');
      await expect(frame.locator('.json-leaf')).toHaveCount(1);
      const leaf = await frame.locator('.json-leaf').textContent();
      await filter.fill('');
      const signedUrl = /"http:\/\/127\.0\.0\.1:(\d+)(\/signed\/53060f52-f146-4c12-a234-5bb5031f6f5b\/doc-abc-123\?expires=\d+&signature=[0-9a-f]+)"/.exec(leaf ?? '');
      expect(signedUrl, `no emulator signed_url in ${String(leaf)}`).not.toBeNull();
      const [, port = '', pathAndQuery = ''] = signedUrl ?? [];
      const tab = wb.page.context().waitForEvent('page');
      const pdf = wb.page.context().waitForEvent('response', (r) => r.request().isNavigationRequest() && r.url().endsWith(pathAndQuery));
      await frame.getByRole('button', { name: t.openPdf }).click();
      const response = await pdf;
      expect(response.url()).toBe(`${wb.server.base}/proxy/${port}${pathAndQuery}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      // the tab shows it in Chromium's PDF viewer (whose page is what response.body() returns): the bytes, fetched again
      expect((await (await wb.page.request.get(response.url())).body()).subarray(0, 4).toString()).toBe('%PDF');
      await (await tab).close();

      await frame.getByRole('button', { name: t.selfie }).click();
      const selfie = frame.locator('img.selfie');
      await expect(selfie).toBeVisible();
      await expect(selfie).toHaveJSProperty('complete', true);
      await expect(selfie).not.toHaveJSProperty('naturalWidth', 0); // decoded, not a broken image
      await selfie.scrollIntoViewIfNeeded();
      expect(await selfie.getAttribute('src')).toMatch(/^data:image\/(png|jpeg|webp);base64,/);
      await wb.shot(`panel-reference-revealed${t.suffix}`);

      await wb.runCommand('Developer: Reload Window');
      await wb.page.locator('.monaco-workbench').waitFor();
      const panelTab = wb.tab(`53060f52 · ${t.emulator}`);
      await expect(panelTab).toBeVisible();
      // code-server's own service worker can hold back a webview revived at load until its tab is clicked.
      await panelTab.click();
      const restored = wb.webviewFrame();
      await expect(restored.locator('header.banner h1')).toHaveText(/^OK — /);
      // A new window starts masked again; the restored panel carries no personal data over.
      await expect(restored.locator('.section-person dd').nth(2)).toContainText('L*** S********');
      expect(wb.hostErrors).toEqual([]);
    });

    run('the hostile fixture renders as inert text: no script runs, no request leaves the webview', async (wb) => {
      const dialogs: string[] = [];
      wb.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      const requests = webviewRequests(wb);
      const frame = await lookUp(wb, HOSTILE_ID, t);
      await expect(frame.locator('.section-raw')).toBeVisible();
      await frame.getByRole('button', { name: t.show }).click();
      await expect(frame.getByRole('button', { name: t.hide })).toBeVisible();
      await frame.getByRole('button', { name: t.expandAll }).click();

      await expect(frame.locator('header.banner')).toHaveClass(/verdict-unknown/);
      await expect(frame.getByText('<img src=x onerror=alert(1)>', { exact: true }).first()).toBeVisible();
      await expect(frame.getByText('<script>alert("idcloud")</script>', { exact: true }).first()).toBeVisible();
      await expect(frame.getByText('[x](command:workbench.action.quit)', { exact: true }).first()).toBeVisible();
      await expect(frame.locator('.unknown-mark').first()).toBeVisible();
      // Nothing the API sent became an element: only our own tags exist in the panel.
      await expect(frame.locator('#root').locator('img, script, iframe, style, svg, a, b, u, marquee, object, embed, link')).toHaveCount(0);
      await expect(frame.locator('body script')).toHaveCount(1); // ours, by nonce
      await expect(frame.locator('[onerror], [onload], [onclick], [srcdoc], [href^="javascript:"], iframe, object, embed')).toHaveCount(0);
      await wb.shot(`panel-hostile${t.suffix}`);

      expect(dialogs).toEqual([]);
      const leaked = requests.map((r) => r.url()).filter((u) => !isOwnWebviewResource(u));
      expect(leaked).toEqual([]);
      expect(wb.hostErrors).toEqual([]);
    });
  }

  // One fresh workbench per theme: the Color Theme picker also searches the (offline) marketplace.
  for (const [theme, bodyClass, name] of [
    ['Default Dark Modern', 'vscode-dark', 'panel-dark'],
    ['Default Light Modern', 'vscode-light', 'panel-light'],
    ['Default High Contrast', 'vscode-high-contrast', 'panel-high-contrast'],
  ] as const) {
    test(`screenshot in ${theme}`, async ({ openWorkbench }) => {
      const wb = await openWorkbench({ settings: { 'workbench.colorTheme': theme } });
      const frame = await lookUp(wb, '3c21fcf7-b8b3-428c-9fe3-d38c3b8e0dbe'); // invalid identity, a document with failed checks
      await expect(frame.locator(`body.${bodyClass}`)).toBeVisible();
      await expect(frame.locator('header.banner')).toHaveClass(/verdict-invalidIdentity/);
      await wb.shot(name);
    });
  }
});

/** The webview's own files: VS Code's webview host pages and our two bundles; nothing else may load. */
function isOwnWebviewResource(url: string): boolean {
  if (/\/webview\/browser\/pre\/(index\.html|fake\.html|service-worker\.js|main\.js)/.test(url)) return true;
  return /\/(dist\/webview\.js|media\/(panel|icons)\.css)(\?.*)?$/.test(url);
}
