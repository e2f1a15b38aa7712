/**
 * The Get Started walkthrough (package.json contributes.walkthroughs): each step completes on its
 * own event. This sets the `onContext:` keys from the services' events, opens the sample log the
 * walkthrough hovers in, and notices a hover over an ID of that log. VS Code remembers completed
 * steps itself: nothing is persisted here.
 */
import * as vscode from 'vscode';
import { EXAMPLE_PROCESS_ID } from '../core/processId';
import { Commands } from './commandIds';
import { registerCommand } from './commands/register';
import { Disposable } from './lifecycle';
import type { CredentialStore } from './profiles/credentials';
import type { Lookups, Privacy } from './services';

export const WalkthroughContext = {
  referenceLookedUp: 'idcloud.walkthrough.referenceLookedUp',
  sampleHovered: 'idcloud.walkthrough.sampleHovered',
  personalDataToggled: 'idcloud.walkthrough.personalDataToggled',
  sandboxReady: 'idcloud.walkthrough.sandboxReady',
} as const;

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const SAMPLE_LOG = ['media', 'walkthrough', 'sample.log'] as const;

export interface WalkthroughDeps {
  readonly extensionUri: vscode.Uri;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly credentials: CredentialStore;
  readonly log: vscode.LogOutputChannel;
}

export class Walkthrough extends Disposable {
  private readonly sampleLog: vscode.Uri;
  private revealedOnce = false;

  constructor(private readonly deps: WalkthroughDeps) {
    super();
    this.sampleLog = vscode.Uri.joinPath(deps.extensionUri, ...SAMPLE_LOG);
    this._register(registerCommand(deps, Commands.openSampleLog, () => this.openSampleLog()));
    this._register(deps.lookups.onDidFetch((ref) => {
      if (ref.id === EXAMPLE_PROCESS_ID && ref.profileId === 'emulator' && deps.lookups.peek(ref)) this.done(WalkthroughContext.referenceLookedUp);
    }));
    this._register(deps.privacy.onDidChange((revealed) => {
      if (revealed) this.revealedOnce = true;
      else if (this.revealedOnce) this.done(WalkthroughContext.personalDataToggled);
    }));
    this._register(deps.lookups.onDidChangeActiveProfile(() => { void this.checkSandbox(); }));
    this._register(deps.credentials.onDidChange(() => { void this.checkSandbox(); }));
  }

  /** The hover that completes step 2: the composition root registers it just after activation. */
  start(): void {
    this._register(vscode.languages.registerHoverProvider({ pattern: '**/media/walkthrough/sample.log' }, {
      provideHover: (document, position) => {
        if (document.uri.toString() === this.sampleLog.toString() && document.getWordRangeAtPosition(position, UUID)) {
          this.done(WalkthroughContext.sampleHovered);
        }
        return undefined;
      },
    }));
  }

  private async openSampleLog(): Promise<void> {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(this.sampleLog), { preview: false });
  }

  private async checkSandbox(): Promise<void> {
    const profile = this.deps.lookups.activeProfile();
    if (profile.kind === 'sandbox' && await this.deps.credentials.has(profile.id)) this.done(WalkthroughContext.sandboxReady);
  }

  private done(key: string): void {
    void vscode.commands.executeCommand('setContext', key, true);
  }
}
