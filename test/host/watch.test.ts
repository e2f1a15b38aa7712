// Watching unfinished processes in a real extension host, against the emulator's live process
// (PROCESS_STATE_CREATED for 30 s after its first request, then FINISHED / OK): the Watch entry
// points (tree row, panel button through the typed protocol, the command), the status-bar count,
// exactly one notification when it finishes, and a reload-like restore from the same memento.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LIVE_PROCESS_ID as LIVE_PROCESS_ID_TEXT } from '../../src/emulator/live';
import { Commands } from '../../src/editor/commandIds';
import { PanelController } from '../../src/editor/panel/controller';
import type { ProcessRef } from '../../src/editor/services';
import { WatchNotifier } from '../../src/editor/watch/notify';
import { type FinishedWatch, WATCHES_KEY, WatchService } from '../../src/editor/watch/service';
import { WatchStatusBar } from '../../src/editor/watch/statusBar';
import { isWebviewMessage, type HostMessage, type ViewModel } from '../../src/protocol';
import type { ExtensionApi } from '../../src/extension';
import { extensionApi, watchRejections } from './api';
import { pid } from '../unit/pid.helpers';

const LIVE_PROCESS_ID = pid(LIVE_PROCESS_ID_TEXT);

const LIVE: ProcessRef = { id: LIVE_PROCESS_ID, profileId: 'emulator' };

class MemoryMemento implements vscode.Memento {
  private readonly map = new Map<string, unknown>();
  keys(): readonly string[] { return [...this.map.keys()]; }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- vscode.Memento's own overload
  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined { return this.map.has(key) ? (this.map.get(key) as T) : defaultValue; }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
    return Promise.resolve();
  }
}

/** Resolves with the next value `event` fires that passes `test`. */
function next<T>(event: vscode.Event<T>, test: (value: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const sub = event((value) => {
      if (!test(value)) return;
      sub.dispose();
      resolve(value);
    });
  });
}

