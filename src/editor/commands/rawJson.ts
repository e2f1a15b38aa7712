/**
 * Open Raw JSON: the Get Process answer, pretty-printed, in a read-only virtual document
 * (`idcloud-process:/<profile>/<id>.json`). It follows refreshes: a new fetch updates it.
 */
import * as vscode from 'vscode';
import { isProcessId } from '../../core/processId';
import type { Lookups, ProcessRef } from '../services';
import type { CommandDeps } from './deps';
import { Commands } from './ids';
import { fetchWithProgress } from './lookUp';
import { registerProcessCommand } from './register';

export const RAW_JSON_SCHEME = 'idcloud-process';

export function rawJsonUri(ref: ProcessRef): vscode.Uri {
  return vscode.Uri.from({ scheme: RAW_JSON_SCHEME, path: `/${ref.profileId}/${ref.id}.json` });
}

export function refFromRawJsonUri(uri: vscode.Uri): ProcessRef | undefined {
  const match = /^\/([a-z0-9][a-z0-9-]{0,31})\/([0-9a-f-]{36})\.json$/.exec(uri.path);
  const profileId = match?.[1];
  const id = match?.[2];
  return profileId !== undefined && id !== undefined && isProcessId(id) ? { id, profileId } : undefined;
}

/** Two-space JSON; a body that does not parse is shown as received. */
export function prettyJson(raw: string): string {
  try {
    return `${JSON.stringify(JSON.parse(raw), null, 2)}\n`;
  } catch {
    return raw;
  }
}

class RawJsonProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly lookups: Lookups) {
    this.subscription = lookups.onDidFetch((ref) => {
      const uri = rawJsonUri(ref);
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = refFromRawJsonUri(uri);
    if (ref === undefined) throw new Error(`not a process document: ${uri.path}`);
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => {
      abort.abort();
    });
    try {
      const fetched = this.lookups.peek(ref) ?? (await this.lookups.get(ref, { signal: abort.signal }));
      return prettyJson(fetched.rawJson);
    } finally {
      sub.dispose();
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerRawJson(deps: CommandDeps): vscode.Disposable {
  const provider = new RawJsonProvider(deps.lookups);
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
