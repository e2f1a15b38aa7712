// The Processes view's nodes, walked through the provider the view uses, against the emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FAULT_IDS, HOSTILE_PROCESS_ID as HOSTILE_PROCESS_ID_TEXT, REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, UNKNOWN_PROCESS_ID as UNKNOWN_PROCESS_ID_TEXT } from '../../src/emulator';
import { Commands } from '../../src/editor/commandIds';
import { shortEnum } from '../../src/editor/tree/details';
import { relativeTime } from '../../src/editor/tree/format';
import { HISTORY_KEY, ProcessHistory, RECENT_LIMIT } from '../../src/editor/tree/history';
import type { Node } from '../../src/editor/tree/nodes';
import type { ProcessRef } from '../../src/editor/services';
import type { ExtensionApi } from '../../src/extension';
import { extensionApi, watchRejections } from './api';
import { pid } from '../unit/pid.helpers';

const HOSTILE_PROCESS_ID = pid(HOSTILE_PROCESS_ID_TEXT);
const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);
const UNKNOWN_PROCESS_ID = pid(UNKNOWN_PROCESS_ID_TEXT);

const REF: ProcessRef = { id: REFERENCE_EXAMPLE_ID, profileId: 'emulator' };
const UNKNOWN_ENUMS: ProcessRef = { id: pid('f981d8c8-5584-4e1c-8344-19ea8b2262c2'), profileId: 'emulator' };

interface Shown {
  readonly node: Node;
  readonly item: vscode.TreeItem;
}

