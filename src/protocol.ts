/**
 * The one typed protocol between the process panel's host (src/editor/panel) and its webview
 * (src/webview). Both sides import this file; it holds types and hand-written guards only (no zod:
 * the guards run in the activation bundle and in the browser).
 *
 * Everything in a ViewModel is plain text prepared by the host: labels are localised, personal
 * data is already masked unless the user revealed it, and the webview inserts every string with
 * `textContent`. Messages from the webview are untrusted input and pass `isWebviewMessage` first.
 */

/** What the panel persists for a window reload: the reference only, never personal data. */
export interface PanelState {
  readonly ref: { readonly id: string; readonly profileId: string };
}

export type Verdict = 'ok' | 'invalidIdentity' | 'error' | 'expired' | 'pending' | 'awaitingDocument' | 'failed' | 'canceled' | 'unknown';

/** How a value reads at a glance; drives an icon and a colour, never the only signal. */
export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'unknown';

export interface FieldView {
  readonly label: string;
  /** What the user reads first: the plain meaning of an enum value, or the value itself. */
  readonly value: string;
  /** The enum value as the API sent it (`PROCESS_STATE_FINISHED`): shown small, copyable (`copyValue`). */
  readonly raw?: string;
  /** Personal data: masked unless revealed (styled so the user sees which values are hidden). */
  readonly personal?: boolean;
  /** An enum value this version does not know: shown verbatim and marked. */
  readonly unknown?: boolean;
  /** An ISO timestamp the webview also shows as relative time. */
  readonly time?: boolean;
  readonly tone?: Tone;
  readonly note?: string;
}

export interface GroupView {
  readonly id: string;
  readonly heading: string;
  readonly fields: readonly FieldView[];
}

export interface CapabilityView {
  readonly capability: string;
  readonly field: string;
  /** The raw value as sent; the webview leads with `meaning` and shows this small and copyable. */
  readonly value: string;
  readonly known: boolean;
  readonly tone: Tone;
  readonly meaning: string;
}

export interface DocumentView {
  /** Position in the process's document list; what `openPdf` sends back. */
  readonly index: number;
  readonly heading: string;
  readonly fields: readonly FieldView[];
  /** Validation flags; `tone` says whether the value is the reassuring one (reused: neither). */
  readonly flags: readonly { readonly label: string; readonly value: boolean | undefined; readonly tone: Tone }[];
  readonly hasPdf: boolean;
  readonly ocr: readonly FieldView[];
}

export interface ServiceView {
  readonly heading: string;
  readonly fields: readonly FieldView[];
  readonly documents: readonly DocumentView[];
}

export type MediaStatus = 'idle' | 'loading' | 'ready' | 'hidden' | 'error';

export interface MediaView {
  readonly status: MediaStatus;
  /** Human text for the status (size, error, "hidden while personal data is masked"). */
  readonly text: string;
  /** Selfie only, only when revealed: a data: URL of an image/png|jpeg|webp built by the host. */
  readonly dataUrl?: string;
}

export interface ErrorView {
  readonly message: string;
  /** Action titles; the webview answers with their index (`runAction`). */
  readonly actions: readonly string[];
}

