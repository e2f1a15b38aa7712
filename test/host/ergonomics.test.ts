// Everyday ergonomics in a real extension host, on the Local emulator: every way of opening a
// process lands in Recent (and background summaries do not), the copy commands use the process on
// screen, Look Up Process from a selection, Toggle Code Lenses, and a keybinding no default uses.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/editor/commandIds';
import { terminalSelection as terminalSelectionOf } from '../../src/editor/commands/lookUpSelection';
import type { ProcessRef } from '../../src/editor/services';
import { REFERENCE_EXAMPLE_ID as REFERENCE_EXAMPLE_ID_TEXT, UNKNOWN_PROCESS_ID as UNKNOWN_PROCESS_ID_TEXT } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extension';
import { EXTENSION_ID, extensionApi, watchRejections } from './api';
import { pid } from '../unit/pid.helpers';

const REFERENCE_EXAMPLE_ID = pid(REFERENCE_EXAMPLE_ID_TEXT);
const UNKNOWN_PROCESS_ID = pid(UNKNOWN_PROCESS_ID_TEXT);

const CNH_OK = pid('c805fbe8-8c64-4080-a67b-8ce2add47a51'); // the emulator's "Finished OK with a CNH"
const NOT_LIVE = pid('aec0c9f8-2dae-48b5-95d2-eebd14c00e47'); // the emulator's "Invalid identity: not live"
const ref = (id: string): ProcessRef => ({ id: pid(id), profileId: 'emulator' });

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('everyday ergonomics', () => {
  let api: ExtensionApi;
  const rejections = watchRejections();

  before(async () => {
    api = await extensionApi();
    assert.strictEqual(api.lookups.activeProfile().id, 'emulator');
  });

  after(async () => {
    await closeEditors();
    rejections.stop();
    assert.deepStrictEqual(rejections.seen, [], 'no unhandled rejection');
  });

  describe('Recent', () => {
    beforeEach(async () => {
      await closeEditors();
      await api.tree.history.clearRecent();
    });

    it('records a process opened the way a link, a lens, a hover or a terminal link opens it (Show Process with a bare ID)', async () => {
      await vscode.commands.executeCommand(Commands.showProcess, CNH_OK);
      assert.deepStrictEqual(api.tree.history.recent, [ref(CNH_OK)]);
      assert.ok(api.tree.provider.nodeFor(ref(CNH_OK)), 'the tree shows it, so the view no longer says nothing was looked up');
    });

    it('moves a process to the top when its open panel is shown again', async () => {
      await vscode.commands.executeCommand(Commands.showProcess, CNH_OK);
      await vscode.commands.executeCommand(Commands.showProcess, NOT_LIVE);
      await vscode.commands.executeCommand(Commands.showProcess, CNH_OK);
      assert.deepStrictEqual(api.tree.history.recent, [ref(CNH_OK), ref(NOT_LIVE)]);
    });

    it('does not record a background summary (hover, lens), nor a process that was not found', async () => {
      await api.lookups.get(ref(NOT_LIVE), { background: true });
      await vscode.commands.executeCommand(Commands.showProcess, UNKNOWN_PROCESS_ID);
      assert.deepStrictEqual(api.tree.history.recent, []);
    });
  });

  describe('Copy from the palette', () => {
    before(closeEditors);

    it('copies the ID of the active panel without asking', async () => {
      await vscode.commands.executeCommand(Commands.showProcess, NOT_LIVE);
      await vscode.env.clipboard.writeText('');
      assert.strictEqual(await vscode.commands.executeCommand(Commands.copyProcessId), NOT_LIVE);
      assert.strictEqual(await vscode.env.clipboard.readText(), NOT_LIVE);
      const json = await vscode.commands.executeCommand<string>(Commands.copyAsJson);
      assert.match(json, new RegExp(`"id": "${NOT_LIVE}"`));
    });

    it('with no panel active, copies the selected row of the Processes view', async () => {
      await closeEditors();
      await vscode.commands.executeCommand(Commands.lookUpProcess, ref(CNH_OK));
      await closeEditors();
      await vscode.commands.executeCommand('idcloud.processes.focus');
      await api.tree.reveal(ref(CNH_OK));
      assert.deepStrictEqual(api.tree.selected(), ref(CNH_OK));
      const curl = await vscode.commands.executeCommand<string>(Commands.copyAsCurl);
      assert.match(curl, new RegExp(`/client/v1/process/${CNH_OK}'`));
    });
  });

  describe('Look Up Process on a selection', () => {
    beforeEach(closeEditors);

    it('looks up the selected ID in the editor and opens its panel', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'log', content: `INFO created process ${REFERENCE_EXAMPLE_ID} for user\n` });
      const editor = await vscode.window.showTextDocument(doc);
      const start = doc.getText().indexOf(REFERENCE_EXAMPLE_ID);
      editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + REFERENCE_EXAMPLE_ID.length));
      assert.deepStrictEqual(await vscode.commands.executeCommand(Commands.lookUpSelection, doc.uri), ref(REFERENCE_EXAMPLE_ID));
      assert.ok(panelTabs().some((t) => t.label.startsWith(REFERENCE_EXAMPLE_ID.slice(0, 8))), 'the panel opened');
    });

    it('says a selection without an ID holds none, in the input box, and looks nothing up when it is dismissed', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'log', content: 'INFO nothing to see here\n' });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 5, 0, 12);
      const result = vscode.commands.executeCommand(Commands.lookUpSelection, doc.uri);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.strictEqual(await result, undefined);
      assert.deepStrictEqual(panelTabs(), []);
    });

    it('looks up the ID selected in a terminal and puts the clipboard back as it was', async () => {
      const opened = new vscode.EventEmitter<void>();
      const write = new vscode.EventEmitter<string>();
      const terminal = vscode.window.createTerminal({
        name: 'ids',
        pty: { onDidWrite: write.event, open: () => { opened.fire(); }, close: () => undefined },
      });
      try {
        const ready = new Promise<void>((resolve) => { opened.event(() => { resolve(); }); });
        terminal.show(false);
        await ready;
        write.fire(`INFO created process ${CNH_OK} for user\r\n`);
        await vscode.env.clipboard.writeText('the user\'s own clipboard');
        let selected = '';
        for (let i = 0; i < 50 && !selected.includes(CNH_OK); i++) { // until the terminal has drawn the line
          await new Promise((r) => setTimeout(r, 100));
          await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
          selected = await terminalSelectionOf();
        }
        assert.ok(selected.includes(CNH_OK), `the terminal's selection was read: ${JSON.stringify(selected)}`);
        assert.strictEqual(await vscode.env.clipboard.readText(), 'the user\'s own clipboard', 'reading the selection put the clipboard back');
        assert.deepStrictEqual(await vscode.commands.executeCommand(Commands.lookUpTerminalSelection), ref(CNH_OK));
        assert.ok(panelTabs().some((t) => t.label.startsWith(CNH_OK.slice(0, 8))), 'the panel opened');
        assert.strictEqual(await vscode.env.clipboard.readText(), 'the user\'s own clipboard', 'the command put the clipboard back');
      } finally {
        terminal.dispose();
        opened.dispose();
        write.dispose();
      }
    });
  });

  describe('Toggle Code Lenses', () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('idcloud');
    after(async () => {
      await config().update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    });

    it('flips idcloud.codeLens.enabled in the user settings (the workspace sets nothing) and back', async () => {
      assert.strictEqual(config().inspect('codeLens.enabled')?.workspaceValue, undefined);
      assert.strictEqual(await vscode.commands.executeCommand(Commands.toggleCodeLens), false);
      assert.strictEqual(config().inspect('codeLens.enabled')?.globalValue, false);
      assert.strictEqual(await vscode.commands.executeCommand(Commands.toggleCodeLens), true);
      assert.strictEqual(config().inspect('codeLens.enabled')?.globalValue, true);
    });
  });

  it('binds Look Up Process to a key that no default binding of this platform uses', async () => {
    const ours = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings: { key: string; command: string }[] } };
    const binding = ours.contributes.keybindings.find((k) => k.command === Commands.lookUpProcess);
    assert.ok(binding, 'no keybinding for Look Up Process');
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, /"key": "ctrl\+shift\+p"/, 'the default keybindings document is open');
    const key = binding.key.replace(/\+/g, '\\+');
    const users = [...text.matchAll(new RegExp(`"key": "${key}",\\s*"command": "([^"]+)"`, 'g'))].map((m) => m[1]);
    assert.deepStrictEqual(users, [Commands.lookUpProcess]);
  });
});
