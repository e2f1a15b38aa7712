/**
 * Marks an English literal of the core for translation. The core never imports vscode, so this
 * returns the text unchanged; the editor localises it with vscode.l10n.t(text) where it is shown.
 * The bundle extractor (test/harness/l10n-bundle.mjs) reads `l10n.t('…')` calls in src/core like
 * vscode.l10n.t calls, so these strings reach l10n/bundle.l10n.json and its translations.
 */
export const l10n = {
  t: (message: string): string => message,
};
