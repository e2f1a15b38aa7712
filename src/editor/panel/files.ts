/**
 * What may leave the panel, and how: a document's signed_url (opened by the host, only https: or
 * the emulator's own loopback address), a selfie as a data: URL (only raster image types), and
 * the file name and filters offered when the user saves the selfie or the evidence set.
 */
import * as vscode from 'vscode';
import type { MediaFile } from '../../core/types';
import type { MediaKind } from '../../protocol';
import type { Profile } from '../services';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The URI to open for a signed_url, or undefined when it is not safe to hand to the system browser. */
export function documentUri(signedUrl: string, profile: Profile | undefined): vscode.Uri | undefined {
  let url: URL;
  try {
    url = new URL(signedUrl);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isEmulatorAddress(url, profile));
  return ok ? vscode.Uri.parse(url.href, true) : undefined;
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
  if (bytes < 1024) return vscode.l10n.t('{0} bytes', bytes);
  if (bytes < 1024 * 1024) return vscode.l10n.t('{0} KB', Math.round(bytes / 1024));
  return vscode.l10n.t('{0} MB', (bytes / (1024 * 1024)).toFixed(1));
}
