/**
 * Which documents the ID surfaces attach to, and the settings that shape them.
 * Only files and scratch buffers: files on disk, remote and GitHub/Azure Repos files, and the files
 * of the workspace's own folders whatever their scheme (a virtual workspace's file system); never
 * the Output panel (its language is `log` too, and our own log channel prints process IDs) or
 * other extensions' virtual documents.
 */
import * as vscode from 'vscode';

const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'] as const;

export const SECTION = 'idcloud';

export interface IdSurfaceSettings {
  readonly hover: boolean;
  readonly codeLens: boolean;
  readonly links: boolean;
  readonly terminalLinks: boolean;
  readonly inlineVerdicts: boolean;
  readonly lensLanguages: readonly string[];
  readonly lensFilePatterns: readonly string[];
  readonly lensMaxPerDocument: number;
}

/** The settings keys (below `idcloud.`) whose change re-registers the providers. */
export const SETTING_KEYS = [
  'hover.enabled',
  'codeLens.enabled',
  'codeLens.languages',
  'codeLens.filePatterns',
  'codeLens.maxPerDocument',
  'links.enabled',
  'terminalLinks.enabled',
  'inlineVerdicts.enabled',
] as const;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
}

export function readSettings(): IdSurfaceSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    hover: c.get<unknown>('hover.enabled') !== false,
    codeLens: c.get<unknown>('codeLens.enabled') !== false,
    links: c.get<unknown>('links.enabled') !== false,
    terminalLinks: c.get<unknown>('terminalLinks.enabled') !== false,
    inlineVerdicts: c.get<unknown>('inlineVerdicts.enabled') !== false,
    lensLanguages: strings(c.get<unknown>('codeLens.languages')),
    lensFilePatterns: strings(c.get<unknown>('codeLens.filePatterns')),
    lensMaxPerDocument: clampInt(c.get<unknown>('codeLens.maxPerDocument'), 1, 5000, 200),
  };
}

interface HasScheme {
  readonly uri: { readonly scheme: string };
}

/** The schemes the surfaces attach to: SCHEMES and those of the workspace's folders (a virtual workspace's). */
export function surfaceSchemes(folders: readonly HasScheme[] = vscode.workspace.workspaceFolders ?? []): string[] {
  return [...new Set([...SCHEMES, ...folders.map((f) => f.uri.scheme)])];
}

/** Whether a document is one the surfaces attach to (inline verdicts filter editors with it). */
export function isSurfaceDocument(document: HasScheme): boolean {
  return surfaceSchemes().includes(document.uri.scheme);
}

/** Hovers and links: any file. */
export function anyFileSelector(): vscode.DocumentFilter[] {
  return surfaceSchemes().map((scheme) => ({ scheme }));
}

/**
 * Registers what `register` makes for any file (as anyFileSelector) now, and again whenever a
 * workspace folder of a new scheme arrives (a virtual workspace's), so a provider never keeps the
 * schemes it was first registered with. The last two arguments are seams for the tests.
 */
export function registerForAnyFile(
  register: (selector: vscode.DocumentFilter[]) => vscode.Disposable,
  onDidChangeFolders: vscode.Event<unknown> = vscode.workspace.onDidChangeWorkspaceFolders,
  schemes: () => string[] = surfaceSchemes,
): vscode.Disposable {
  let current = schemes();
  const registerFor = (list: readonly string[]): vscode.Disposable => register(list.map((scheme) => ({ scheme })));
  let registered = registerFor(current);
  const listener = onDidChangeFolders(() => {
    const next = schemes();
    if (next.join() === current.join()) return;
    current = next;
    registered.dispose();
    registered = registerFor(current);
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    registered.dispose();
  });
}

/** Code lenses: the configured languages and file patterns, in files only. */
export function codeLensSelector(settings: IdSurfaceSettings): vscode.DocumentFilter[] {
  return surfaceSchemes().flatMap((scheme) => [
    ...settings.lensLanguages.map((language) => ({ scheme, language })),
    ...settings.lensFilePatterns.map((pattern) => ({ scheme, pattern })),
  ]);
}
