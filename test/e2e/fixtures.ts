// Playwright fixtures for the real workbench (code-server 4.100.3 = VS Code 1.100.3, headless Chromium).
//   workbench      one code-server + one loaded workbench per worker, shared by the tests of a file
//                  (loading one costs ~5–10 s on 2 cores); the extension comes from the dev path,
//                  or from the installed .vsix when HARNESS_EXTENSIONS_DIR is set (run-e2e.mjs does);
//                  in the dev pass it also has the test-only virtual file system (VIRTUAL_FS_EXTENSION)
//   ptbrWorkbench  the same in Brazilian Portuguese (--locale pt-br, the harness's language pack):
//                  one per worker, shared by every spec's pt-BR variant (smoke, panel, pt-BR), started
//                  only when one asks for it
//   openWorkbench  a factory for a pristine workbench (own server, profile, settings, env),
//                  stopped when the test ends: for specs that need a fresh install's state
import * as path from 'node:path';
import { test as base, expect, type Browser, type FrameLocator, type Locator, type Page, type TestInfo } from '@playwright/test';
import {
  ROOT, RESULTS_DIR, WORKSPACE, startCodeServer, workbenchUrl, type CodeServer, type StartOptions,
} from '../harness/lib/harness.mjs';

export { expect };

/** Set by run-e2e.mjs for the second pass against the packaged extension. */
const installedExtensions = process.env.HARNESS_EXTENSIONS_DIR;
export const mode: 'dev' | 'vsix' = installedExtensions ? 'vsix' : 'dev';

/** Test-only: serves idcloud-fixture:/logs/virtual.log from a read-only file system (virtual.spec.ts); never shipped. */
export const VIRTUAL_FS_EXTENSION = path.join(ROOT, 'test/fixtures/virtual-fs-extension');

export const ACTIVITY_LABEL = 'IDCloud';
export const VIEW_NAME = 'Processes';

export interface WorkbenchOptions {
  /** User settings on top of the harness defaults. */
  readonly settings?: Record<string, unknown>;
  /** Added to the extension host's process.env. */
  readonly env?: Record<string, string>;
  /** A file to open at load, e.g. path.join(WORKSPACE, 'sample.log'). */
  readonly openFile?: string;
  /** The folder to open (default: the sample workspace). */
  readonly folder?: string;
  /** Workspace trust on, so the folder opens untrusted unless trusted in the prompt. */
  readonly workspaceTrust?: boolean;
  /** Display language of the workbench and the extension host, e.g. 'pt-br'. */
  readonly locale?: string;
  /** Folders of test-only extensions installed beside ours (not in the packaged pass: its extensions dir is the .vsix's). */
  readonly testExtensions?: readonly string[];
}

export class Workbench {
  /**
   * Browser console errors (any frame, webviews included) that mention an extension, the
   * extension host, IDCloud or a refused (CSP) load. Not a record of activation failures: the
   * remote extension host's errors never reach the browser (the smoke spec checks activation
   * by running a command instead).
   */
  readonly hostErrors: string[] = [];

