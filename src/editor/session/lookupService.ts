/**
 * The `Lookups` every surface uses: a ProfileSession per profile, created on first use, holding one
 * ProcessLookup (cache, coalescing) in front of one client. The ProcessLookup reports each network
 * fetch it stored (onDidFetch), once per fetch, not per waiter. The client is rebuilt when the profile's
 * credentials or the network settings change; the cache is dropped with the credentials (another
 * account may not see the same processes) and with the profile's URLs.
 * A production profile asks once per window before its first explicit lookup (after checking that
 * it has credentials: asking is pointless when the lookup would fail). Background lookups obey the
 * Background policy and never ask.
 */
import * as vscode from 'vscode';
import { CancelledError, UnauthorizedError, UnknownProfileError } from '../../core/errors';
import { ProcessLookup } from '../../core/lookup';
import type { FetchedProcess, MediaFile } from '../../core/types';
import { Disposable } from '../lifecycle';
import type { Background, Connection, Connections, LookupOptions, Lookups, ProcessRef, Profile } from '../services';
import { openConnection, type ConnectionDeps } from './connection';
import type { ProfileService } from '../profiles/profileService';
import type { ProcessId } from '../../core/processId';

export interface LookupServiceDeps extends ConnectionDeps {
  readonly profiles: ProfileService;
  readonly background: Background;
}

const NETWORK_SETTINGS = ['idcloud.requestTimeoutSeconds', 'idcloud.rateLimitPerSecond', 'http.proxy', 'http.noProxy', 'http.systemCertificates'];

/** One profile's part of the session: its connection (opened on first use) and its ProcessLookup cache. */
class ProfileSession {
  private connection: Promise<Connection> | undefined;
  readonly lookup: ProcessLookup;

  constructor(readonly profile: Profile, private readonly deps: ConnectionDeps, onFetch: (id: ProcessId) => void) {
    this.lookup = new ProcessLookup({
      source: async () => (await this.connect()).client,
      onFetch,
    });
  }

  connect(): Promise<Connection> {
    const opening = (this.connection ??= openConnection(this.profile, this.deps));
    // A failed open (no credentials yet, emulator failed to start) is retried by the next call.
    opening.catch(() => {
      if (this.connection === opening) this.connection = undefined;
    });
    return opening;
  }

  /** Rebuild the client on next use; `clearCache` also forgets every answer. */
  reset(clearCache: boolean): void {
    const old = this.connection;
    this.connection = undefined;
    void old?.then((c) => { c.close(); }, () => undefined);
    if (clearCache) this.lookup.invalidate();
  }
}

export class LookupService extends Disposable implements Lookups, Connections {
  readonly onDidChangeActiveProfile: vscode.Event<Profile>;
  private readonly _onDidFetch = this._register(new vscode.EventEmitter<ProcessRef>());
  readonly onDidFetch = this._onDidFetch.event;
  private readonly byProfile = new Map<string, ProfileSession>();
  private readonly confirmed = new Set<string>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly deps: LookupServiceDeps) {
    super();
    this.onDidChangeActiveProfile = deps.profiles.onDidChangeActiveProfile;
    this._register(deps.credentials.onDidChange((profileId) => {
      deps.log.info(`[${profileId}] credentials changed: dropping its client, token and cache`);
      this.byProfile.get(profileId)?.reset(true);
    }));
    this._register(deps.profiles.onDidChangeProfiles((changed) => {
      for (const p of changed) this.drop(p.id);
    }));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (NETWORK_SETTINGS.some((s) => e.affectsConfiguration(s))) for (const entry of this.byProfile.values()) entry.reset(false);
    }));
  }

  activeProfile(): Profile {
    return this.deps.profiles.active();
  }

  profiles(): readonly Profile[] {
    return this.deps.profiles.profiles();
  }

  profile(id: string): Profile | undefined {
    return this.deps.profiles.profile(id);
  }

  async get(ref: ProcessRef, options?: LookupOptions): Promise<FetchedProcess> {
    const entry = this.entry(ref.profileId);
    const background = options?.background === true;
    if (background) {
      if ((await this.deps.background.block(ref.profileId)) !== undefined) throw new CancelledError();
    } else if (options?.confirmed !== true) {
      // Resolve All asked about this very lookup, with the count; the window stays unconfirmed.
      await this.confirm(entry.profile);
    }
    return entry.lookup.get(ref.id, { signal: options?.signal, force: options?.force, background });
  }

  peek(ref: ProcessRef): FetchedProcess | undefined {
    return this.byProfile.get(ref.profileId)?.lookup.peek(ref.id);
  }

  needsConfirmation(profileId: string): boolean {
    const profile = this.profile(profileId);
    return profile !== undefined && profile.production && !this.confirmed.has(profileId)
      && vscode.workspace.getConfiguration('idcloud').get<boolean>('confirmProduction', true);
  }

  async hasCredentials(profileId: string): Promise<boolean> {
    return this.profile(profileId)?.kind === 'emulator' || (await this.deps.credentials.has(profileId));
  }

  async getSelfie(ref: ProcessRef, options?: LookupOptions): Promise<MediaFile> {
    const entry = this.entry(ref.profileId);
    await this.confirm(entry.profile);
    return (await entry.connect()).client.getSelfie(ref.id, { signal: options?.signal });
  }

  async getEvidenceSet(ref: ProcessRef, options?: LookupOptions): Promise<MediaFile> {
    const entry = this.entry(ref.profileId);
    await this.confirm(entry.profile);
    return (await entry.connect()).client.getEvidenceSet(ref.id, { signal: options?.signal });
  }

  /** The profile's shared connection (Test Connection renews its token through it). */
  connection(profileId: string): Promise<Connection> {
    return this.entry(profileId).connect();
  }

  override dispose(): void {
    for (const id of [...this.byProfile.keys()]) this.drop(id);
    super.dispose();
  }

  private entry(profileId: string): ProfileSession {
    const profile = this.profile(profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    let entry = this.byProfile.get(profileId);
    if (!entry) {
      entry = new ProfileSession(profile, this.deps, (id) => { this._onDidFetch.fire({ id, profileId }); });
      this.byProfile.set(profileId, entry);
    }
    return entry;
  }

  private drop(profileId: string): void {
    this.byProfile.get(profileId)?.reset(true);
    this.byProfile.delete(profileId);
  }

  /**
   * Asks once per window (concurrent lookups share the question); declining rejects with 'cancelled'.
   * A profile without credentials rejects first, as its connection would, without asking.
   */
  private async confirm(profile: Profile): Promise<void> {
    if (!this.needsConfirmation(profile.id)) return;
    if (!(await this.hasCredentials(profile.id))) throw new UnauthorizedError('missing', 'no credentials stored for this profile');
    let asking = this.asking.get(profile.id);
    if (!asking) {
      const go = vscode.l10n.t('Look Up in {0}', profile.label);
      asking = Promise.resolve(vscode.window.showWarningMessage(
        vscode.l10n.t('Look up processes in {0}?', profile.label),
        {
          modal: true,
          detail: vscode.l10n.t('{0} ({1}) holds real people\'s data. This window asks once, before its first lookup there.', profile.label, profile.apiBaseUrl),
        },
        go,
      )).then((picked) => picked === go).finally(() => this.asking.delete(profile.id));
      this.asking.set(profile.id, asking);
    }
    if (await asking) {
      this.confirmed.add(profile.id);
      this.deps.log.info(`[${profile.id}] production lookups confirmed for this window`);
    } else {
      throw new CancelledError();
    }
  }
}
