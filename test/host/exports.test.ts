// Issue 10, item 1: the credential store must never reach another extension through activate().
import * as assert from 'assert';
import * as vscode from 'vscode';
import { testExports } from '../../src/editor/testExports';
import { EXTENSION_ID } from './api';

describe('exports: nothing for other extensions', () => {
  const api = { credentials: { get: () => 'secret' } };

  it('returns nothing in production and development modes', () => {
    assert.strictEqual(testExports(vscode.ExtensionMode.Production, api), undefined);
    assert.strictEqual(testExports(vscode.ExtensionMode.Development, api), undefined);
  });

  it('hands the test API only to the extension\'s own tests', () => {
    assert.strictEqual(testExports(vscode.ExtensionMode.Test, api), api);
  });

  it('this host runs the extension in test mode, so the gate above is what decides', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    // Under test mode the exports exist (the suites drive the product through them); the check
    // that matters is that the same code path yields nothing in any other mode (above).
    assert.ok(ext.exports, 'activate() returned nothing under ExtensionMode.Test');
  });
});
