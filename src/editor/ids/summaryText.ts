/**
 * The short texts the ID surfaces show: a one-line summary for code lenses and a markdown
 * summary for hovers. Pure: no `vscode` import — the caller passes `vscode.l10n` as `l10n`
 * (so the strings are still extracted and translated) and the benchmark passes a stub.
 *
 * Every string that came from the API is hostile (a flow name may be `[x](command:…)`, HTML or
 * `$(icon)` syntax, or a bidi override): it goes through `escapeMarkdown` in markdown, `plain` in lens
 * titles and `inert` on every other surface (tree, tooltips, status bar).
 */
import { apiStatusInfo } from '../../core/apiContract/model';
import { fetchedCapabilityRows, summarizeFetched } from '../../core/fetched';
import { type Outcome, type ProcessSummary, type Verdict } from '../../core/model';
import { formatDateTime } from '../../core/localeFormat';
import { relativeTime } from '../../core/relativeTime';
import type { FetchedProcess } from '../../core/types';
import { Commands } from '../commandIds';
import { needsAttention, verdictText } from '../verdictText';
import type { BackgroundBlock, ErrorAction, PresentedError, ProcessRef, Profile } from '../services';

/** The part of `vscode.l10n` the texts need. */
export interface L10n {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

/** Commands the hover may run through its links (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS: readonly string[] = [
  Commands.showProcess,
  Commands.pin,
  Commands.copyAsJson,
  Commands.copyLink,
  Commands.lookUpInAllProfiles,
  Commands.watch,
  Commands.setCredentials,
];

const OUR_COMMANDS: ReadonlySet<string> = new Set(Object.values(Commands));

/** True for a command this extension contributes (the only ones a hover link may run). */
export function isOwnCommand(command: string): boolean {
  return OUR_COMMANDS.has(command);
}

const MAX_API_TEXT = 80;

/** Bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) can make text read backwards: show them, as the panel does. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from the API made inert for any VS Code surface that is not markdown (tree labels,
 * descriptions and tooltips, lens titles and tooltips, the status bar): bidi controls shown as
 * `[U+202E]`, `$(name)` broken so it never becomes an icon.
 */
export function inert(text: string): string {
  return text.replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`).replace(/\$\(/g, '$\u200b(');
}

function clip(text: string, max: number): string {
  const oneLine = inert(text).replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * Markdown-inert text: every ASCII punctuation that markdown, HTML or theme icons read is
 * backslash-escaped. Escaping alone does not stop an icon (the renderer unescapes `\$\(` before it
 * looks for icons), so `inert` breaks `$(` first.
 */
export function escapeMarkdown(text: string, max = MAX_API_TEXT): string {
  return clip(text, max).replace(/[\\`*_{}[\]()#+\-.!|<>&~$:"'=]/g, '\\$&');
}

/** Lens-title-inert text: one line, no bidi control, no `$(name)` icon. */
export function plain(text: string, max = 40): string {
  return clip(text, max);
}

export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** A markdown link to one of our commands; `title` is our own localised text, escaped anyway. */
export function commandLink(title: string, command: string, args: readonly unknown[]): string {
  return `[${escapeMarkdown(title, 200)}](${commandUri(command, args)})`;
}


function profileMark(profile: Profile, l10n: L10n): string {
  return profile.production ? l10n.t('$(warning) {0}', plain(profile.label)) : plain(profile.label);
}

const VERDICT_ICONS: Readonly<Record<Verdict, string>> = {
  ok: '$(check)',
  invalidIdentity: '$(error)',
  error: '$(error)',
  expired: '$(history)',
  pending: '$(clock)',
  awaitingDocument: '$(clock)',
  failed: '$(error)',
  canceled: '$(circle-slash)',
  unknown: '$(warning)',
};

const OUTCOME_ICONS: Readonly<Record<Outcome, string>> = {
  positive: '$(pass)',
  negative: '$(error)',
  inconclusive: '$(question)',
  notUsed: '$(circle-slash)',
  info: '$(info)',
  unknown: '$(warning)',
};

function stateLabel(state: string, l10n: L10n): string | undefined {
  switch (state) {
    case '': return undefined;
    case 'PROCESS_STATE_CREATED': return l10n.t('Created');
    case 'AWAITING_FOR_DOCUMENT': return l10n.t('Awaiting document');
    case 'PROCESS_STATE_FINISHED': return l10n.t('Finished');
    case 'PROCESS_STATE_FAILED': return l10n.t('Failed');
    case 'PROCESS_STATE_UNSPECIFIED': return l10n.t('Unspecified');
    case 'PROCESS_STATE_CANCELED': return l10n.t('Cancelled');
    default: return l10n.t('{0} (not in the documented API)', escapeMarkdown(state, 40));
  }
}

/** The verdict's icon; an OK that its capabilities do not fully back gets the warning icon. */
function verdictIcon(s: ProcessSummary): string {
  return needsAttention(s) ? '$(warning)' : VERDICT_ICONS[s.verdict];
}

/** "✓ OK · idunicosign · 2 h ago · Sandbox": the title of a resolved code lens. */
export function lensTitle(fetched: FetchedProcess, profile: Profile, now: number, l10n: L10n, locale: string): string {
  const s = summarizeFetched(fetched);
  const parts = [`${verdictIcon(s)} ${verdictText(s, l10n, locale)}`];
  if (s.flow !== undefined) parts.push(plain(s.flow, 32));
  const when = s.finishedAt ?? s.createdAt;
  if (when) parts.push(relativeTime(when.getTime(), now, locale, 'short'));
  parts.push(profileMark(profile, l10n));
  return parts.join(' · ');
}

/** How an inline verdict is coloured: a theme colour per tone. */
export type VerdictTone = 'ok' | 'bad' | 'unsettled';

const VERDICT_BADGES: Readonly<Record<Verdict, readonly [glyph: string, tone: VerdictTone]>> = {
  ok: ['✓', 'ok'],
  invalidIdentity: ['✗', 'bad'],
  error: ['✗', 'bad'],
  failed: ['✗', 'bad'],
  expired: ['✗', 'bad'],
  canceled: ['✗', 'bad'],
  pending: ['…', 'unsettled'],
  awaitingDocument: ['…', 'unsettled'],
  unknown: ['?', 'unsettled'],
};

/** "✓ OK", "✗ Invalid identity", "… Pending": the inline verdict after an ID. Our own words only, never API text. */
export function verdictBadge(fetched: FetchedProcess, l10n: L10n): { readonly text: string; readonly tone: VerdictTone } {
  const s = summarizeFetched(fetched);
  const [glyph, tone] = VERDICT_BADGES[s.verdict];
  return { text: `${glyph} ${l10n.t(s.verdictLabel)}`, tone };
}

function profileBadge(profile: Profile, l10n: L10n): string {
  return profile.production ? `**${l10n.t('$(warning) {0}', escapeMarkdown(profile.label, 40))}**` : escapeMarkdown(profile.label, 40);
}

function actionLinks(ref: ProcessRef, l10n: L10n, unfinished: boolean): string {
  return [
    commandLink(l10n.t('Open'), Commands.showProcess, [ref]),
    // An unfinished process can be watched: polled until it settles, then one notification.
    ...(unfinished ? [commandLink(l10n.t('Watch'), Commands.watch, [ref])] : []),
    commandLink(l10n.t('Pin'), Commands.pin, [ref]),
    commandLink(l10n.t('Copy JSON'), Commands.copyAsJson, [ref]),
    commandLink(l10n.t('Copy Link'), Commands.copyLink, [ref]),
    commandLink(l10n.t('Look Up in All Profiles'), Commands.lookUpInAllProfiles, [ref]),
  ].join(' · ');
}

/**
 * The hover of a fetched process: verdict, state, flow, times, capability results, profile, actions.
 * `ref.id` (from our scanner, a validated UUID) is shown, never the API's own `id` field.
 */
export function hoverMarkdown(fetched: FetchedProcess, ref: ProcessRef, profile: Profile, now: number, l10n: L10n, locale: string): string {
  const s = summarizeFetched(fetched);
  // the actions right under the headline: a long hover scrolls, and they must stay in view
  const lines = [
    `${verdictIcon(s)} **${escapeMarkdown(verdictText(s, l10n, locale), 200)}** · \`${ref.id}\` · ${profileBadge(profile, l10n)}`,
    '',
    actionLinks(ref, l10n, !s.stable),
    '',
    '---',
    '',
  ];
  const facts: string[] = [];
  if (s.contract === 'api') {
    const status = apiStatusInfo(s.state === '' ? undefined : Number(s.state));
    if (s.state !== '') facts.push(l10n.t('Status: {0}', status.name ? `${s.state} (${l10n.t(status.name)})` : l10n.t('{0} (not in the documented API)', escapeMarkdown(s.state, 12))));
    facts.push(l10n.t('API contract'));
  }
  const state = s.contract === 'api' ? undefined : stateLabel(s.state, l10n);
  if (state !== undefined) facts.push(l10n.t('State: {0}', state));
  if (s.flow !== undefined) facts.push(l10n.t('Flow: {0}', escapeMarkdown(s.flow, 40)));
  if (s.createdAt) facts.push(l10n.t('Created {0} ({1})', formatDateTime(s.createdAt.getTime(), locale), relativeTime(s.createdAt.getTime(), now, locale)));
  if (s.finishedAt) facts.push(l10n.t('Finished {0} ({1})', formatDateTime(s.finishedAt.getTime(), locale), relativeTime(s.finishedAt.getTime(), now, locale)));
  if (facts.length > 0) lines.push(facts.join(' · '), '');
  for (const r of fetchedCapabilityRows(fetched)) {
    if (r.outcome === 'notUsed') continue;
    const meaning = r.known ? l10n.t(r.meaning) : l10n.t('{0} (not in the documented API)', escapeMarkdown(r.value, 40));
    const capability = r.known ? l10n.t(r.capability) : escapeMarkdown(r.capability, 40);
    const score = r.known && r.field.endsWith('.score') ? ` (${escapeMarkdown(r.value, 8)})` : '';
    lines.push(`- ${OUTCOME_ICONS[r.outcome]} **${capability}**: ${meaning}${score}`);
  }
  return lines.join('\n');
}

/**
 * The profiles the not-found hover offers one link each: the others of the same contract (Web &
 * SDK, or the API contract). The rest stay one click away behind Look Up in All Profiles, so the
 * hover stays two or three links long with six built-in profiles.
 */
export function profilesToTry(profile: Profile, all: readonly Profile[]): Profile[] {
  return all.filter((p) => p.id !== profile.id && p.contract === profile.contract);
}

/** "Not found in Sandbox": the other profiles to try, one link each, and all at once. */
export function notFoundMarkdown(ref: ProcessRef, profile: Profile, others: readonly Profile[], l10n: L10n): string {
  const lines = [`$(question) **${l10n.t('Not found in {0}', escapeMarkdown(profile.label, 40))}** · \`${ref.id}\``, ''];
  if (others.length > 0) {
    const links = others.map((o) => {
      const link = commandLink(l10n.t('Look up in {0}', o.label), Commands.showProcess, [{ id: ref.id, profileId: o.id }]);
      return o.production ? `$(warning) ${link}` : link;
    });
    lines.push(`${l10n.t('Try another profile:')} ${links.join(' · ')}`, '');
  }
  lines.push(commandLink(l10n.t('Look Up in All Profiles'), Commands.lookUpInAllProfiles, [ref]));
  return lines.join('\n');
}

/** A profile where hovers may not fetch (Background policy): why, and the explicit action instead. */
export function blockedMarkdown(ref: ProcessRef, profile: Profile, block: BackgroundBlock, l10n: L10n): string {
  const why = block === 'production'
    ? l10n.t('Hovers do not look up processes in a production profile: only what you ask for.')
    : block === 'untrusted'
      ? l10n.t('Nothing is looked up by itself until you trust this workspace.')
      : l10n.t('{0} has no credentials, so hovers look nothing up.', profile.label);
  const action = block === 'noCredentials'
    ? commandLink(l10n.t('Set Credentials…'), Commands.setCredentials, [profile.id])
    : commandLink(l10n.t('Look up in {0}', profile.label), Commands.showProcess, [ref]);
  return [`\`${ref.id}\` · ${profileBadge(profile, l10n)}`, '', escapeMarkdown(why, 200), '', action].join('\n');
}

/** A failed lookup: the localised message and its actions that are our own commands. */
export function errorMarkdown(presented: PresentedError): string {
  const links = presented.actions
    .filter((a: ErrorAction) => isOwnCommand(a.command))
    .map((a) => commandLink(a.title, a.command, a.arguments ?? []));
  return [`$(warning) ${escapeMarkdown(presented.message, 400)}`, '', links.join(' · ')].join('\n');
}
