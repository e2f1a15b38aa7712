/**
 * Open Raw JSON: the Get Process answer, pretty-printed, in a read-only virtual document
 * (`idcloud-process:/<profile>/<id>.json`). Like every other surface it hides personal values
 * (CPF, names, personal OCR fields, wherever they occur) until personal data is revealed, and it
 * follows refreshes and the privacy toggle. Copy as JSON is the way to the exact bytes.
 * A document opened without the command (a link, a restored tab) is a background surface: it shows
 * the cached answer, and fetches only where the Background policy allows (never in Restricted Mode).
 */
import * as vscode from 'vscode';
import { InvalidProcessIdError } from '../../core/errors';
import { maskValue } from '../../core/mask';
import { fetchedDocumentRows, webSdkProcess } from '../../core/fetched';
import { parseProcessId } from '../../core/processId';
import { redact } from '../../core/redact';
import type { FetchedProcess } from '../../core/types';
import { maskJson, personalValues } from '../../core/maskJson';
import type { Background, BackgroundBlock, Lookups, Privacy, ProcessRef } from '../services';
import type { CommandDeps } from './deps';
import { Commands } from '../commandIds';
import { fetchWithProgress } from './lookUp';
import { registerProcessCommand } from './register';

export const RAW_JSON_SCHEME = 'idcloud-process';

export function rawJsonUri(ref: ProcessRef): vscode.Uri {
  return vscode.Uri.from({ scheme: RAW_JSON_SCHEME, path: `/${ref.profileId}/${ref.id}.json` });
}

export function refFromRawJsonUri(uri: vscode.Uri): ProcessRef | undefined {
  const match = /^\/([a-z0-9][a-z0-9-]{0,31})\/([0-9a-f-]{36})\.json$/.exec(uri.path);
  const profileId = match?.[1];
  const id = parseProcessId(match?.[2]);
  return profileId !== undefined && id !== undefined ? { id, profileId } : undefined;
}

/** Two-space JSON, personal values masked unless `revealed`; a body that does not parse is shown as received. */
export function rawJsonText(fetched: FetchedProcess, revealed: boolean): string {
  let value: unknown;
  try {
    value = JSON.parse(fetched.rawJson);
  } catch {
    return revealed ? fetched.rawJson : redact(fetched.rawJson);
  }
  // The API contract's answer carries no personal data (id, status, capability answers).
  const p = webSdkProcess(fetched);
  const shown = revealed || !p ? value : maskJson(value, personalValues(p, fetchedDocumentRows(fetched)), maskValue);
  return `${JSON.stringify(shown, null, 2)}\n`;
}

/** The text of a process document that may not fetch by itself: why, and the command that does. */
function notLookedUp(block: BackgroundBlock): string {
  const why = block === 'untrusted'
    ? vscode.l10n.t('This workspace is not trusted, so nothing is looked up by itself.')
    : block === 'production'
      ? vscode.l10n.t('Production processes are looked up only on request.')
      : vscode.l10n.t('This profile has no credentials.');
  return `// ${why}\n// ${vscode.l10n.t('Not looked up. Run "IDCloud: Open Raw JSON" to look it up.')}\n`;
}

class RawJsonProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly lookups: Lookups, private readonly privacy: Privacy, private readonly background: Background | undefined) {
    this.subscriptions = [
      ...(background ? [background.onDidChange(() => {
        for (const doc of this.openDocuments()) this.changed.fire(doc);
      })] : []),
      lookups.onDidFetch((ref) => {
        const uri = rawJsonUri(ref).toString();
        for (const doc of this.openDocuments()) if (doc.toString() === uri) this.changed.fire(doc);
      }),
      privacy.onDidChange(() => {
        for (const doc of this.openDocuments()) this.changed.fire(doc);
      }),
    ];
  }

  private openDocuments(): vscode.Uri[] {
    return vscode.workspace.textDocuments.map((d) => d.uri).filter((u) => u.scheme === RAW_JSON_SCHEME);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = refFromRawJsonUri(uri);
    if (ref === undefined) throw new InvalidProcessIdError(uri.path.slice(0, 64)); // not /<profile>/<process id>.json
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => {
      abort.abort();
    });
    try {
      const cached = this.lookups.peek(ref);
      if (cached) return rawJsonText(cached, this.privacy.revealed);
      const block = this.background ? await this.background.block(ref.profileId) : 'untrusted';
      if (block !== undefined) return notLookedUp(block);
      return rawJsonText(await this.lookups.get(ref, { signal: abort.signal, background: true }), this.privacy.revealed);
    } finally {
      sub.dispose();
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

export function registerRawJson(deps: CommandDeps): vscode.Disposable {
  const provider = new RawJsonProvider(deps.lookups, deps.privacy, deps.background);
  return vscode.Disposable.from(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(RAW_JSON_SCHEME, provider),
    registerProcessCommand(deps, Commands.openRawJson, async (ref) => {
      await fetchWithProgress(deps, ref); // errors surface here, with their actions, not as a broken tab
      const doc = await vscode.workspace.openTextDocument(rawJsonUri(ref));
      if (doc.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(doc, 'json');
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc.uri;
    }),
  );
}
