/**
 * The panel's HTML shell: a strict Content-Security-Policy, one nonce'd script (dist/webview.js)
 * and two stylesheets (media/icons.css: the few codicons used, as data: masks; media/panel.css).
 * No API data goes into this HTML: the view arrives later by postMessage and is inserted with
 * textContent. The only values written here are the process reference (for the serializer's
 * state) and a localised "Loading…", all attribute/text-escaped.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ProcessRef } from '../services';

/** Where the webview may load files from: the built bundle and the static assets, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: localResourceRoots(extensionUri) };
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src data: ${webview.cspSource}`,
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, ref: ProcessRef): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const icons = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'icons.css'));
  const lang = escapeHtml(vscode.env.language);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(icons.toString())}">
<link rel="stylesheet" href="${escapeHtml(style.toString())}">
<title>${escapeHtml(ref.id)}</title>
</head>
<body data-process-id="${escapeHtml(ref.id)}" data-profile-id="${escapeHtml(ref.profileId)}">
<main id="root" aria-busy="true"><p class="loading">${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
}
