/**
 * Where each profile sends requests: the built-in environments (the only place their URLs are
 * written down) and the user's custom profiles, validated. Pure: no `vscode` import, so the
 * rules are unit-testable and the settings reader stays a thin shell.
 */
import type { Profile } from '../services';

export const EMULATOR_PROFILE_ID = 'emulator';

/** The Local emulator, the profile of a fresh install. Its URLs are known only once it has started. */
export const EMULATOR_PROFILE: Profile = { id: EMULATOR_PROFILE_ID, label: 'Local emulator', kind: 'emulator', apiBaseUrl: '', identityUrl: '', production: false };

/** Built-in profiles. */
export const BUILTIN_PROFILES: readonly Profile[] = [
  EMULATOR_PROFILE,
  {
    id: 'sandbox',
    label: 'Sandbox',
    kind: 'sandbox',
    apiBaseUrl: 'https://api.idcloud.uat.unico.app',
    identityUrl: 'https://identityhomolog.acesso.io',
    production: false,
  },
  {
    id: 'production',
    label: 'Production',
    kind: 'production',
    apiBaseUrl: 'https://api.idcloud.unico.app',
    identityUrl: 'https://identity.acesso.io',
    production: true,
  },
];

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Why an endpoint URL of a custom profile is refused. */
export type EndpointProblem = 'missing' | 'notUrl' | 'notHttps' | 'userInfo' | 'queryOrFragment';

/**
 * Why one entry of `idcloud.customProfiles` was skipped, as a code: the log words it in English
 * (problemInEnglish), the warning in the user's language (profiles/problemText.ts).
 */
export type ProfileProblem = { readonly index: number } & (
  | { readonly reason: 'notArray' | 'notObject' | 'badId' | 'badLabel' | 'badProduction' }
  | { readonly reason: 'duplicateId'; readonly id: string }
  | { readonly reason: 'badEndpoint'; readonly field: 'apiBaseUrl' | 'identityUrl'; readonly problem: EndpointProblem }
);

/** Distributes over the union, so a problem can be built without its index. */
type WithoutIndex<T> = T extends unknown ? Omit<T, 'index'> : never;
type EntryProblem = WithoutIndex<ProfileProblem>;

export const MAX_LABEL = 40;
export const MAX_ID = 32;

/** https anywhere, http only on this machine; no user info, query or fragment; no trailing slash. */
export function normaliseEndpoint(value: unknown): { url: string } | { reason: EndpointProblem } {
  if (typeof value !== 'string' || value.trim() === '') return { reason: 'missing' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { reason: 'notUrl' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return { reason: 'notHttps' };
  if (url.username !== '' || url.password !== '') return { reason: 'userInfo' };
  if (url.search !== '' || url.hash !== '') return { reason: 'queryOrFragment' };
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

const ENDPOINT_IN_ENGLISH: Record<EndpointProblem, string> = {
  missing: 'is missing',
  notUrl: 'is not a URL',
  notHttps: 'must use https (http is accepted only for 127.0.0.1, localhost and [::1])',
  userInfo: 'must not contain a user name or password',
  queryOrFragment: 'must not contain a query or fragment',
};

/** The problem in English, for the log. */
export function problemInEnglish(p: ProfileProblem): string {
  switch (p.reason) {
    case 'notArray': return 'the setting must be an array';
    case 'notObject': return 'is not an object';
    case 'badId': return `"id" must be lower-case letters, digits and dashes (at most ${MAX_ID})`;
    case 'duplicateId': return `"id" "${p.id}" is already used by another profile`;
    case 'badLabel': return `"label" must be 1 to ${MAX_LABEL} characters`;
    case 'badProduction': return '"production" must be true or false';
    case 'badEndpoint': return `"${p.field}" ${ENDPOINT_IN_ENGLISH[p.problem]}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEntry(entry: unknown, taken: ReadonlySet<string>): Profile | EntryProblem {
  if (!isRecord(entry)) return { reason: 'notObject' };
  const { id, label, apiBaseUrl, identityUrl, production } = entry;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return { reason: 'badId' };
  if (taken.has(id)) return { reason: 'duplicateId', id };
  if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_LABEL) return { reason: 'badLabel' };
  const api = normaliseEndpoint(apiBaseUrl);
  if ('reason' in api) return { reason: 'badEndpoint', field: 'apiBaseUrl', problem: api.reason };
  const identity = normaliseEndpoint(identityUrl);
  if ('reason' in identity) return { reason: 'badEndpoint', field: 'identityUrl', problem: identity.reason };
  if (production !== undefined && typeof production !== 'boolean') return { reason: 'badProduction' };
  return { id, label: label.trim(), kind: 'custom', apiBaseUrl: api.url, identityUrl: identity.url, production: production === true };
}

/** The user's custom profiles from the (user-level) setting value; bad entries are skipped with a reason. */
export function parseCustomProfiles(value: unknown): { profiles: Profile[]; problems: ProfileProblem[] } {
  const profiles: Profile[] = [];
  const problems: ProfileProblem[] = [];
  if (value === undefined) return { profiles, problems };
  if (!Array.isArray(value)) return { profiles, problems: [{ index: -1, reason: 'notArray' }] };
  const taken = new Set(BUILTIN_PROFILES.map((p) => p.id));
  value.forEach((entry: unknown, index) => {
    const parsed = parseEntry(entry, taken);
    if ('reason' in parsed) {
      problems.push({ index, ...parsed });
    } else {
      taken.add(parsed.id);
      profiles.push(parsed);
    }
  });
  return { profiles, problems };
}
