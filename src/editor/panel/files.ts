/**
 * What may leave the panel, and how: a document's signed_url (opened by the host, only https: or
 * the emulator's own loopback address, mapped for the browser-based editor), a selfie as a data:
 * URL (only raster image types), and the file name and filters offered when the user saves the
 * selfie or the evidence set.
 */
import * as vscode from 'vscode';
import { formatNumber } from '../../core/localeFormat';
import type { MediaFile } from '../../core/types';
import type { MediaKind } from '../../protocol';
import type { Profile } from '../services';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The signed_url itself when it is safe to hand to the system browser: https:, or plain http: to
 * the running emulator's own loopback origin; never with user:password, whitespace, control
 * characters or backslashes (so the string that is checked is the string that gets opened).
 */
export function documentUrl(signedUrl: string, profile: Profile | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(signedUrl)) return undefined;
  let url: URL;
  try {
    url = new URL(signedUrl);
  } catch {
    return undefined;
  }
  if (!signedUrl.toLowerCase().startsWith(`${url.protocol}//`) || url.username || url.password) return undefined;
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isEmulatorAddress(url, profile));
  return ok ? signedUrl : undefined;
}

/**
 * Opens `url` in the system browser exactly as given. `env.openExternal` is typed for a Uri, but
 * its implementation (extHostWindow.openUri → mainThreadWindow.$openUri) also takes a string and
 * then opens that string unchanged; a Uri is decoded and re-encoded on the way, which can break a
 * pre-signed URL's signature ("%2B" becomes "+", read back as a space).
 */
function openExactly(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}

/**
 * Opens a document's signed_url (already checked by documentUrl) where the user's browser can
 * reach it. The emulator's loopback address is on the extension host's machine: in the
 * browser-based editor or a remote window `asExternalUri` maps it through the editor's proxy or a
 * port forward, but code-server maps only the origin (`…/proxy/PORT/`, path and query dropped:
 * a 404), so the path and query are appended to the mapped origin as they are (the signature stays
 * byte for byte). Desktop VS Code maps a local address to itself. Other URLs open unchanged.
 */
export async function openInBrowser(url: string): Promise<boolean> {
  return openExactly(await reachableUrl(url, (uri) => vscode.env.asExternalUri(uri)));
}

/** `url` as the user's browser reaches it (see openInBrowser). */
export async function reachableUrl(url: string, asExternalUri: (uri: vscode.Uri) => Thenable<vscode.Uri>): Promise<string> {
  const parsed = new URL(url);
  if (!LOOPBACK.has(parsed.hostname)) return url;
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/?/i, '');
  const mapped = (await asExternalUri(vscode.Uri.parse(`${parsed.origin}/`))).toString();
  return `${mapped.endsWith('/') ? mapped : `${mapped}/`}${rest}`;
}

function isEmulatorAddress(url: URL, profile: Profile | undefined): boolean {
  if (profile?.kind !== 'emulator' || !LOOPBACK.has(url.hostname)) return false;
  try {
    return new URL(profile.apiBaseUrl).origin === url.origin;
  } catch {
    return false;
  }
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** A data: URL for a selfie of a raster type the webview may show; undefined for anything else (SVG, HTML…). */
export function selfieDataUrl(file: MediaFile): string | undefined {
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(type in IMAGE_TYPES)) return undefined;
  return `data:${type};base64,${Buffer.from(file.bytes).toString('base64')}`;
}

export function isPdf(file: MediaFile): boolean {
  const b = file.bytes;
  return file.contentType.includes('pdf') || (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46);
}

export function saveTarget(kind: MediaKind, processId: string, file: MediaFile): { fileName: string; filters: Record<string, string[]> } {
  if (kind === 'selfie') {
    const ext = IMAGE_TYPES[file.contentType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'bin';
    return { fileName: `idcloud-${processId}-selfie.${ext}`, filters: { [vscode.l10n.t('Images')]: [ext] } };
  }
  return isPdf(file)
    ? { fileName: `idcloud-${processId}-evidence-set.pdf`, filters: { PDF: ['pdf'] } }
    : { fileName: `idcloud-${processId}-evidence-set.bin`, filters: { [vscode.l10n.t('All files')]: ['*'] } };
}

/** "245 KB" style sizes for the media status line. */
export function formatSize(bytes: number): string {
  const locale = vscode.env.language;
  if (bytes < 1024) return vscode.l10n.t('{0} bytes', formatNumber(bytes, locale));
  if (bytes < 1024 * 1024) return vscode.l10n.t('{0} KB', formatNumber(Math.round(bytes / 1024), locale));
  return vscode.l10n.t('{0} MB', formatNumber(bytes / (1024 * 1024), locale, 1));
}
