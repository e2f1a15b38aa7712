// Types of harness.mjs for the TypeScript side (test/e2e).
export const ROOT: string;
export const WORKSPACE: string;
export const SAMPLE_LOG: string;
export const RESULTS_DIR: string;
export const EXTENSION_ID: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];

export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly base: string;
  /** 127.0.0.1:PORT */
  readonly authority: string;
  readonly tmp: string;
  readonly userData: string;
  readonly extDir: string;
  /** Resolves with the exit code when the server process ends. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
  output(): string;
}

export interface StartOptions {
  /** Added to the extension host's process.env. */
  env?: Record<string, string>;
  /** Use an extensions dir with the .vsix installed (see installVsix). */
  extensionsDir?: string;
  /** User settings on top of the harness defaults. */
  settings?: Record<string, unknown>;
  port?: number;
  log?: boolean;
  /** Workspace trust on (the harness turns it off by default), so a folder can be opened untrusted. */
  workspaceTrust?: boolean;
  /** Display language, e.g. 'pt-br': installs the harness's minimal language pack and passes --locale. */
  locale?: string;
  /** Folders of test-only extensions (e.g. test/fixtures/virtual-fs-extension) to pack and install first. */
  testExtensions?: readonly string[];
}

export function startCodeServer(options?: StartOptions): Promise<CodeServer>;

export interface WorkbenchUrlOptions {
  folder?: string;
  extensionDevelopmentPath?: string | string[];
  extensionTestsPath?: string;
  openFile?: string;
}

export function workbenchUrl(server: CodeServer, options?: WorkbenchUrlOptions): string;
export function isolatedEnv(dir: string, extra?: Record<string, string>): Record<string, string>;
export function makeTmp(prefix: string): { dir: string; remove(): void };
/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number>;