describe('watching unfinished processes', () => {
  let api: ExtensionApi;
  let log: vscode.LogOutputChannel;
  const rejections = watchRejections();

  before(async () => {
    api = await extensionApi();
    assert.ok(api.watch, 'activate() does not return the watch feature');
    log = vscode.window.createOutputChannel('watch test', { log: true });
  });

  after(() => {
    rejections.stop();
    log.dispose();
    assert.deepStrictEqual(rejections.seen, []);
  });

  it('offers Watch on the unfinished row and panel, watches through the panel button, and counts it in the status bar', async () => {
    const first = await api.lookups.get(LIVE); // starts the live process's countdown
    assert.strictEqual(first.process.state, 'PROCESS_STATE_CREATED', 'the live process must be unfinished for this test');
    await vscode.commands.executeCommand(Commands.pin, LIVE);
    const row = (): vscode.TreeItem => {
      const node = api.tree.provider.nodeFor(LIVE);
      assert.ok(node, 'the pinned process has a row');
      return api.tree.provider.getTreeItem(node);
    };
    assert.strictEqual(row().contextValue, 'process.pinned.unfinished');

    const views: ViewModel[] = [];
    const panel = new PanelController(LIVE, { extensionUri: vscode.Uri.file('/'), lookups: api.lookups, privacy: api.privacy, log, watches: api.watch.service }, (m: HostMessage) => {
      views.push(m.view);
    });
    try {
      await panel.receive({ type: 'ready' });
      await panel.load({ force: false, interactive: true });
      assert.strictEqual(views.at(-1)?.watch, 'available');
      assert.strictEqual(api.watch.statusBar.state.visible, false);

      const changed = next(api.watch.service.onDidChange);
      await panel.receive({ type: 'watch' });
      await changed;
      assert.ok(api.watch.service.isWatched(LIVE));
      assert.strictEqual(views.at(-1)?.watch, 'watching');
      assert.deepStrictEqual(api.watch.statusBar.state, { text: '$(eye) 1', visible: true });
      assert.strictEqual(row().contextValue, 'process.pinned.watched');
      assert.match(String(row().description), /watching|acompanhando/);

      await panel.receive({ type: 'unwatch' });
      assert.ok(!api.watch.service.isWatched(LIVE));
      assert.strictEqual(views.at(-1)?.watch, 'available');
      assert.strictEqual(api.watch.statusBar.state.visible, false);
      // Extra keys make a message malformed: it is dropped, nothing is watched.
      assert.ok(!isWebviewMessage({ type: 'watch', ref: LIVE }));
      await panel.receive({ type: 'watch', ref: LIVE });
      assert.ok(!api.watch.service.isWatched(LIVE));
    } finally {
      panel.dispose();
      await vscode.commands.executeCommand(Commands.unpin, LIVE);
    }
  });

  it('groups what finishes together into one notification, and names one verdict and profile when alone', async () => {
    const finished = new vscode.EventEmitter<FinishedWatch>();
    const shown: { message: string; actions: string[] }[] = [];
    const notifier = new WatchNotifier({
      watches: { onDidFinish: finished.event }, lookups: api.lookups, showProcess: () => Promise.resolve(), log, groupWindowMs: 50,
      notify: (message, ...actions) => {
        shown.push({ message, actions });
        return Promise.resolve(undefined);
      },
    });
    const ref = (n: number): ProcessRef => ({ id: pid(`00000000-0000-4000-8000-00000000000${n}`), profileId: 'emulator' });
    const ok = { kind: 'settled', verdict: 'ok', verdictLabel: 'OK' } as const;
    try {
      finished.fire({ ref: ref(1), outcome: ok });
      finished.fire({ ref: ref(2), outcome: { kind: 'settled', verdict: 'invalidIdentity', verdictLabel: 'Invalid identity' } });
      finished.fire({ ref: ref(3), outcome: ok });
      finished.fire({ ref: ref(4), outcome: { kind: 'timedOut', minutes: 60 } });
      assert.strictEqual(notifier.pending, 4);
      await next(notifier.onDidNotify);
      assert.strictEqual(shown.length, 1, 'one notification for the whole group');
      assert.match(shown[0]?.message ?? '', /^3 .*: 2 OK, 1 .+\. .*\b1\b.*\b60\b/);
      assert.strictEqual(shown[0]?.actions.length, 1);

      finished.fire({ ref: ref(5), outcome: ok });
      await next(notifier.onDidNotify);
      assert.strictEqual(shown.length, 2);
      assert.ok(shown[1]?.message.includes(ref(5).id) && shown[1].message.includes('Local emulator') && shown[1].message.includes('OK'), shown[1]?.message);
    } finally {
      notifier.dispose();
      finished.dispose();
    }
  });

  it('notifies exactly once when the live process finishes, resumes after a reload, and the count goes 1 → 0', async function () {
    this.timeout(120_000); // the live process stays unfinished for 30 s
    const memento = new MemoryMemento();
    const schedule = { firstDelayMs: 300, maxDelayMs: 2_000 };
    const notified: string[] = [];
    const notify = (message: string): Thenable<undefined> => {
      notified.push(message);
      return Promise.resolve(undefined);
    };

    // The first window: watch, then "reload" before it finishes.
    const before = new WatchService({ memento, lookups: api.lookups, log, ...schedule });
    before.start();
    const beforeBar = new WatchStatusBar(before);
    const beforeNotifier = new WatchNotifier({ watches: before, lookups: api.lookups, showProcess: () => Promise.resolve(), log, notify, groupWindowMs: 200 });
    before.watch([LIVE]);
    assert.deepStrictEqual(beforeBar.state, { text: '$(eye) 1', visible: true });
    await before.flush();
    const stored = memento.get<unknown[]>(WATCHES_KEY) ?? [];
    assert.strictEqual(stored.length, 1);
    assert.deepStrictEqual(Object.keys(stored[0] as object).sort(), ['id', 'profileId', 'since'], 'only the reference and its start are persisted');
    assert.deepStrictEqual({ ...(stored[0] as object), since: 0 }, { id: LIVE.id, profileId: 'emulator', since: 0 });
    beforeNotifier.dispose();
    beforeBar.dispose();
    before.dispose();

    // The second window, on the same memento: the watch resumes once started, with no action of the user.
    const after = new WatchService({ memento, lookups: api.lookups, log, ...schedule });
    assert.ok(!after.isWatched(LIVE), 'nothing resumes before start(), which the start-up task runs after activate()');
    const bar = new WatchStatusBar(after);
    const notifier = new WatchNotifier({ watches: after, lookups: api.lookups, showProcess: () => Promise.resolve(), log, notify, groupWindowMs: 200 });
    const finishes: FinishedWatch[] = [];
    const sub = after.onDidFinish((f) => { finishes.push(f); });
    after.start(); // the status bar and the notifier exist already, as in a window
    try {
      assert.ok(after.isWatched(LIVE), 'the watch resumed');
      assert.deepStrictEqual(bar.state, { text: '$(eye) 1', visible: true });
      const countDropped = next(after.onDidChange, () => after.size === 0);
      const fetchedFinished = next(api.lookups.onDidFetch, (r) => r.id === LIVE.id && api.lookups.peek(LIVE)?.process.state === 'PROCESS_STATE_FINISHED');
      await countDropped;
      await fetchedFinished;
      assert.deepStrictEqual(bar.state.visible, false);
      assert.strictEqual(finishes.length, 1);
      assert.deepStrictEqual(finishes[0], { ref: LIVE, outcome: { kind: 'settled', verdict: 'ok', verdictLabel: 'OK' } });
      await after.flush();
      assert.strictEqual(memento.get(WATCHES_KEY), undefined, 'a finished watch is no longer persisted');

      // The notification comes once the grouping window closes.
      while (notified.length === 0) await next(notifier.onDidNotify);
      assert.strictEqual(notified.length, 1);
      assert.ok(notified[0]?.includes(LIVE.id) && notified[0].includes('OK'), notified[0]);

      // Another lookup of the finished process (a refresh, a panel) ends nothing more.
      await api.lookups.get(LIVE, { force: true });
      after.watch([LIVE]); // already settled in the cache: not watched again
      assert.strictEqual(after.size, 0);
      assert.strictEqual(finishes.length, 1);
      assert.strictEqual(notifier.pending, 0, 'no second notification is on its way');
      assert.strictEqual(notified.length, 1);
    } finally {
      sub.dispose();
      notifier.dispose();
      bar.dispose();
      after.dispose();
    }
  });
});
