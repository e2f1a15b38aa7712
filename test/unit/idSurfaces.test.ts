// The pure halves of the process-ID surfaces (src/editor/ids/scan.ts, summaryText.ts): capped
// scans, the whole-document tally, and the texts that must stay inert whatever the API sends.
import * as assert from 'node:assert/strict';
import { parseProcessResponse } from '../../src/core/schema';
import type { FetchedProcess } from '../../src/core/types';
import { HOSTILE_PROCESS, HOSTILE_PROCESS_ID as HOSTILE_PROCESS_ID_TEXT } from '../../src/emulator/hostile';
import { REFERENCE_EXAMPLE, REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT } from '../../src/emulator/reference';
import { type DocumentLike, planLenses, planLinks, tallyDocument } from '../../src/editor/ids/scan';
import {blockedMarkdown, commandUri, errorMarkdown, escapeMarkdown, HOVER_COMMANDS, hoverMarkdown, inert, type L10n, lensTitle, notFoundMarkdown, plain, profilesToTry, verdictBadge,} from '../../src/editor/ids/summaryText';
import type { Profile } from '../../src/editor/services';
import { pid } from './pid.helpers';

const HOSTILE_PROCESS_ID = pid(HOSTILE_PROCESS_ID_TEXT);
const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);

const A = pid('53060f52-f146-4c12-a234-5bb5031f6f5b');
const B = pid('4d4f3d90-04a3-4259-b63b-930ab10d2e47');
const C = pid('01890a5d-ac96-774b-bcce-b302099a8057');

const l10n: L10n = { t: (m, ...args) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
const profile = (id: string, label: string, production = false): Profile => ({
  id, label, kind: production ? 'production' : 'sandbox', apiBaseUrl: 'https://api.example', identityUrl: 'https://id.example', production,
});
const sandbox = profile('sandbox', 'Sandbox');
const production = profile('production', 'Production', true);

function doc(lines: string[], version = 1): DocumentLike & { lines: string[]; version: number } {
  return {
    lines,
    version,
    get lineCount() {
      return this.lines.length;
    },
    lineAt(i: number) {
      const text = this.lines[i];
      if (text === undefined) throw new Error(`no line ${i}`);
      return { text };
    },
  };
}

function fetched(body: unknown): FetchedProcess {
  return { process: parseProcessResponse({ process: body }), rawJson: JSON.stringify({ process: body }), fetchedAt: 0 };
}

/** Markdown links in `md` and the commands they run. */
function linkCommands(md: string): string[] {
  return [...md.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1] ?? '');
}

describe('planLenses', () => {
  it('gives one lens per distinct ID per line, in document order, with character ranges', () => {
    const plan = planLenses(doc(['no id here', `a=${A} b=${B} again=${A}`, B.toUpperCase()]), 10);
    assert.ok(plan);
    assert.deepEqual(plan.occurrences, [
      { id: A, line: 1, start: 2, end: 38 },
      { id: B, line: 1, start: 41, end: 77 },
      { id: B, line: 2, start: 0, end: 36 },
    ]);
    assert.equal(plan.capped, false);
    assert.deepEqual([...plan.ids].sort(), [B, A].sort());
  });

  it('stops at the cap and says so only when more IDs exist', () => {
    const lines = [`${A} ${B}`, C];
    const exact = planLenses(doc(lines), 3);
    assert.equal(exact?.occurrences.length, 3);
    assert.equal(exact.capped, false);
    const capped = planLenses(doc(lines), 2);
    assert.equal(capped?.occurrences.length, 2);
    assert.equal(capped.capped, true);
    const cappedMidLine = planLenses(doc(lines), 1);
    assert.deepEqual(cappedMidLine?.occurrences.map((o) => o.id), [A]);
    assert.equal(cappedMidLine.capped, true);
  });

  it('returns undefined when cancelled', () => {
    assert.equal(planLenses(doc([A]), 10, { isCancellationRequested: true }), undefined);
  });

  it('bounds the work on one huge line by the cap', () => {
    const line = Array.from({ length: 50_000 }, (_, i) => `${i.toString(16).padStart(8, '0')}-f146-4c12-a234-5bb5031f6f5b`).join(' ');
    const plan = planLenses(doc([line]), 5);
    assert.equal(plan?.occurrences.length, 5);
    assert.equal(plan.capped, true);
  });
});

describe('planLinks', () => {
  it('links every occurrence, repeated ones included, up to the cap', () => {
    assert.deepEqual(planLinks(doc([`${A} ${A}`, B]), 10)?.map((o) => [o.id, o.line, o.start]), [[A, 0, 0], [A, 0, 37], [B, 1, 0]]);
    assert.equal(planLinks(doc([`${A} ${A}`, B]), 2)?.length, 2);
  });
});

