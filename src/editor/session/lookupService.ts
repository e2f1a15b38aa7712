/**
 * The `Lookups` every surface uses: one ProcessLookup (cache, coalescing) per profile, in front of
 * one client per profile, both created on first use. The client is rebuilt when the profile's
 * credentials or the network settings change; the cache is dropped with the credentials (another
 * account may not see the same processes) and with the profile's URLs.
 * A production profile asks once per window before its first explicit lookup (after checking that
 * it has credentials: asking is pointless when the lookup would fail). Background lookups obey the
 * Background policy and never ask.
 */
import * as vscode from 'vscode';
import { CancelledError, UnauthorizedError } from '../../core/errors';
import { ProcessLookup } from '../../core/lookup';
import type { FetchedProcess, MediaFile } from '../../core/types';
import { Disposable } from '../lifecycle';
import type { Background, LookupOptions, Lookups, ProcessRef, Profile } from '../services';
import { openConnection, type Connection, type ConnectionDeps } from './connection';
import type { ProfileService } from '../profiles/profileService';

export interface LookupServiceDeps extends ConnectionDeps {
  readonly profiles: ProfileService;
  readonly background: Background;
}

const NETWORK_SETTINGS = ['idcloud.requestTimeoutSeconds', 'idcloud.rateLimitPerSecond', 'http.proxy', 'http.noProxy', 'http.systemCertificates'];

class ProfileLookup {
  private connection: Promise<Connection> | undefined;
  /** IDs whose network fetch settled and was not announced yet: onDidFetch fires once per fetch, not per waiter. */
  readonly settled = new Set<string>();
  readonly lookup: ProcessLookup;

  constructor(readonly profile: Profile, private readonly deps: ConnectionDeps) {
    this.lookup = new ProcessLookup({
      source: async () => {
        const { client } = await this.connect();
        return {
          getProcess: (id, options) => client.getProcess(id, options).finally(() => {
            this.settled.add(id);
          }),
        };
      },
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

export class LookupService extends Disposable implements Lookups {
  readonly onDidChangeActiveProfile: vscode.Event<Profile>;
  private readonly _onDidFetch = this._register(new vscode.EventEmitter<ProcessRef>());
  readonly onDidFetch = this._onDidFetch.event;
  private readonly byProfile = new Map<string, ProfileLookup>();
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
      // The emulator's URLs appear when it starts; its connection always asks the running emulator.
      for (const p of changed) if (p.kind !== 'emulator') this.drop(p.id);
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
    const key = ref.id.toLowerCase();
    try {
      return await entry.lookup.get(key, { signal: options?.signal, force: options?.force, background });
    } finally {
      // Here the lookup has stored the answer, so listeners that peek() see it.
      if (entry.settled.delete(key)) this._onDidFetch.fire({ id: key, profileId: ref.profileId });
    }
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

  private entry(profileId: string): ProfileLookup {
    const profile = this.profile(profileId);
    if (!profile) throw new Error(vscode.l10n.t('There is no profile "{0}" any more: it was removed from idcloud.customProfiles.', profileId));
    let entry = this.byProfile.get(profileId);
    if (!entry) {
      entry = new ProfileLookup(profile, this.deps);
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
