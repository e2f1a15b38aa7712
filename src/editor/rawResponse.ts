/**
 * "Open Raw Response": the (size-capped) body of an answer the extension could not read, in a
 * read-only virtual document — never an untitled file that asks to be saved, never the log.
 */
import * as vscode from 'vscode';
import { OPEN_RAW_RESPONSE } from './errorMessages';

const SCHEME = 'idcloud-response';
const KEEP = 10;

class RawResponses implements vscode.TextDocumentContentProvider {
  private readonly bodies = new Map<string, string>();
  private next = 0;

  add(body: string): vscode.Uri {
    this.next += 1;
    const name = `response-${this.next}`;
    this.bodies.set(name, body);
    for (const oldest of this.bodies.keys()) {
      if (this.bodies.size <= KEEP) break;
      this.bodies.delete(oldest);
    }
    return vscode.Uri.from({ scheme: SCHEME, path: `/${name}.txt` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.bodies.get(uri.path.replace(/^\/|\.txt$/g, '')) ?? vscode.l10n.t('(this response is no longer kept)');
  }
}

export function registerRawResponse(): vscode.Disposable {
  const responses = new RawResponses();
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, responses),
    vscode.commands.registerCommand(OPEN_RAW_RESPONSE, async (body: unknown) => {
      if (typeof body !== 'string') return;
      const doc = await vscode.workspace.openTextDocument(responses.add(body));
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
