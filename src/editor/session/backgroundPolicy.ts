/**
 * The one place that says whether background surfaces may fetch for a profile now (see
 * core/background.ts for the rule). Hovers, lenses, inline verdicts and process documents opened
 * without a command ask it; explicit commands never do. `onDidChange` fires when the answer may
 * differ: workspace trust granted, credentials stored or cleared, profiles changed.
 */
import * as vscode from 'vscode';
import { type BackgroundBlock, backgroundBlock } from '../../core/background';
import { Disposable } from '../lifecycle';
import type { Profile } from '../services';

/** The workspace-trust facts (vscode.workspace in the product; a fake in tests). */
export interface TrustSource {
  readonly isTrusted: boolean;
  readonly onDidGrantWorkspaceTrust: vscode.Event<void>;
}

export interface BackgroundPolicyDeps {
  readonly profile: (id: string) => Profile | undefined;
  readonly credentials: { has(profileId: string): Promise<boolean>; readonly onDidChange: vscode.Event<string> };
  readonly onDidChangeProfiles: vscode.Event<unknown>;
  readonly trust?: TrustSource;
}

export class BackgroundPolicy extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private readonly trust: TrustSource;

  constructor(private readonly deps: BackgroundPolicyDeps) {
    super();
    this.trust = deps.trust ?? vscode.workspace;
    const fire = (): void => {
      this._onDidChange.fire();
    };
    this._register(this.trust.onDidGrantWorkspaceTrust(fire));
    this._register(deps.credentials.onDidChange(fire));
    this._register(deps.onDidChangeProfiles(fire));
  }

  get trusted(): boolean {
    return this.trust.isTrusted;
  }

  /** Why background surfaces may not fetch for this profile now; undefined when they may. */
  async block(profileId: string): Promise<BackgroundBlock | undefined> {
    const profile = this.deps.profile(profileId);
    if (!profile) return 'noCredentials';
    if (!this.trust.isTrusted) return 'untrusted';
    const hasCredentials = profile.kind === 'emulator' || (await this.deps.credentials.has(profileId));
    return backgroundBlock({ trusted: this.trust.isTrusted, production: profile.production, hasCredentials });
  }
}
