/**
 * The contracts between the editor's session services and its surfaces (commands, tree, panel,
 * hovers/lenses/links, watch, triage, webhooks). Implemented by src/editor/session (lookups,
 * connections, background policy, privacy, emulator endpoints), src/editor/profiles (profiles),
 * src/editor/tree (ProcessView), src/editor/errorMessages.ts (presentError) and src/editor/panel
 * (showProcess). Surfaces depend on these interfaces only.
 */
import type * as vscode from 'vscode';
import type { BackgroundBlock } from '../core/background';
import type { IdCloudClient, PastedTokenSource, ServiceAccountTokenSource } from '../core/network';
import type { ProcessId } from '../core/processId';
import type { FetchedProcess, MediaFile } from '../core/types';

export type { BackgroundBlock };

export type ProfileKind = 'emulator' | 'sandbox' | 'production' | 'custom';

export interface Profile {
  readonly id: string; // 'emulator' | 'sandbox' | 'production' | custom id
  readonly label: string; // "Local emulator", "Sandbox", "Production", or the custom label
  readonly kind: ProfileKind;
  readonly apiBaseUrl: string; // no trailing slash; for the emulator, known once it started
  readonly identityUrl: string; // no trailing slash
  readonly production: boolean; // warning colour, confirmation, label on every result
  /** unico's API contract (`/processes/v1`, Bearer token + APIKEY); absent: the Web & SDK contract (`/client/v1`). */
  readonly contract?: 'api';
}

/** Where the in-process emulator listens, once it started (src/editor/session/emulatorHost.ts publishes it). */
export interface EmulatorEndpoints {
  readonly apiBaseUrl: string;
  readonly identityUrl: string;
}

/** A process as the user refers to it: an ID in a profile. */
export interface ProcessRef {
  readonly id: ProcessId;
  readonly profileId: string;
}

export interface LookupOptions {
  readonly signal?: AbortSignal;
  /** Bypass the cache (Refresh, stale signed_url). */
  readonly force?: boolean;
  /**
   * The caller has already asked the user about this very lookup (Resolve All asks with the count,
   * "Look up 3,214 processes in Production?"), so a production profile does not ask again.
   */
  readonly confirmed?: boolean;
  /**
   * A background surface asks (hover, lens, inline verdict, a process document opened from a link):
   * it is refused (kind 'cancelled') unless `Background.block` allows the profile; any cached answer
   * serves however old, a remembered failure answers until its per-ID backoff has passed, and
   * production is never confirmed from here. Explicit commands leave it unset.
   */
  readonly background?: boolean;
}

/**
 * The background-traffic policy (DESIGN.md §15): whether surfaces the user did not explicitly ask
 * may fetch for a profile now. Only a trusted workspace, a non-production profile (confirmed or not),
 * with credentials (the emulator always has them). Explicit commands never consult it.
 */
export interface Background {
  /** Fires when `block` may answer differently (trust granted, credentials or profiles changed). */
  readonly onDidChange: vscode.Event<void>;
  readonly trusted: boolean;
  /** Why background surfaces may not fetch for this profile now; undefined when they may. */
  block(profileId: string): Promise<BackgroundBlock | undefined>;
}

/**
 * How surfaces pass a process to a command (command links in hovers, tree nodes, lenses, the panel):
 * a ProcessRef, a tree node carrying `ref`, or a bare ID string (meaning: in the active profile).
 * `undefined` means "ask the user" (selection, word under the cursor, clipboard, input box).
 */
export type ProcessArg = ProcessRef | { readonly ref: ProcessRef } | string | undefined;

