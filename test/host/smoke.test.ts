// First host tests: the extension loads in a real extension host, activates without error, and
// every command it contributes is registered (and matches the constants the code uses).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/editor/commandIds';
import { EXTENSION_ID } from './api';


function contributedCommands(packageJson: unknown): string[] {
  const contributes: unknown = packageJson && typeof packageJson === 'object' && 'contributes' in packageJson
    ? packageJson.contributes : undefined;
  const commands: unknown = contributes && typeof contributes === 'object' && 'commands' in contributes
    ? contributes.commands : undefined;
  assert.ok(Array.isArray(commands), 'package.json contributes no commands');
  return commands.map((c: unknown) => {
    assert.ok(c && typeof c === 'object' && 'command' in c && typeof c.command === 'string', 'a command without an id');
    return c.command;
  });
}

describe('smoke: the extension in a real extension host', () => {
  it('is installed under its publisher.name id', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  it('activates without error', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('registers every command it contributes, and contributes every command it defines', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const contributed = contributedCommands(ext.packageJSON).sort();
    assert.deepStrictEqual(contributed, Object.values(Commands).sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
