/**
 * The profiles of this window and which one is active. The active profile lives in
 * workspaceState — per window/workspace, never shared with other windows (REST Client's global
 * environment sent a user's data to production). Custom profiles come only from the user-level
 * value of `idcloud.customProfiles`: a repository's .vscode/settings.json cannot add or redirect one.
 */
import * as vscode from 'vscode';
import { UnknownProfileError } from '../../core/errors';
import { Disposable } from '../lifecycle';
import type { EmulatorEndpoints, Profile } from '../services';
import { BUILTIN_PROFILES, EMULATOR_PROFILE, EMULATOR_PROFILE_ID, parseCustomProfiles, problemInEnglish } from './definitions';
import { profileProblemText } from './problemText';

const ACTIVE_KEY = 'idcloud.activeProfile';

function localised(p: Profile): Profile {
  switch (p.kind) {
    case 'emulator': return { ...p, label: vscode.l10n.t('Local emulator') };
    case 'sandbox': return { ...p, label: vscode.l10n.t('Sandbox') };
    case 'production': return { ...p, label: vscode.l10n.t('Production') };
    case 'custom': return p;
  }
}

function sameProfile(a: Profile, b: Profile): boolean {
  return a.label === b.label && a.apiBaseUrl === b.apiBaseUrl && a.identityUrl === b.identityUrl && a.production === b.production;
}

export class ProfileService extends Disposable {
  private readonly _onDidChangeActiveProfile = this._register(new vscode.EventEmitter<Profile>());
  /** The active profile changed: another profile, or the active one's URLs or label. */
  readonly onDidChangeActiveProfile = this._onDidChangeActiveProfile.event;
  private readonly _onDidChangeProfiles = this._register(new vscode.EventEmitter<readonly Profile[]>());
  /** Fires with the profiles whose definition changed or that disappeared. */
  readonly onDidChangeProfiles = this._onDidChangeProfiles.event;

  /** Read on first need (not at activation: the first settings read builds VS Code's configuration model). */
  private customRead: Profile[] | undefined;
  private emulator: EmulatorEndpoints | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    /** The in-process emulator started: its profile now has URLs. */
    onDidStartEmulator: vscode.Event<EmulatorEndpoints>,
  ) {
    super();
    // Where a running emulator listens is not a change of profile: no event, nothing to drop.
    this._register(onDidStartEmulator((endpoints) => { this.emulator = endpoints; }));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('idcloud.customProfiles')) return;
      // Never read yet: no listener has seen a custom profile, so the change is from none to the new ones.
      this.customRead ??= [];
      this.update(() => (this.customRead = this.readCustom()));
    }));
  }

  profiles(): readonly Profile[] {
    return [...BUILTIN_PROFILES.map((p) => this.withEndpoints(localised(p))), ...this.custom()];
  }

  profile(id: string): Profile | undefined {
    const builtin = BUILTIN_PROFILES.find((p) => p.id === id);
    return builtin ? this.withEndpoints(localised(builtin)) : this.custom().find((p) => p.id === id);
  }

  private custom(): readonly Profile[] {
    return (this.customRead ??= this.readCustom());
  }

  /** The window's profile; Local emulator on a fresh install or when the stored one was removed. */
  active(): Profile {
    const id = this.state.get<string>(ACTIVE_KEY, EMULATOR_PROFILE_ID);
    return this.profile(id) ?? this.emulatorProfile();
  }

  async setActive(id: string): Promise<Profile> {
    const next = this.profile(id);
    if (!next) throw new UnknownProfileError(id);
    const before = this.active();
    await this.state.update(ACTIVE_KEY, id);
    if (before.id !== next.id) {
      this.log.info(`active profile: ${next.id}`);
      this._onDidChangeActiveProfile.fire(next);
    }
    return next;
  }

  private emulatorProfile(): Profile {
    return this.withEndpoints(localised(EMULATOR_PROFILE));
  }

  private withEndpoints(p: Profile): Profile {
    return p.kind === 'emulator' && this.emulator ? { ...p, ...this.emulator } : p;
  }

  /** Applies `change`, then tells listeners which profiles changed (and the active one, if it did). */
  private update(change: () => void): void {
    const before = this.profiles();
    const activeBefore = this.active();
    change();
    const after = this.profiles();
    const changed = before.filter((b) => {
      const a = after.find((x) => x.id === b.id);
      return !a || !sameProfile(a, b);
    });
    if (changed.length > 0 || after.length !== before.length) this._onDidChangeProfiles.fire(changed);
    const activeAfter = this.active();
    if (activeAfter.id !== activeBefore.id || !sameProfile(activeAfter, activeBefore)) this._onDidChangeActiveProfile.fire(activeAfter);
  }

  private readCustom(): Profile[] {
    // Only the user (global) value: workspace and folder values are ignored on purpose.
    const value = vscode.workspace.getConfiguration('idcloud').inspect<unknown>('customProfiles')?.globalValue;
    const { profiles, problems } = parseCustomProfiles(value);
    for (const p of problems) this.log.warn(`idcloud.customProfiles[${p.index}] skipped: ${problemInEnglish(p)}`);
    if (problems.length > 0) {
      const open = vscode.l10n.t('Open Settings');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('{0} custom IDCloud profile(s) skipped: {1}', problems.length, problems.map(profileProblemText).join('; ')), open)
        .then((picked) => picked === open && vscode.commands.executeCommand('workbench.action.openSettingsJson'));
    }
    return profiles;
  }
}