export interface Lookups {
  readonly onDidChangeActiveProfile: vscode.Event<Profile>;
  /** Fires after any fetch settles (tree, lenses and open panels refresh from it). */
  readonly onDidFetch: vscode.Event<ProcessRef>;
  activeProfile(): Profile;
  profiles(): readonly Profile[];
  profile(id: string): Profile | undefined;
  /** Through the profile's ProcessLookup (cache by state, coalescing, rate limit). Rejects with IdCloudError kinds. */
  get(ref: ProcessRef, options?: LookupOptions): Promise<FetchedProcess>;
  /** Synchronous cache read for hovers and lenses; never touches the network. */
  peek(ref: ProcessRef): FetchedProcess | undefined;
  /**
   * True while a production profile has not been confirmed in this window (see idcloud.confirmProduction).
   * Background surfaces (hover, lens) must not call get() then: they offer an explicit "Look up" link instead.
   * Interactive callers just call get(), which asks once and rejects with kind 'cancelled' if declined.
   */
  needsConfirmation(profileId: string): boolean;
  /** Whether get() can authenticate for this profile (always true for the emulator). */
  hasCredentials(profileId: string): Promise<boolean>;
  getSelfie(ref: ProcessRef, options?: LookupOptions): Promise<MediaFile>;
  getEvidenceSet(ref: ProcessRef, options?: LookupOptions): Promise<MediaFile>;
}

/** How one profile reaches IDCloud (opened by src/editor/session/connection.ts; type-only here: no undici). */
export interface Connection {
  readonly apiBaseUrl: string;
  readonly identityUrl: string;
  readonly tokenSource: ServiceAccountTokenSource | PastedTokenSource;
  readonly client: IdCloudClient;
  /** Closes the connection's own proxy/TLS dispatchers (the global one is left alone). */
  close(): void;
}

/** Each profile's one shared connection (Test Connection renews the token its lookups use through it). */
export interface Connections {
  connection(profileId: string): Promise<Connection>;
}

/** Whether personal data (CPF, names, birth dates, document numbers, selfie) is shown unmasked. */
export interface Privacy {
  readonly onDidChange: vscode.Event<boolean>;
  readonly revealed: boolean;
  toggle(): void;
}

export interface ErrorAction {
  readonly title: string; // localised
  readonly command: string;
  readonly arguments?: readonly unknown[];
}

export interface PresentedError {
  readonly message: string; // localised, one sentence or two, says what to do
  readonly actions: readonly ErrorAction[];
}

export interface ShowOptions {
  /**
   * The caller has just asked the user about this very lookup (a production process link asks every
   * time), so a production profile does not ask its once-per-window question too; like Resolve All's
   * `LookupOptions.confirmed`, it leaves the window unconfirmed.
   */
  readonly confirmed?: boolean;
}

/** The single entry point that opens (or reveals) the process panel. */
export type ShowProcess = (ref: ProcessRef, options?: ShowOptions) => Promise<void>;

/** Pinned and Recent, as the commands change them (persisted by src/editor/tree). */
export interface History {
  /** Puts `ref` at the top of Recent. */
  add(ref: ProcessRef): Promise<void>;
  pin(ref: ProcessRef): Promise<void>;
  unpin(ref: ProcessRef): Promise<void>;
  /** Forgets Recent; pinned processes stay. */
  clearRecent(): Promise<void>;
}

/** The Processes view as the commands drive it (src/editor/tree implements it). */
export interface ProcessView {
  readonly history: History;
  /** Shows the node of `ref` (which the history must hold) selected, without taking focus. */
  reveal(ref: ProcessRef): Promise<void>;
  /** The process of the selected row (or of the detail row selected under it) while the view is visible. */
  selected(): ProcessRef | undefined;
  /** Forgets the last failure of `ref` (before a refresh). */
  forget(ref: ProcessRef): void;
  /** Fetches again every process the view has shown. */
  refreshAll(): Promise<void>;
}

/**
 * Processes watched until they settle (src/editor/watch): each is polled with backoff inside the
 * profile's rate budget; one notification gives the verdict when it finishes. Only refs persist.
 * Lenses and hovers never poll by themselves: an unsettled answer is refreshed only by a watch.
 */
export interface Watches {
  readonly onDidChange: vscode.Event<void>;
  /** Watch these refs (a ref already watched, or already settled in the cache, is left as is). */
  watch(refs: readonly ProcessRef[]): void;
  unwatch(ref: ProcessRef): void;
  isWatched(ref: ProcessRef): boolean;
  /** How many refs are watched now. */
  readonly size: number;
}
