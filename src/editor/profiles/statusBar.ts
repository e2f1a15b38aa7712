/**
 * The active profile, always in the status bar, derived from the ProfileService on every change
 * (never a copy that can drift from what lookups use). Production in the warning colour.
 * Clicking opens Switch Profile.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { escapeMarkdown as escapeText, inert } from '../ids/summaryText';
import { Disposable } from '../lifecycle';
import type { Profile } from '../services';
import type { CredentialStore } from './credentials';
import type { ProfileService } from './profileService';

export const STATUS_BAR_ID = 'idcloud.profile';

/** Markdown-inert, no bidi control or icon (a custom profile's label is the user's text). */
function escapeMarkdown(text: string): string {
  return escapeText(text, 400);
}

export class ProfileStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50));
  private version = 0;

  constructor(private readonly profiles: ProfileService, private readonly credentials: CredentialStore) {
    super();
    this.item.name = vscode.l10n.t('IDCloud Profile');
    this.item.command = Commands.switchProfile;
    this._register(profiles.onDidChangeActiveProfile(() => { this.render(); }));
    this._register(profiles.onDidChangeProfiles(() => { this.render(); }));
    this._register(credentials.onDidChange((id) => {
      if (id === this.profiles.active().id) this.render();
    }));
    this.render();
    this.item.show();
  }

  /** What the item shows right now (host tests read it). */
  get state(): { readonly text: string; readonly warning: boolean; readonly profileId: string } {
    return { text: this.item.text, warning: this.item.backgroundColor !== undefined, profileId: this.profiles.active().id };
  }

  private render(): void {
    const profile = this.profiles.active();
    this.item.text = `$(server-environment) ${inert(profile.label)}`;
    this.item.backgroundColor = profile.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = {
      label: profile.production
        ? vscode.l10n.t('IDCloud profile: {0}, production. Click to switch.', profile.label)
        : vscode.l10n.t('IDCloud profile: {0}. Click to switch.', profile.label),
    };
    this.item.tooltip = this.tooltip(profile, undefined);
    // The credential state arrives asynchronously; a newer render wins.
    const version = ++this.version;
    void this.hasCredentials(profile).then((has) => {
      if (version === this.version && !this.isDisposed) this.item.tooltip = this.tooltip(profile, has);
    });
  }

  private async hasCredentials(profile: Profile): Promise<boolean> {
    return profile.kind === 'emulator' || (await this.credentials.has(profile.id));
  }

  private tooltip(profile: Profile, hasCredentials: boolean | undefined): vscode.MarkdownString {
    const lines = [
      `**${escapeMarkdown(vscode.l10n.t('IDCloud profile: {0}', profile.label))}**${profile.production ? ` — $(warning) ${escapeMarkdown(vscode.l10n.t('production'))}` : ''}`,
      profile.kind === 'emulator'
        ? escapeMarkdown(vscode.l10n.t('The built-in local emulator (no credentials needed).'))
        : `${escapeMarkdown(vscode.l10n.t('API:'))} \`${profile.apiBaseUrl.replace(/`/g, '')}\``,
    ];
    if (hasCredentials === false) lines.push(`$(key) ${escapeMarkdown(vscode.l10n.t('No credentials set.'))}`);
    lines.push(escapeMarkdown(vscode.l10n.t('Click to switch profile.')));
    const md = new vscode.MarkdownString(lines.join('\n\n'), true);
    md.isTrusted = false;
    return md;
  }
}
