/**
 * The active profile, always in the status bar, derived from the ProfileService on every change
 * (never a copy that can drift from what lookups use). Production in the warning colour.
 * Clicking opens Switch Profile; while the profile has no credentials (the Local emulator needs
 * none) the item says so and clicking sets them, until they are stored or the profile switches.
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
  /** Made by start(), in the start-up task that follows activate(). */
  private item: vscode.StatusBarItem | undefined;
  private version = 0;
  private rendering: Promise<void> = Promise.resolve();
  /** What the item last showed, so a credential change does not flicker through "has credentials". */
  private shown: { readonly profileId: string; readonly hasCredentials: boolean } | undefined;

  constructor(private readonly profiles: ProfileService, private readonly credentials: CredentialStore) {
    super();
    this._register(profiles.onDidChangeActiveProfile(() => { this.render(); }));
    this._register(profiles.onDidChangeProfiles(() => { this.render(); }));
    this._register(credentials.onDidChange((id) => {
      if (id === this.profiles.active().id) this.render();
    }));
  }

  /** Shows the item (once). */
  start(): void {
    if (this.item) return;
    this.item = this._register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50));
    this.item.name = vscode.l10n.t('IDCloud Profile');
    this.render();
    this.item.show();
  }

  /** What the item shows right now (host tests read it, after `settled()`). */
  get state(): { readonly text: string; readonly warning: boolean; readonly profileId: string; readonly command: string | undefined } {
    const item = this.item;
    const command = typeof item?.command === 'string' ? item.command : item?.command?.command;
    return { text: item?.text ?? '', warning: item?.backgroundColor !== undefined, profileId: this.profiles.active().id, command };
  }

  /** Resolves once the item shows whether the active profile has credentials. */
  settled(): Promise<void> {
    return this.rendering;
  }

  private render(): void {
    const { item } = this;
    if (!item) return; // not started yet: start() renders
    const profile = this.profiles.active();
    this.show(item, profile, this.shown?.profileId === profile.id ? this.shown.hasCredentials : true);
    // The credential state arrives asynchronously; a newer render wins.
    const version = ++this.version;
    this.rendering = this.hasCredentials(profile).then((has) => {
      if (version === this.version && !this.isDisposed) this.show(item, profile, has);
    }, () => undefined);
  }

  private show(item: vscode.StatusBarItem, profile: Profile, hasCredentials: boolean): void {
    this.shown = { profileId: profile.id, hasCredentials };
    const label = inert(profile.label);
    item.text = hasCredentials
      ? `$(server-environment) ${label}`
      : `$(server-environment) ${vscode.l10n.t('{0}: no credentials', label)}`;
    item.backgroundColor = profile.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.command = hasCredentials
      ? Commands.switchProfile
      : { title: vscode.l10n.t('Set Credentials'), command: Commands.setCredentials, arguments: [profile.id] };
    const click = hasCredentials ? vscode.l10n.t('Click to switch.') : vscode.l10n.t('No credentials set. Click to set them.');
    item.accessibilityInformation = {
      label: profile.production
        ? vscode.l10n.t('IDCloud profile: {0}, production. {1}', profile.label, click)
        : vscode.l10n.t('IDCloud profile: {0}. {1}', profile.label, click),
    };
    item.tooltip = this.tooltip(profile, hasCredentials);
  }

  private async hasCredentials(profile: Profile): Promise<boolean> {
    return profile.kind === 'emulator' || (await this.credentials.has(profile.id));
  }

  private tooltip(profile: Profile, hasCredentials: boolean): vscode.MarkdownString {
    const lines = [
      `**${escapeMarkdown(vscode.l10n.t('IDCloud profile: {0}', profile.label))}**${profile.production ? ` — $(warning) ${escapeMarkdown(vscode.l10n.t('production'))}` : ''}`,
      profile.kind === 'emulator'
        ? escapeMarkdown(vscode.l10n.t('The built-in local emulator (no credentials needed).'))
        : `${escapeMarkdown(vscode.l10n.t('API:'))} \`${profile.apiBaseUrl.replace(/`/g, '')}\``,
    ];
    if (hasCredentials) {
      lines.push(escapeMarkdown(vscode.l10n.t('Click to switch profile.')));
    } else {
      lines.push(`$(key) ${escapeMarkdown(vscode.l10n.t('No credentials set. Click to set them.'))}`);
      lines.push(`[${escapeMarkdown(vscode.l10n.t('Switch Profile'))}](command:${Commands.switchProfile})`);
    }
    const md = new vscode.MarkdownString(lines.join('\n\n'), true);
    // Only Switch Profile may run from it (the click sets credentials while there are none).
    md.isTrusted = { enabledCommands: [Commands.switchProfile] };
    return md;
  }
}
