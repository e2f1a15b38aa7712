/**
 * A process link, `<uriScheme>://<publisher>.<name>/process/<id>?profile=<profileId>`: what it
 * holds (the process ID and the profile ID, never data or credentials) and how a received one is
 * read. Pure: no `vscode` import, so the unit tier checks every shape a pasted link can take.
 */
import { parseProcessId, type ProcessId } from '../../core/processId';

/** The only path a link may have: `/process/<id>`. */
export const LINK_PATH_PREFIX = '/process/';

/** The query parameter that names the profile. */
export const PROFILE_PARAM = 'profile';

/** A profile ID as profiles/definitions.ts accepts one (custom profiles' `id` pattern). */
const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** How much of a link's text a message may repeat (the rest is someone else's, and may be anything). */
const MAX_ECHO = 64;

/** What a received link asks for, or why it cannot be opened. `text` is the link's own, clipped. */
export type ParsedLink =
  | { readonly kind: 'process'; readonly id: ProcessId; readonly profileId: string }
  | { readonly kind: 'unknownPath'; readonly text: string }
  | { readonly kind: 'malformedId'; readonly text: string }
  | { readonly kind: 'missingProfile'; readonly id: ProcessId }
  | { readonly kind: 'unknownProfile'; readonly id: ProcessId; readonly text: string };

/** The part of a link a message may echo: one line, at most MAX_ECHO characters. */
export function echo(text: string): string {
  const line = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return line.length > MAX_ECHO ? `${line.slice(0, MAX_ECHO - 1)}…` : line;
}

/** The path and query of a link to `id` in `profileId` (the caller adds scheme and authority). */
export function linkParts(id: ProcessId, profileId: string): { readonly path: string; readonly query: string } {
  return { path: `${LINK_PATH_PREFIX}${id}`, query: `${PROFILE_PARAM}=${encodeURIComponent(profileId)}` };
}

/**
 * Reads a received link's path and (decoded) query. `knownProfile` says whether this window has
 * the profile; an ID in any case is accepted and lower-cased, a trailing slash is tolerated.
 */
export function parseLink(path: string, query: string, knownProfile: (id: string) => boolean): ParsedLink {
  if (!path.startsWith(LINK_PATH_PREFIX)) return { kind: 'unknownPath', text: echo(path || '/') };
  const rawId = path.slice(LINK_PATH_PREFIX.length).replace(/\/$/, '');
  const id = parseProcessId(rawId);
  if (id === undefined) return { kind: 'malformedId', text: echo(rawId) };
  const profileId = new URLSearchParams(query).get(PROFILE_PARAM)?.trim() ?? '';
  if (profileId === '') return { kind: 'missingProfile', id };
  if (!PROFILE_ID.test(profileId) || !knownProfile(profileId)) return { kind: 'unknownProfile', id, text: echo(profileId) };
  return { kind: 'process', id, profileId };
}
