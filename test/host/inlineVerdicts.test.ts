// Inline verdicts in the real extension host, against the default Local emulator profile: drawn
// from the cache only (drawing never fetches), redrawn when a lookup fetches, and in a file far
// beyond the code-lens cap, only around the visible lines.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { InlineVerdicts } from '../../src/editor/ids/inlineVerdicts';
import type { ProcessRef } from '../../src/editor/services';
import { extensionApi } from './api';
import { pid } from '../unit/pid.helpers';

const NOT_LIVE = pid('aec0c9f8-2dae-48b5-95d2-eebd14c00e47'); // finished, invalid identity
const CREATED = pid('38d483d8-2fc3-41cc-b879-2f2f4b187e20'); // created, waiting for the user
const UNKNOWN = pid('0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11');

/** Resolves at the first drawing of `editor`'s verdicts after `act` ran (that satisfies `done`). */
function nextRender(verdicts: InlineVerdicts, editor: vscode.TextEditor, act: () => unknown, done: () => boolean = () => true): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = verdicts.onDidRender((e) => {
      if (e === editor && done()) {
        sub.dispose();
        resolve();
      }
    });
    Promise.resolve(act()).catch(reject);
  });
}

describe('inline verdicts', function () {
  this.timeout(60_000);
  const fetches: ProcessRef[] = [];
  let verdicts: InlineVerdicts | undefined;
  let sub: vscode.Disposable | undefined;

  before(async () => {
    const api = await extensionApi();
    await api.profiles.setActive('emulator');
    sub = api.lookups.onDidFetch((ref) => fetches.push(ref));
  });

  afterEach(() => {
    verdicts?.dispose();
    verdicts = undefined;
  });

  after(async () => {
    sub?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('draws only cached answers, fetches nothing, and redraws when a lookup fetches', async () => {
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument({ language: 'log', content: [`a ${NOT_LIVE} x`, `b ${CREATED}`, `c ${UNKNOWN}`].join('\n') });
    const editor = await vscode.window.showTextDocument(doc);
    const drawnBy = new InlineVerdicts(api.lookups);
    verdicts = drawnBy;
    await nextRender(drawnBy, editor, () => undefined);
    const before = fetches.length;
    const cached = [NOT_LIVE, CREATED, UNKNOWN].filter((id) => api.lookups.peek({ id, profileId: 'emulator' }));
    assert.strictEqual(drawnBy.verdictsOf(editor).length, cached.length);

    // force: an earlier suite may have looked these up already; this is about the redraw a fetch causes
    await nextRender(drawnBy, editor, () => api.lookups.get({ id: NOT_LIVE, profileId: 'emulator' }, { force: true }));
    await nextRender(drawnBy, editor, () => api.lookups.get({ id: CREATED, profileId: 'emulator' }, { force: true }));
    const drawn = drawnBy.verdictsOf(editor);
    assert.deepStrictEqual(drawn.map((v) => [v.line, v.character, v.text, v.tone]), [
      [0, 2 + NOT_LIVE.length, '✗ Invalid identity', 'bad'],
      [1, 2 + CREATED.length, '… Pending', 'unsettled'],
    ]);
    assert.strictEqual(fetches.length, before + 2, 'drawing fetched');
  });

  it('works in a file far beyond the code-lens cap, around the visible lines only', async () => {
    const api = await extensionApi();
    await api.lookups.get({ id: NOT_LIVE, profileId: 'emulator' });
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${String(i)} ${NOT_LIVE}`);
    const doc = await vscode.workspace.openTextDocument({ language: 'log', content: lines.join('\n') });
    const editor = await vscode.window.showTextDocument(doc);
    const drawnBy = new InlineVerdicts(api.lookups);
    verdicts = drawnBy;
    const target = new vscode.Range(25_000, 0, 25_000, 0);
    const atTarget = (): boolean => drawnBy.verdictsOf(editor).some((v) => v.line === 25_000);
    await nextRender(drawnBy, editor, () => { editor.revealRange(target, vscode.TextEditorRevealType.InCenter); }, atTarget);
    const drawn = drawnBy.verdictsOf(editor);
    assert.ok(drawn.some((v) => v.line === 25_000 && v.text === '✗ Invalid identity'), `nothing drawn at line 25000 (${String(drawn.length)} drawn)`);
    assert.ok(drawn.length < 500, `${String(drawn.length)} drawn: more than the visible lines`);
    assert.ok(drawn.every((v) => Math.abs(v.line - 25_000) < 200));
  });
});
