/**
 * The service account a committed private key belongs to, read from the text around it: unico
 * gives a customer an account name, a tenant ID and a .pem key, and the assertion's issuer is
 * `<account>@<tenant>.iam.acesso.io` (unico-api.md §2.1, §2.2). A JSON file, a .env file or a
 * Postman environment (`service_account`, `tenant_id`, `secret_key`, unico-api.md §9) names them
 * with keys such as tenantId / TENANT_ID and accountName / serviceAccount / ACCOUNT_NAME, or
 * spells the issuer out. Only a bounded window around the key is read, never the whole file.
 */

export interface AccountHint {
  readonly tenantId?: string;
  readonly accountName?: string;
}

/** How far before and after the key to look for the tenant and the account. */
export const ACCOUNT_WINDOW = 4096;
const ISSUER_SUFFIX = '.iam.acesso.io';
const MAX_NAME = 128;

/**
 * A key, optionally quoted, then `:` or `=`, then a value, optionally quoted (all bounded). Values
 * are plain ASCII names: they are stored without being shown, so nothing else (no bidi control,
 * no template like `${TENANT}`) may pass.
 */
const ASSIGNMENT = /(["']?)([A-Za-z][A-Za-z0-9_.-]{0,48})\1[ \t]{0,4}[:=][ \t]{0,4}(["']?)([A-Za-z0-9_.-]{1,128})\3(?![^\s"',;}\]])/g;

function isNameChar(c: number): boolean {
  // letters, digits, '_', '-', '.'
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

/** `<account>@<tenant>.iam.acesso.io` anywhere in `text`. */
export function issuerAccount(text: string): AccountHint | undefined {
  let at = text.indexOf(ISSUER_SUFFIX);
  while (at !== -1) {
    let t = at;
    while (t > 0 && at - t < MAX_NAME && isNameChar(text.charCodeAt(t - 1)) && text.charCodeAt(t - 1) !== 46) t--;
    if (t > 1 && text.charCodeAt(t - 1) === 64 && t < at) {
      const tenantId = text.slice(t, at);
      let a = t - 1;
      while (a > 0 && t - 1 - a < MAX_NAME && isNameChar(text.charCodeAt(a - 1))) a--;
      if (a < t - 1) return { tenantId, accountName: text.slice(a, t - 1) };
    }
    at = text.indexOf(ISSUER_SUFFIX, at + ISSUER_SUFFIX.length);
  }
  return undefined;
}

type Role = 'tenantId' | 'accountName';

function roleOf(key: string): Role | undefined {
  const k = key.toLowerCase().replace(/[_.-]/g, '');
  if (k.endsWith('tenantid') || k.endsWith('tenant')) return 'tenantId';
  if (k.endsWith('accountname') || k.endsWith('serviceaccount') || k === 'account') return 'accountName';
  return undefined;
}

/** tenant/account assignments (JSON, .env, YAML, properties) in a short text. */
export function assignedAccount(text: string): AccountHint {
  const found: { tenantId?: string; accountName?: string } = {};
  for (const m of text.matchAll(ASSIGNMENT)) {
    const key = m[2];
    const value = m[4];
    if (key === undefined || value === undefined) continue;
    const role = roleOf(key);
    if (role !== undefined) found[role] ??= value;
    if (found.tenantId !== undefined && found.accountName !== undefined) break;
  }
  return found;
}

/** The tenant and account named near `text[start, end)` (the key itself is not read). */
export function accountNear(text: string, start: number, end: number): AccountHint {
  const before = text.slice(Math.max(0, start - ACCOUNT_WINDOW), start);
  const after = text.slice(end, Math.min(text.length, end + ACCOUNT_WINDOW));
  const window = `${before}\n${after}`;
  const issuer = issuerAccount(window);
  if (issuer) return issuer;
  return assignedAccount(window);
}