describe('tallyDocument', () => {
  it('counts each ID and keeps its first line and column, in order of appearance', async () => {
    const lines = ['x', `  ${B}`, `${A} ${B}`];
    for (let i = 0; i < 30_000; i++) lines.push(i % 3 === 0 ? `line ${i} ${C}` : `line ${i}`);
    const tally = await tallyDocument(doc(lines));
    assert.deepEqual(tally, [
      { id: B, count: 2, firstLine: 1, firstColumn: 2 },
      { id: A, count: 1, firstLine: 2, firstColumn: 0 },
      { id: C, count: 10_000, firstLine: 3, firstColumn: 7 },
    ]);
  });

  it('gives up when the document changes between slices, or on cancellation', async () => {
    const d = doc(Array.from({ length: 30_000 }, () => A));
    const pending = tallyDocument(d);
    d.version = 2; // an edit lands while the first slice yields
    assert.equal(await pending, undefined);
    const token = { isCancellationRequested: false };
    const cancelled = tallyDocument(doc(Array.from({ length: 30_000 }, () => A)), token);
    token.isCancellationRequested = true;
    assert.equal(await cancelled, undefined);
  });
});

describe('summary texts', () => {
  const reference = fetched(REFERENCE_EXAMPLE);
  const finished = Date.parse('2024-01-01T10:15:00Z');

  it('lens title: verdict, flow, age and profile', () => {
    const positive = fetched({ ...REFERENCE_EXAMPLE, authenticationInfo: { livenessResult: 'LIVENESS_RESULT_LIVE', authenticationResult: 'AUTHENTICATION_RESULT_POSITIVE' } });
    assert.equal(lensTitle(positive, sandbox, finished + 2 * 3_600_000, l10n, 'en'), '$(check) OK · idunicosign · 2 hr. ago · Sandbox');
    assert.equal(lensTitle(positive, production, finished + 90_000, l10n, 'en'), '$(check) OK · idunicosign · 2 min. ago · $(warning) Production');
  });

  it('lens title of an OK the capabilities do not back: says which, and on what the decision rests', () => {
    // the reference example: OK with identity and fraud classification inconclusive, risk score 85.5
    assert.equal(lensTitle(reference, sandbox, finished + 2 * 3_600_000, l10n, 'en'),
      '$(warning) OK — Identity verification inconclusive, Risk fraud classification inconclusive; decided with risk score 85.5 · idunicosign · 2 hr. ago · Sandbox');
    assert.match(lensTitle(reference, sandbox, finished, l10n, 'pt-BR'), /risk score 85,5/);
  });

  it('lens title of an unfinished process says pending', () => {
    const created = fetched({ ...REFERENCE_EXAMPLE, state: 'PROCESS_STATE_CREATED', result: 'PROCESS_RESULT_UNSPECIFIED', finishedAt: '' });
    assert.match(lensTitle(created, sandbox, Date.parse('2024-01-01T10:00:30Z'), l10n, 'en'), /^\$\(clock\) Pending · idunicosign · 30 sec\. ago · Sandbox$/);
  });


  it('hover: verdict, state, flow, times, capabilities, profile and the five actions on this ref', () => {
    const md = hoverMarkdown(reference, { id: REFERENCE_EXAMPLE_ID, profileId: 'production' }, production, finished, l10n, 'en');
    assert.match(md, /^\$\(warning\) \*\*OK — Identity verification inconclusive, Risk fraud classification inconclusive; decided with risk score 85\\\.5\*\*/);
    assert.match(md, new RegExp(REFERENCE_EXAMPLE_ID));
    assert.match(md, /\*\*\$\(warning\) Production\*\*/);
    assert.match(md, /State: Finished/);
    assert.match(md, /Flow: idunicosign/);
    assert.match(md, /Created Jan 1, 2024, 10:00 AM UTC/);
    assert.match(md, /Finished Jan 1, 2024, 10:15 AM UTC \(now\)/);
    assert.match(md, /\*\*Liveness\*\*: The user was alive at the moment the selfie was captured/);
    assert.deepEqual(linkCommands(md), ['idcloud.showProcess', 'idcloud.pin', 'idcloud.copyAsJson', 'idcloud.copyLink', 'idcloud.lookUpInAllProfiles']);
    const arg = encodeURIComponent(JSON.stringify([{ id: REFERENCE_EXAMPLE_ID, profileId: 'production' }]));
    assert.ok(md.includes(`(command:idcloud.showProcess?${arg})`));
  });

  it('hover of an unfinished process offers Watch (our own command, on this ref); a finished one does not', () => {
    const ref = { id: REFERENCE_EXAMPLE_ID, profileId: 'sandbox' };
    const created = fetched({ ...REFERENCE_EXAMPLE, state: 'PROCESS_STATE_CREATED', result: 'PROCESS_RESULT_UNSPECIFIED', finishedAt: '' });
    const md = hoverMarkdown(created, ref, sandbox, finished, l10n, 'en');
    assert.deepEqual(linkCommands(md), ['idcloud.showProcess', 'idcloud.watch', 'idcloud.pin', 'idcloud.copyAsJson', 'idcloud.copyLink', 'idcloud.lookUpInAllProfiles']);
    assert.ok(md.includes(`(command:idcloud.watch?${encodeURIComponent(JSON.stringify([ref]))})`));
    assert.ok(HOVER_COMMANDS.includes('idcloud.watch'), 'the hover trusts the Watch command');
    const awaiting = fetched({ ...REFERENCE_EXAMPLE, state: 'AWAITING_FOR_DOCUMENT', result: 'PROCESS_RESULT_UNSPECIFIED', finishedAt: '' });
    assert.ok(linkCommands(hoverMarkdown(awaiting, ref, sandbox, finished, l10n, 'en')).includes('idcloud.watch'));
    assert.ok(!linkCommands(hoverMarkdown(reference, ref, sandbox, finished, l10n, 'en')).includes('idcloud.watch'));
  });

  it('hover of the hostile fixture: no link, HTML tag or icon the API wrote survives', () => {
    const md = hoverMarkdown(fetched(HOSTILE_PROCESS), { id: HOSTILE_PROCESS_ID, profileId: 'sandbox' }, sandbox, 0, l10n, 'en');
    assert.ok(md.includes(HOSTILE_PROCESS_ID));
    // Its state is not a documented one, so it may still change: Watch is offered.
    assert.deepEqual(linkCommands(md), ['idcloud.showProcess', 'idcloud.watch', 'idcloud.pin', 'idcloud.copyAsJson', 'idcloud.copyLink', 'idcloud.lookUpInAllProfiles']);
    assert.doesNotMatch(md, /(^|[^\\])</, "every < the API sent is backslash-escaped");
    assert.doesNotMatch(md, /[^\\]\[x\]\(/);
    assert.doesNotMatch(md, /(^|[^\\])\$\((zap|alert)\)/);
    assert.ok(md.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), 'the flow shows as escaped text');
  });

  it('lens title of the hostile fixture has no icon or newline from the API', () => {
    const title = lensTitle(fetched({ ...HOSTILE_PROCESS, flow: '$(zap) evil\n$(alert)' }), sandbox, 0, l10n, 'en');
    assert.doesNotMatch(title, /\$\((zap|alert)\)/);
    assert.doesNotMatch(title, /\n/);
  });

  /** What the hover shows once markdown has removed its backslash escapes (icons are read after that). */
  const rendered = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

  it('hover of the hostile fixture: a bidi override shows as [U+202E] and $(alert) stays text after unescaping', () => {
    const md = hoverMarkdown(fetched(HOSTILE_PROCESS), { id: HOSTILE_PROCESS_ID, profileId: 'sandbox' }, sandbox, 0, l10n, 'en');
    assert.doesNotMatch(md, BIDI);
    assert.ok(rendered(md).includes('[U+202E]kcom'), md);
    assert.doesNotMatch(rendered(md), /\$\((zap|alert)\)/);
    assert.match(rendered(md), /\$\u200b\(alert\)/, 'the API text is still readable');
  });

  it('lens title: a bidi override in the flow or the profile label cannot reverse the title', () => {
    const title = lensTitle(fetched({ ...HOSTILE_PROCESS, flow: '\u202EkcoM $(alert)' }), profile('p', 'Prod\u2067uction\u2069', true), 0, l10n, 'en');
    assert.doesNotMatch(title, BIDI);
    assert.ok(title.includes('[U+202E]kcoM') && title.includes('Prod[U+2067]uction[U+2069]'), title);
    assert.doesNotMatch(title, /\$\(alert\)/);
  });

  it('error hover: the message is inert however it was built', () => {
    const md = errorMarkdown({ message: 'Server said \u202Edetalhe $(alert) [x](command:workbench.action.quit)', actions: [] });
    assert.doesNotMatch(md, BIDI);
    assert.doesNotMatch(rendered(md), /\$\(alert\)/);
    assert.deepEqual(linkCommands(md), []);
  });

  it('inert: every bidi control shown by its code point, every $( broken, the rest untouched', () => {
    const controls = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    assert.equal(inert(controls.join('')), '[U+061C][U+200E][U+200F][U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069]');
    assert.equal(inert('$(alert) a$(zap)\nJoão'), '$\u200b(alert) a$\u200b(zap)\nJoão');
    assert.equal(inert(inert('\u202E$(x)')), inert('\u202E$(x)'), 'idempotent');
  });

  it('escapes markdown, HTML and theme icons, and clips to one line', () => {
    assert.equal(escapeMarkdown('[x](command:y) <b> $(zap) a_b'), '\\[x\\]\\(command\\:y\\) \\<b\\> \\$\u200b\\(zap\\) a\\_b');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
    assert.equal(escapeMarkdown('abcdef', 4), 'abc…');
    assert.equal(plain('$(zap)x'), '$\u200b(zap)x');
  });

  it('not found: a link per other profile and one to look up in all profiles', () => {
    const md = notFoundMarkdown({ id: A, profileId: 'sandbox' }, sandbox, [production, profile('emulator', 'Local emulator')], l10n);
    assert.match(md, /Not found in Sandbox/);
    assert.deepEqual(linkCommands(md), ['idcloud.showProcess', 'idcloud.showProcess', 'idcloud.lookUpInAllProfiles']);
    assert.ok(md.includes(encodeURIComponent(JSON.stringify([{ id: A, profileId: 'production' }]))));
    assert.ok(md.includes(encodeURIComponent(JSON.stringify([{ id: A, profileId: 'emulator' }]))));
  });

  it('not found: offers the other profiles of the same contract, the rest through all profiles', () => {
    const emulator = profile('emulator', 'Local emulator');
    const api = (id: string, label: string): Profile => ({ ...profile(id, label), contract: 'api' });
    const all = [emulator, sandbox, production, api('emulator-api', 'Local emulator (API contract)'), api('sandbox-api', 'Sandbox (API contract)')];
    assert.deepEqual(profilesToTry(emulator, all).map((p) => p.id), ['sandbox', 'production']);
    assert.deepEqual(profilesToTry(all[3] as Profile, all).map((p) => p.id), ['sandbox-api']);
    assert.deepEqual(profilesToTry(sandbox, [sandbox]), []);
  });

  it('inline verdicts: our own words and a tone per verdict, never API text', () => {
    const badge = (state: string, result?: string): string => {
      const b = verdictBadge({ process: { id: A, state, ...(result === undefined ? {} : { result }), flow: '$(alert) [x](command:evil)' }, rawJson: '{}', fetchedAt: 0 }, l10n);
      return `${b.text}|${b.tone}`;
    };
    assert.equal(badge('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_OK'), '✓ OK|ok');
    assert.equal(badge('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_INVALID_IDENTITY'), '✗ Invalid identity|bad');
    assert.equal(badge('PROCESS_STATE_FINISHED', 'PROCESS_RESULT_ERROR'), '✗ Error|bad');
    assert.equal(badge('PROCESS_STATE_FAILED'), '✗ Failed|bad');
    assert.equal(badge('PROCESS_STATE_CREATED', 'PROCESS_RESULT_EXPIRED'), '✗ Expired|bad');
    assert.equal(badge('PROCESS_STATE_CREATED', 'PROCESS_RESULT_UNSPECIFIED'), '… Pending|unsettled');
    assert.equal(badge('AWAITING_FOR_DOCUMENT'), '… Awaiting document|unsettled');
    assert.equal(badge('\u202eSOMETHING_NEW'), '? Unknown|unsettled');
  });

  it('a profile where hovers may not fetch: why, and one explicit action', () => {
    const md = blockedMarkdown({ id: A, profileId: 'production' }, production, 'production', l10n);
    assert.deepEqual(linkCommands(md), ['idcloud.showProcess']);
    assert.match(md, /Look up in Production/);
    assert.match(md, /only what you ask for/);
    const untrusted = blockedMarkdown({ id: A, profileId: 'sandbox' }, sandbox, 'untrusted', l10n);
    assert.deepEqual(linkCommands(untrusted), ['idcloud.showProcess']);
    assert.match(untrusted, /until you trust this workspace/);
    const noCredentials = blockedMarkdown({ id: A, profileId: 'sandbox' }, sandbox, 'noCredentials', l10n);
    assert.deepEqual(linkCommands(noCredentials), ['idcloud.setCredentials']);
    assert.ok(noCredentials.includes(encodeURIComponent(JSON.stringify(['sandbox']))));
    assert.match(noCredentials, /Sandbox has no credentials/);
  });

  it('errors: only actions that run our own contributed commands become links', () => {
    const md = errorMarkdown({
      message: 'Rate limited [x](command:workbench.action.quit)',
      actions: [
        { title: 'Set Credentials', command: 'idcloud.setCredentials', arguments: ['sandbox'] },
        { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['x'] },
      ],
    });
    assert.deepEqual(linkCommands(md), ['idcloud.setCredentials']);
    assert.ok(md.includes('\\[x\\]\\(command\\:workbench'));
    assert.equal(commandUri('idcloud.pin', [{ id: A }]), `command:idcloud.pin?${encodeURIComponent(JSON.stringify([{ id: A }]))}`);
  });
});