function text(value: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined): string {
  if (value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string') return value;
  return 'label' in value ? value.label : value.value;
}

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

describe('the Processes tree', () => {
  let api: ExtensionApi;
  const rejections = watchRejections();

  async function children(node?: Node): Promise<Shown[]> {
    const nodes = await api.tree.provider.getChildren(node);
    return nodes.map((n) => ({ node: n, item: api.tree.provider.getTreeItem(n) }));
  }

  async function child(node: Node | undefined, label: string): Promise<Shown> {
    const all = await children(node);
    const found = all.find((c) => text(c.item.label) === label);
    assert.ok(found, `no "${label}" under ${node ? text(node.toTreeItem().label) : 'the root'}: ${all.map((c) => text(c.item.label)).join(', ')}`);
    return found;
  }

  /** Pins `ref` (no fetch) and returns its node's first render, then its children. */
  async function expand(ref: ProcessRef): Promise<{ children: Shown[]; item: vscode.TreeItem }> {
    await api.tree.history.pin(ref);
    const node = api.tree.provider.nodeFor(ref);
    assert.ok(node);
    const shown = await children(node);
    return { children: shown, item: api.tree.provider.getTreeItem(node) };
  }

  before(async () => {
    api = await extensionApi();
  });

  after(() => {
    rejections.stop();
    assert.deepStrictEqual(rejections.seen, [], 'no unhandled rejection');
  });

  it('is empty (so the welcome view shows) when nothing was looked up', async () => {
    await api.tree.history.clearRecent();
    for (const ref of [...api.tree.history.pinned]) await api.tree.history.unpin(ref);
    await api.tree.history.clearRecent();
    assert.deepStrictEqual(await children(), []);
  });

  it('shows a looked-up process under Recent › Local emulator with its verdict, flow and time', async () => {
    await vscode.commands.executeCommand(Commands.lookUpProcess, REF);
    const recent = await child(undefined, 'Recent');
    const group = await child(recent.node, 'Local emulator');
    assert.match(text(group.item.description), /active/);
    const processNode = await child(group.node, REFERENCE_EXAMPLE_ID.slice(0, 8));
    const item = processNode.item;
    assert.strictEqual(iconId(item), 'warning', 'the reference example is OK with inconclusive capabilities');
    assert.match(text(item.description), /^idunicosign · .*\d.*(ago|atrás|há)/);
    assert.ok(text(item.tooltip).includes(REFERENCE_EXAMPLE_ID));
    assert.ok(text(item.tooltip).includes('Local emulator'));
    assert.strictEqual(item.contextValue, 'process.recent');
    assert.strictEqual(item.command?.command, Commands.showProcess);
    assert.deepStrictEqual(item.command.arguments, [REF]);
  });

  it('details: Result, Capabilities, Person (masked), Company, Documents (flags, OCR masked per field)', async () => {
    const node = api.tree.provider.nodeFor(REF);
    assert.ok(node);
    const groups = await children(node);
    assert.deepStrictEqual(groups.map((g) => text(g.item.label)), ['Result', 'Capabilities', 'Person', 'Company', 'Documents']);

    const result = await children(groups[0]?.node);
    const state = result.find((r) => text(r.item.label) === 'State');
    assert.match(text(state?.item.description), /PROCESS_STATE_FINISHED · Journey completed/);
    assert.match(text(result.find((r) => text(r.item.label) === 'Result')?.item.description), /PROCESS_RESULT_OK · unico returned OK, but not every capability answered positively/);

    const caps = await children(groups[1]?.node);
    const liveness = caps.find((c) => text(c.item.label) === 'Liveness');
    assert.match(text(liveness?.item.description), /^LIVE · The user was alive at the moment the selfie was captured/);
    assert.match(text(liveness?.item.tooltip), /LIVENESS_RESULT_LIVE/, 'the full value in the tooltip');
    assert.strictEqual(liveness && iconId(liveness.item), 'pass');
    const score = caps.find((c) => text(c.item.label) === 'Risk score' && text(c.item.description).startsWith('TRUE'));
    assert.ok(score, 'SCORE_ENABLED_TRUE shows as TRUE');
    const fraud = caps.find((c) => text(c.item.label) === 'Risk fraud classification');
    assert.match(text(fraud?.item.description), /^INCONCLUSIVE · /);

    if (api.privacy.revealed) api.privacy.toggle();
    const person = await children(groups[2]?.node);
    const personText = person.map((p) => `${text(p.item.label)} ${text(p.item.description)}`).join('\n');
    assert.match(personText, /CPF \*\*\*\.456\.789-\*\*/);
    assert.match(personText, /Name L\*\*\* S\*{8}/);
    assert.doesNotMatch(personText, /12345678909|Skywalker/);

    const company = await children(groups[3]?.node);
    assert.deepStrictEqual(company.map((c) => `${text(c.item.label)}=${text(c.item.description)}`), ['Branch=branch-123', 'Country=BR']);

    const [doc] = await children(groups[4]?.node);
    assert.ok(doc);
    assert.strictEqual(text(doc.item.label), 'CNH');
    const fields = await children(doc.node);
    const field = (label: string): string => text(fields.find((f) => text(f.item.label) === label)?.item.description);
    assert.strictEqual(field('Typified'), 'yes');
    assert.strictEqual(field('Reused'), 'no');
    assert.strictEqual(field('categoria'), 'B', 'not personal: shown');
    assert.doesNotMatch(field('nomeCivil'), /Luke|Skywalker/);
    assert.strictEqual(field('dataNascimento'), '****-**-**T**:**:**Z');
  });

  it('reveals personal data when privacy is toggled, and masks it again', async () => {
    const node = api.tree.provider.nodeFor(REF);
    assert.ok(node);
    const changed = new Promise<void>((resolve) => {
      const sub = api.tree.provider.onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    api.privacy.toggle();
    await changed;
    try {
      const person = await children((await child(node, 'Person')).node);
      assert.ok(person.some((p) => text(p.item.description) === '12345678909'));
      assert.ok(person.some((p) => text(p.item.description) === 'Luke Skywalker'));
    } finally {
      api.privacy.toggle();
    }
    const person = await children((await child(node, 'Person')).node);
    assert.ok(!person.some((p) => text(p.item.description).includes('Skywalker')));
  });

  it('shows the hostile fixture with no bidi control and no icon from the API in any label, description or tooltip', async () => {
    const ref: ProcessRef = { id: HOSTILE_PROCESS_ID, profileId: 'emulator' };
    await api.lookups.get(ref);
    const { item, children: top } = await expand(ref);
    const seen: string[] = [];
    const walk = async (shown: Shown[]): Promise<void> => {
      for (const c of shown) {
        seen.push(...[c.item.label, c.item.description, c.item.tooltip].map(text));
        if (c.item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(await children(c.node));
      }
    };
    seen.push(text(item.description), text(item.tooltip));
    await walk(top);
    const all = seen.join('\n');
    assert.ok(all.includes('[U+202E]kcom'), 'the override is shown as [U+202E]');
    assert.doesNotMatch(all, /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    assert.doesNotMatch(all, /\$\((alert|zap)\)/);
    await api.tree.history.unpin(ref);
  });

  it('marks unknown enum values', async () => {
    const { children: groups, item } = await expand(UNKNOWN_ENUMS);
    assert.strictEqual(iconId(item), 'question');
    const caps = await children(groups.find((g) => text(g.item.label) === 'Capabilities')?.node);
    const liveness = caps.find((c) => text(c.item.label) === 'Liveness');
    assert.match(text(liveness?.item.description), /SPOOF_SUSPECTED · .*undocumented value/);
    const result = await children(groups.find((g) => text(g.item.label) === 'Result')?.node);
    const state = result.find((r) => text(r.item.label) === 'State');
    assert.ok(state);
    assert.strictEqual(iconId(state.item), 'question');
    await api.tree.history.unpin(UNKNOWN_ENUMS);
  });

  it('pinning moves the node under Pinned with the unpin context', async () => {
    await vscode.commands.executeCommand(Commands.pin, api.tree.provider.nodeFor(REF));
    const pinned = await child(undefined, 'Pinned');
    const group = await child(pinned.node, 'Local emulator');
    const node = await child(group.node, REFERENCE_EXAMPLE_ID.slice(0, 8));
    assert.strictEqual(node.item.contextValue, 'process.pinned');
    await vscode.commands.executeCommand(Commands.unpin, REF);
  });

  it('never raises the production confirmation from an expansion', async () => {
    const ref = { id: REFERENCE_EXAMPLE_ID, profileId: 'production' };
    const gated = api.lookups.needsConfirmation('production');
    const { children: shown } = await expand(ref);
    const [message] = shown;
    assert.ok(message);
    if (gated) {
      assert.match(text(message.item.label), /^Not looked up yet: Production is a production profile/);
      assert.strictEqual(message.item.command?.command, Commands.refresh, 'the user looks it up (and confirms) on purpose');
    } else {
      assert.match(text(message.item.label), /No credentials for Production/);
    }
    const group = await child((await child(undefined, 'Pinned')).node, 'Production');
    assert.match(text(group.item.description), /production/);
    assert.strictEqual(iconId(group.item), 'warning');
    await api.tree.history.unpin(ref);
  });

  it('says so when a process belongs to a profile that is no longer configured', async () => {
    const ref = { id: REFERENCE_EXAMPLE_ID, profileId: 'removed-profile' };
    const { children: shown } = await expand(ref);
    assert.match(text(shown[0]?.item.label), /"removed-profile" is no longer configured/);
    const group = await child((await child(undefined, 'Pinned')).node, 'removed-profile');
    assert.match(text(group.item.description), /no longer configured/);
    await api.tree.history.unpin(ref);
  });

  describe('errors render as nodes with the actionable message and its first action', () => {
    const cases: readonly (readonly [string, string, RegExp, string | undefined])[] = [
      ['404', UNKNOWN_PROCESS_ID, /^Not found in Local emulator\.$/, Commands.lookUpInAllProfiles],
      ['429 with Retry-After', FAULT_IDS.rateLimitedRetryAfter, /Rate limited by IDCloud/, Commands.refresh],
      ['429 without Retry-After', FAULT_IDS.rateLimitedNoRetryAfter, /Rate limited by IDCloud/, Commands.refresh],
      ['500', FAULT_IDS.serverError, /internal failure \(HTTP 500\)/, Commands.showLog],
      ['503', FAULT_IDS.serviceUnavailable, /internal failure \(HTTP 503\)/, Commands.showLog],
      ['connection reset', FAULT_IDS.connectionReset, /connection .*(failed|was cut)|refused/i, 'workbench.action.openSettings'],
      ['malformed JSON', FAULT_IDS.malformedJson, /is not JSON, so it cannot be read/, 'idcloud.openRawResponse'],
      ['schema drift', FAULT_IDS.schemaDrift, /in a shape this extension does not expect/, 'idcloud.openRawResponse'],
      ['huge body', FAULT_IDS.hugeBody, /too large to read safely/, 'idcloud.openRawResponse'],
    ];
    for (const [name, id, message, command] of cases) {
      it(`${name} (${id})`, async () => {
        const ref = { id: pid(id), profileId: 'emulator' };
        const { children: shown, item } = await expand(ref);
        assert.strictEqual(shown.length, 1);
        const [error] = shown;
        assert.ok(error);
        assert.match(text(error.item.label), message);
        assert.strictEqual(error.item.command?.command, command);
        assert.strictEqual(iconId(item), 'warning', 'the process node shows the failure');
        assert.strictEqual(text(item.description), 'lookup failed');
        // a second render reuses the failure: no new request, no pop-up
        const again = await children(api.tree.provider.nodeFor(ref));
        assert.strictEqual(text(again[0]?.item.label), text(error.item.label));
        await api.tree.history.unpin(ref);
      });
    }

    it('slow (no answer within the timeout) gives the timeout message with its setting', async () => {
      const config = vscode.workspace.getConfiguration('idcloud');
      await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
      try {
        const ref = { id: pid(FAULT_IDS.slow), profileId: 'emulator' };
        const { children: shown, item } = await expand(ref);
        assert.match(text(shown[0]?.item.label), /No answer from .* within 1 s/);
        assert.strictEqual(shown[0]?.item.command?.command, 'workbench.action.openSettings');
        assert.deepStrictEqual(shown[0].item.command.arguments, ['idcloud.requestTimeoutSeconds']);
        assert.strictEqual(iconId(item), 'warning');
        await api.tree.history.unpin(ref);
      } finally {
        await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('flaky (503 then 200) and forbidden-media processes still show their details', async () => {
      for (const id of [FAULT_IDS.flaky, FAULT_IDS.forbiddenMedia]) {
        const ref = { id: pid(id), profileId: 'emulator' };
        const { children: shown } = await expand(ref);
        assert.deepStrictEqual(shown.map((s) => text(s.item.label)), ['Result', 'Capabilities', 'Person', 'Company', 'Documents'], id);
        await api.tree.history.unpin(ref);
      }
    });
  });

  describe('formatting', () => {
    it('says relative times in the display language', () => {
      const now = Date.UTC(2026, 10, 26, 12, 0, 0);
      assert.strictEqual(relativeTime(new Date(now - 90_000), now, 'en'), '2 minutes ago');
      assert.strictEqual(relativeTime(new Date(now + 90_000), now, 'en'), 'in 2 minutes');
      assert.strictEqual(relativeTime(new Date(now + 3 * 86_400_000), now, 'en'), 'in 3 days');
      assert.strictEqual(relativeTime(new Date(now - 2 * 365 * 86_400_000), now, 'pt-BR'), 'há 2 anos');
      assert.strictEqual(relativeTime(new Date(now), now, 'not a locale!'), 'now');
    });

    it('shortens documented enum values the way the reference does', () => {
      assert.strictEqual(shortEnum('LIVENESS_RESULT_NOT_LIVE'), 'NOT_LIVE');
      assert.strictEqual(shortEnum('BIO_TOKEN_ENGINE_RESULT_POSITIVE'), 'POSITIVE');
      assert.strictEqual(shortEnum('SCORE_ENABLED_TRUE'), 'TRUE');
      assert.strictEqual(shortEnum('ID_AGE_RESULT_INCONCLUSIVE'), 'INCONCLUSIVE');
      assert.strictEqual(shortEnum('LIVE'), 'LIVE');
    });
  });

  describe('history persistence', () => {
    class MemoryMemento implements vscode.Memento {
      readonly data = new Map<string, unknown>();
      keys(): readonly string[] {
        return [...this.data.keys()];
      }
      get<T>(key: string, fallback?: T): T | undefined {
        return this.data.has(key) ? (this.data.get(key) as T) : fallback;
      }
      update(key: string, value: unknown): Thenable<void> {
        this.data.set(key, JSON.parse(JSON.stringify(value)));
        return Promise.resolve();
      }
    }

    it('stores { id, profileId } only, keeps the last 50, and survives a reload', async () => {
      const memento = new MemoryMemento();
      const history = new ProcessHistory(memento);
      const rich = { id: pid(REFERENCE_EXAMPLE_ID.toUpperCase()), profileId: 'emulator', person: { friendlyName: 'Luke Skywalker', duiValue: '12345678909' } };
      await history.pin(rich);
      for (let i = 0; i < RECENT_LIMIT + 5; i++) {
        await history.add({ id: pid(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), profileId: 'sandbox' });
      }
      const stored = JSON.stringify(memento.get(HISTORY_KEY));
      assert.doesNotMatch(stored, /Skywalker|12345678909|person/);
      assert.deepStrictEqual(history.pinned, [REF]);
      assert.strictEqual(history.recent.length, RECENT_LIMIT);
      assert.strictEqual(history.recent[0]?.id, `00000000-0000-4000-8000-${String(RECENT_LIMIT + 4).padStart(12, '0')}`);
      const reloaded = new ProcessHistory(memento);
      assert.deepStrictEqual(reloaded.pinned, history.pinned);
      assert.deepStrictEqual(reloaded.recent, history.recent);
      history.dispose();
      reloaded.dispose();
    });

    it('two windows sharing globalState do not overwrite each other', async () => {
      const memento = new MemoryMemento();
      const one = new ProcessHistory(memento);
      const two = new ProcessHistory(memento);
      const other = { id: UNKNOWN_PROCESS_ID, profileId: 'sandbox' };
      await one.add(REF);
      await two.add(other);
      assert.deepStrictEqual(two.recent, [other, REF]);
      await one.pin(other);
      assert.deepStrictEqual(one.pinned, [other]);
      assert.deepStrictEqual(one.recent, [REF]);
      one.dispose();
      two.dispose();
    });

    it('drops stored entries that are not well-formed', () => {
      const memento = new MemoryMemento();
      memento.data.set(HISTORY_KEY, { pinned: [{ id: 'x', profileId: 'emulator' }, REF, REF, 'junk', null], recent: { not: 'a list' } });
      const history = new ProcessHistory(memento);
      assert.deepStrictEqual(history.pinned, [REF]);
      assert.deepStrictEqual(history.recent, []);
      history.dispose();
    });
  });
});