export const LABEL_KEYS = [
  'refresh', 'reveal', 'hide', 'copyId', 'copyLink', 'copyJson', 'openPdf', 'getSelfie', 'getEvidenceSet', 'save',
  'capabilities', 'capability', 'value', 'meaning', 'services', 'documents', 'ocr', 'field', 'noDocuments',
  'media', 'selfie', 'evidenceSet', 'rawJson', 'filter', 'expandAll', 'collapseAll', 'noMatch',
  'unknownValue', 'personalHidden', 'personalShown', 'yes', 'no', 'absent', 'loading', 'toolbar',
  'watch', 'stopWatching', 'copyValue',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Readonly<Record<LabelKey, string>>;

export interface ViewModel {
  readonly ref: PanelState['ref'];
  /** BCP 47 tag of the editor's language, for relative times in the webview. */
  readonly locale: string;
  readonly labels: Labels;
  readonly profile: { readonly label: string; readonly production: boolean };
  readonly revealed: boolean;
  /**
   * Whether the process can carry personal data (the Web & SDK contract): the panel offers the
   * reveal switch and its note only then. False for the API contract (by the fetched process, or
   * by the profile before one arrives): its Get Process has no person, documents or selfie.
   */
  readonly personalData: boolean;
  readonly loading: boolean;
  /** `attention`: an OK that its capabilities do not fully back (src/editor/verdictText.ts). */
  readonly banner: { readonly verdict: Verdict; readonly title: string; readonly detail: string; readonly attention?: boolean };
  readonly error?: ErrorView;
  /** Present once a process was fetched. */
  readonly process?: {
    readonly unknownNotice?: string;
    readonly groups: readonly GroupView[];
    readonly capabilities: readonly CapabilityView[];
    /** Absent for the API contract: its Get Process has no services or documents to list. */
    readonly services?: readonly ServiceView[];
    /** The response as JSON, personal values masked unless revealed. */
    readonly raw: unknown;
    readonly rawHeading: string;
    /** API contract: it has no selfie or evidence set endpoint in Get Process; this says so instead of the media section. */
    readonly noMedia?: string;
  };
  readonly selfie: MediaView;
  readonly evidenceSet: MediaView;
  /** The Watch button: offered while the process is unfinished, pressed while it is watched; absent otherwise. */
  readonly watch?: WatchView;
}

export type WatchView = 'available' | 'watching';

export type HostMessage = { readonly type: 'render'; readonly view: ViewModel };

export type MediaKind = 'selfie' | 'evidenceSet';
export type CopyWhat = 'processId' | 'link' | 'json';

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'toggleReveal' }
  | { readonly type: 'refresh' }
  | { readonly type: 'openPdf'; readonly document: number }
  | { readonly type: 'getSelfie' }
  | { readonly type: 'getEvidenceSet' }
  | { readonly type: 'save'; readonly what: MediaKind }
  | { readonly type: 'copy'; readonly what: CopyWhat }
  /** Copy one raw value the panel shows; the host copies it only if the current view holds it. */
  | { readonly type: 'copyValue'; readonly value: string }
  | { readonly type: 'runAction'; readonly index: number }
  | { readonly type: 'watch' }
  | { readonly type: 'unwatch' };

const MAX_INDEX = 10_000;
const MAX_COPY_VALUE = 256;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_INDEX;
}

/** True only for a message of exactly one of the shapes above (no extra keys, indexes in range). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready':
    case 'toggleReveal':
    case 'refresh':
    case 'getSelfie':
    case 'getEvidenceSet':
    case 'watch':
    case 'unwatch':
      return hasOnlyKeys(value, ['type']);
    case 'openPdf':
      return hasOnlyKeys(value, ['type', 'document']) && isIndex(value.document);
    case 'runAction':
      return hasOnlyKeys(value, ['type', 'index']) && isIndex(value.index);
    case 'save':
      return hasOnlyKeys(value, ['type', 'what']) && (value.what === 'selfie' || value.what === 'evidenceSet');
    case 'copy':
      return hasOnlyKeys(value, ['type', 'what']) && (value.what === 'processId' || value.what === 'link' || value.what === 'json');
    case 'copyValue':
      return hasOnlyKeys(value, ['type', 'value']) && typeof value.value === 'string' && value.value.length > 0 && value.value.length <= MAX_COPY_VALUE;
    default:
      return false;
  }
}

/** The serializer's state after a reload: accepted only as `{ ref: { id, profileId } }` of short strings. */
export function isPanelState(value: unknown): value is PanelState {
  if (!isRecord(value) || !isRecord(value.ref)) return false;
  const { id, profileId } = value.ref;
  return typeof id === 'string' && typeof profileId === 'string' && id.length <= 64 && profileId.length <= 64;
}

/** The webview's check of what the host posts (the host is trusted; this guards against stale shapes). */
export function isHostMessage(value: unknown): value is HostMessage {
  return isRecord(value) && value.type === 'render' && isRecord(value.view);
}
