/**
 * The one log of the extension: a `LogOutputChannel` named "IDCloud" (the user picks the level
 * with "Developer: Set Log Level"), and `redact()`, which every caller applies to text that may
 * carry a secret or personal data before it reaches the log.
 */
import * as vscode from 'vscode';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('IDCloud', { log: true });
}

const REDACTIONS: readonly (readonly [RegExp, string])[] = [
  // PEM blocks, also when cut off before their END line.
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, '‹pem›'],
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer ‹token›'],
  // Compact JWS/JWT: three base64url parts, the first two starting with '{"' encoded.
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '‹jwt›'],
  // Opaque tokens in form fields or JSON properties.
  [/((?:access_token|assertion|token|private_?key)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1‹redacted›'],
  // CPF, formatted or as a bare run of exactly 11 digits.
  [/(?<!\d)\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g, '‹cpf›'],
  [/(?<!\d)\d{11}(?!\d)/g, '‹cpf›'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes bearer tokens, JWTs, PEM blocks, CPF-like numbers and the given `names` (people's
 * names from a process, matched case-insensitively; very short names are left alone).
 */
export function redact(text: string, names: readonly string[] = []): string {
  let out = text;
  for (const [pattern, replacement] of REDACTIONS) out = out.replace(pattern, replacement);
  const words = names.map((n) => n.trim()).filter((n) => n.length >= 3);
  if (words.length > 0) {
    words.sort((a, b) => b.length - a.length);
    out = out.replace(new RegExp(words.map(escapeRegExp).join('|'), 'gi'), '‹name›');
  }
  return out;
}
