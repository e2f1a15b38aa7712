/**
 * Switch Profile: every profile with its URL and whether it has credentials, buttons to set
 * credentials or test the connection, and the way to add a custom profile. Picking one makes it
 * the profile of this window only.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { Profile } from '../services';
import type { CredentialStore } from './credentials';
import type { ProfileService } from './profileService';

interface ProfileItem extends vscode.QuickPickItem {
  readonly profile?: Profile;
  readonly run?: () => Thenable<unknown>;
}

interface Buttons {
  readonly setCredentials: vscode.QuickInputButton;
  readonly testConnection: vscode.QuickInputButton;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function profileItem(p: Profile, active: Profile, credentials: CredentialStore, buttons: Buttons): Promise<ProfileItem> {
  const isActive = p.id === active.id;
  let detail: string;
  if (p.kind === 'emulator') {
    detail = vscode.l10n.t('Built in, on this machine: no credentials needed');
  } else {
    const stored = await credentials.get(p.id);
    detail = stored === undefined
      ? `$(circle-slash) ${vscode.l10n.t('No credentials')}`
      : stored.kind === 'token'
        ? `$(key) ${vscode.l10n.t('Access token set')}`
        : `$(key) ${vscode.l10n.t('Service account {0} set', stored.accountName)}`;
  }
  return {
    label: `${isActive ? '$(check)' : '$(blank)'} ${p.label}`,
    description: [p.kind === 'emulator' ? vscode.l10n.t('local') : host(p.apiBaseUrl), p.production ? `$(warning) ${vscode.l10n.t('production')}` : '']
      .filter((s) => s !== '')
      .join(' · '),
    detail,
    profile: p,
    buttons: p.kind === 'emulator' ? [buttons.testConnection] : [buttons.setCredentials, buttons.testConnection],
  };
}

/** Shows the picker; resolves to the profile now active, or undefined when dismissed. */
export async function switchProfile(profiles: ProfileService, credentials: CredentialStore): Promise<Profile | undefined> {
  const active = profiles.active();
  const buttons: Buttons = {
    setCredentials: { iconPath: new vscode.ThemeIcon('key'), tooltip: vscode.l10n.t('Set Credentials…') },
    testConnection: { iconPath: new vscode.ThemeIcon('plug'), tooltip: vscode.l10n.t('Test Connection') },
  };
  const items: ProfileItem[] = await Promise.all(profiles.profiles().map((p) => profileItem(p, active, credentials, buttons)));
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(add) ${vscode.l10n.t('Add a Custom Profile…')}`,
      detail: vscode.l10n.t('In your user settings (idcloud.customProfiles): a workspace cannot add one.'),
      run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'idcloud.customProfiles'),
    },
    { label: `$(output) ${vscode.l10n.t('Show Log')}`, run: () => vscode.commands.executeCommand(Commands.showLog) },
  );

  const pick = vscode.window.createQuickPick<ProfileItem>();
  pick.title = vscode.l10n.t('IDCloud: Switch Profile (this window)');
  pick.placeholder = vscode.l10n.t('Active: {0}. Pick the profile this window looks processes up in.', active.label);
  pick.matchOnDescription = true;
  pick.items = items;
  pick.activeItems = items.filter((i) => i.profile?.id === active.id);
  const chosen = await new Promise<ProfileItem | undefined>((resolve) => {
    pick.onDidAccept(() => { resolve(pick.selectedItems[0]); });
    pick.onDidHide(() => { resolve(undefined); });
    pick.onDidTriggerItemButton((e) => {
      const id = e.item.profile?.id;
      const command = e.button === buttons.testConnection ? Commands.testConnection : Commands.setCredentials;
      pick.hide();
      if (id !== undefined) void vscode.commands.executeCommand(command, id);
    });
    pick.show();
  });
  pick.dispose();
  if (chosen?.run) {
    await chosen.run();
    return undefined;
  }
  if (!chosen?.profile) return undefined;
  const next = await profiles.setActive(chosen.profile.id);
  if (next.kind !== 'emulator' && !(await credentials.has(next.id))) {
    const set = vscode.l10n.t('Set Credentials…');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('{0} is now the profile of this window. It has no credentials yet.', next.label), set)
      .then((picked) => picked === set && vscode.commands.executeCommand(Commands.setCredentials, next.id));
  }
  return next;
}
