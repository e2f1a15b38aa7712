/**
 * Where the `idcloud_findProcessIds` tool may read, as pure path logic: whether a URI is inside a
 * workspace folder, and whether it names an open document. A chat agent can be steered by what it
 * reads (a prompt injection in a log) into asking for /etc/… or ~/.ssh/…; the tool answers that only
 * after these checks, and reads nothing it refuses.
 *
 * Compared on the URI's parts, never on string prefixes of fsPath: same scheme and authority, and
 * the path with `.` and `..` resolved, under the folder's path at a `/` boundary (/ws is not over
 * /ws2). On Windows (`ignoreCase`, for `file:`) a backslash is a separator too — fsPath turns
 * `/c:/ws/..\..\x` into c:\ws\..\..\x — and case does not count. Symbolic links are not followed:
 * a link inside a folder counts as inside (the workspace's content is the user's).
 * Pure: no `vscode` import (the unit tests run it).
 */
import * as path from 'node:path';

/** The parts of a vscode.Uri the checks read. */
export interface UriParts {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  readonly query?: string;
}

/** The path with `.` and `..` resolved (never above the root) and no trailing slash. */
export function normalPath(p: string, windows = false): string {
  const slashed = windows ? p.replace(/\\/g, '/') : p;
  const normal = path.posix.normalize(slashed.startsWith('/') ? slashed : `/${slashed}`);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** What two URIs are compared on: lower-case scheme and authority; the path as normalPath, lower-case when `ignoreCase`. */
function key(uri: UriParts, ignoreCase: boolean): UriParts {
  const p = normalPath(uri.path, ignoreCase);
  return { scheme: uri.scheme.toLowerCase(), authority: uri.authority.toLowerCase(), path: ignoreCase ? p.toLowerCase() : p, query: uri.query ?? '' };
}

/** Whether `target` is `folder` or inside it. */
export function isInside(folder: UriParts, target: UriParts, ignoreCase = false): boolean {
  const f = key(folder, ignoreCase);
  const t = key(target, ignoreCase);
  if (f.scheme !== t.scheme || f.authority !== t.authority) return false;
  return t.path === f.path || t.path.startsWith(f.path === '/' ? '/' : `${f.path}/`);
}

/** Whether two URIs name the same resource (the query counts: git: and other schemes keep a revision in it). */
export function isSame(a: UriParts, b: UriParts, ignoreCase = false): boolean {
  const x = key(a, ignoreCase);
  const y = key(b, ignoreCase);
  return x.scheme === y.scheme && x.authority === y.authority && x.path === y.path && x.query === y.query;
}
