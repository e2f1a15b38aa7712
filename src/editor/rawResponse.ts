/**
 * "Open Raw Response": the (size-capped) body of an answer the extension could not read, in a
 * read-only virtual document — never an untitled file that asks to be saved, never the log. Like
 * every other surface it hides personal data (maskBody) until personal data is revealed, and
 * follows the privacy toggle.
 */
import * as vscode from 'vscode';
import { InternalCommands } from './commandIds';
import { type CommandContext, registerCommand } from './commands/register';
import { maskBody } from '../core/maskJson';
import type { Privacy } from './services';

export interface RawResponseDeps extends CommandContext {
  readonly privacy: Privacy;
}

const SCHEME = 'idcloud-response';
const KEEP = 10;

class RawResponses implements vscode.TextDocumentContentProvider {
  private readonly bodies = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private next = 0;

  constructor(private readonly privacy: Privacy) {}

  add(body: string): vscode.Uri {
    this.next += 1;
    const name = `response-${this.next}`;
    this.bodies.set(name, body);
    for (const oldest of this.bodies.keys()) {
      if (this.bodies.size <= KEEP) break;
      this.bodies.delete(oldest);
    }
    return uriOf(name);
  }

  /** Every kept response shows again, masked or exact. */
  refresh(): void {
    for (const name of this.bodies.keys()) this.changed.fire(uriOf(name));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const body = this.bodies.get(uri.path.replace(/^\/|\.txt$/g, ''));
    if (body === undefined) return vscode.l10n.t('(this response is no longer kept)');
    return this.privacy.revealed ? body : maskBody(body);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function uriOf(name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}.txt` });
}

export function registerRawResponse(deps: RawResponseDeps): vscode.Disposable {
  const responses = new RawResponses(deps.privacy);
  return vscode.Disposable.from(
    responses,
    deps.privacy.onDidChange(() => { responses.refresh(); }),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, responses),
    registerCommand(deps, InternalCommands.openRawResponse, async (body: unknown) => {
      if (typeof body !== 'string') return;
      const doc = await vscode.workspace.openTextDocument(responses.add(body));
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