  constructor(readonly page: Page, readonly server: CodeServer) {
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' && /Activating extension|extension host|idcloud|Refused to/i.test(text)) this.hostErrors.push(text);
    });
  }

  async load(openFile?: string, folder = WORKSPACE): Promise<void> {
    const extensionDevelopmentPath = installedExtensions ? undefined : ROOT;
    await this.page.goto(workbenchUrl(this.server, { folder, extensionDevelopmentPath, openFile }));
    await this.page.locator('.monaco-workbench').waitFor();
    // the view container appears once the extension host has scanned our extension
    await this.activityIcon.waitFor();
  }

  get activityIcon(): Locator {
    return this.page.locator(`.activitybar .action-item a[aria-label^="${ACTIVITY_LABEL}"]`);
  }

  /** A status-bar item by its text, e.g. the active profile's label. */
  statusItem(text: string): Locator {
    return this.page.locator('.statusbar-item', { hasText: text });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /** A row of the open quick pick / command palette. */
  quickPickRow(text: string): Locator {
    return this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  }

  /**
   * Run a command from the palette by its title ("IDCloud: Look Up Process…"). The palette takes
   * a snapshot of the commands when it opens (right after load ours may not be registered yet),
   * so reopen it until the row is listed.
   */
  async runCommand(title: string): Promise<void> {
    const row = this.quickPickRow(title);
    await expect(async () => {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      await this.quickInput.fill(`>${title}`);
      await expect(row).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await this.page.keyboard.press('Enter');
  }

  /** A notification toast containing `text`. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-list-item', { hasText: text });
  }

  /**
   * Open a workspace file with Ctrl+P and wait until its tab is the active one. Retried: when a
   * webview panel has the focus (the workbench is shared by the spec files), the first Ctrl+P or
   * Enter can be swallowed, and a tab left open by an earlier spec must not pass for the new one.
   */
  async quickOpen(file: string): Promise<void> {
    const active = this.page.locator('.tabs-container .tab.active', { hasText: path.basename(file) });
    await expect(async () => {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+P');
      await this.quickInput.fill(file);
      await this.quickPickRow(file).waitFor({ timeout: 5_000 });
      await this.page.keyboard.press('Enter');
      await expect(active).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await this.editor.locator('.view-line').first().waitFor();
  }

  tab(title: string): Locator {
    return this.page.locator('.tabs-container .tab', { hasText: title });
  }

  /** The active text editor. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Show the IDCloud side bar; returns the Processes view's pane (`name`: its title in another display language). */
  async openView(name = VIEW_NAME): Promise<Locator> {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: name }) });
    if (!(await pane.isVisible())) await this.activityIcon.click();
    await pane.waitFor();
    return pane;
  }

  /** Rows of a tree view pane (from openView()). */
  treeRows(pane: Locator, text?: string | RegExp): Locator {
    const rows = pane.locator('.monaco-list-row');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /** The visible webview's document (webviews are nested iframes: iframe.webview → #active-frame). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
  }

  /**
   * Put the cursor on the first occurrence of `text` in the active editor and show the hover
   * there (Ctrl+K Ctrl+I: the same widget as the mouse hover, but deterministic). Returns it.
   */
  async hoverAt(text: string): Promise<Locator> {
    await this.find(text);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.hoverWidget();
    await hover.waitFor();
    return hover;
  }

  /** Move the mouse over the first rendered occurrence of `text` (a single token) in the active editor. */
  async mouseHover(text: string): Promise<Locator> {
    await this.editor.locator('.view-line span span', { hasText: text }).first().hover();
    const hover = this.hoverWidget();
    await hover.waitFor();
    return hover;
  }

  /** The visible editor hover. */
  hoverWidget(): Locator {
    return this.page.locator('.monaco-hover:not(.hidden)').filter({ visible: true }).first();
  }

  /** Select the first match of `text` with the find widget, then collapse the cursor to its start. */
  async find(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.find-widget.visible textarea, .find-widget.visible input').first();
    await input.fill(text);
    await expect(this.page.locator('.find-widget.visible .matchesCount')).not.toHaveText(/No results/);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('ArrowLeft');
  }

  /** Code lenses rendered in the active editor. */
  codeLenses(text?: string | RegExp): Locator {
    const lenses = this.editor.locator('.contentWidgets .codelens-decoration a');
    return text === undefined ? lenses : lenses.filter({ hasText: text });
  }

  /** Save test-results/<name>.png (…-vsix.png in the packaged pass). */
  async shot(name: string): Promise<string> {
    const file = path.join(RESULTS_DIR, `${name}${mode === 'vsix' ? '-vsix' : ''}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

async function openIn(browser: Browser, options: WorkbenchOptions, close: (() => Promise<void>)[]): Promise<Workbench> {
  const start: StartOptions = {
    settings: options.settings, env: options.env, extensionsDir: installedExtensions, workspaceTrust: options.workspaceTrust, locale: options.locale,
    testExtensions: installedExtensions ? [] : options.testExtensions,
  };
  const server = await startCodeServer(start);
  close.push(() => server.stop());
  const page = await browser.newPage();
  close.push(() => page.close());
  const wb = new Workbench(page, server);
  await wb.load(options.openFile, options.folder);
  return wb;
}

async function closeAll(close: (() => Promise<void>)[]): Promise<void> {
  for (const fn of close.reverse()) await fn();
}

async function attachShots(testInfo: TestInfo, workbenches: readonly Workbench[]): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const wb of workbenches) {
    if (!wb.page.isClosed()) await testInfo.attach('workbench', { body: await wb.page.screenshot(), contentType: 'image/png' });
  }
}

/** The worker's shared workbenches once some test asked for them (for the failure screenshot). */
let shared: Workbench | undefined;
let sharedPtBr: Workbench | undefined;

export const test = base.extend<
  { openWorkbench: (options?: WorkbenchOptions) => Promise<Workbench>; failureShot: undefined },
  { workbench: Workbench; ptbrWorkbench: Workbench }
>({
  workbench: [async ({ browser }, use) => {
    const close: (() => Promise<void>)[] = [];
    try {
      shared = await openIn(browser, { testExtensions: [VIRTUAL_FS_EXTENSION] }, close);
      await use(shared);
    } finally {
      shared = undefined;
      await closeAll(close);
    }
  }, { scope: 'worker' }],

  ptbrWorkbench: [async ({ browser }, use) => {
    const close: (() => Promise<void>)[] = [];
    try {
      sharedPtBr = await openIn(browser, { locale: 'pt-br' }, close);
      await use(sharedPtBr);
    } finally {
      sharedPtBr = undefined;
      await closeAll(close);
    }
  }, { scope: 'worker' }],

  // The shared pages are not Playwright's own `page` fixture: attach its screenshot on failure ourselves.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  failureShot: [async ({}, use, testInfo) => {
    await use(undefined);
    await attachShots(testInfo, [shared, sharedPtBr].filter((wb) => wb !== undefined));
  }, { auto: true }],

  openWorkbench: async ({ browser }, use, testInfo) => {
    const close: (() => Promise<void>)[] = [];
    const opened: Workbench[] = [];
    try {
      await use(async (options = {}) => {
        const wb = await openIn(browser, options, close);
        opened.push(wb);
        return wb;
      });
    } finally {
      await attachShots(testInfo, opened);
      await closeAll(close);
    }
  },
});
