/**
 * The background-traffic rule (DESIGN.md §15) as one pure function: whether a surface the user
 * did not explicitly ask (hover, code lens, inline verdict, a process document opened from a link)
 * may fetch for a profile now. Explicit commands never consult it.
 */

/** Why background surfaces may not fetch; `undefined` from `backgroundBlock` means they may. */
export type BackgroundBlock = 'untrusted' | 'noCredentials' | 'production';

export interface BackgroundFacts {
  /** The workspace is trusted (`vscode.workspace.isTrusted`). */
  readonly trusted: boolean;
  /** The profile is a production one, confirmed in this window or not. */
  readonly production: boolean;
  /** The profile can authenticate (the emulator always can). */
  readonly hasCredentials: boolean;
}

/**
 * A repository's file content is not the user's intent: nothing leaves before the workspace is
 * trusted. A profile without credentials would only fail. Production is looked up only on request,
 * and confirming it never turns background lookups on.
 */
export function backgroundBlock(facts: BackgroundFacts): BackgroundBlock | undefined {
  if (!facts.trusted) return 'untrusted';
  if (!facts.hasCredentials) return 'noCredentials';
  if (facts.production) return 'production';
  return undefined;
}
