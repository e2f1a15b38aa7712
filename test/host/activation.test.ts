// Issue 9 "Activation": activate() measures its own duration (performance.now around the
// composition root). This tier prints the figure from the real extension host; it asserts only
// that the figure exists, never how large it is (speed figures are reported, not asserted).
// With HARNESS_ACTIVATION_FILE set (the bench's real-host samples) it also writes them there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { EXTENSION_ID } from './api';

describe('activation time', () => {
  it('is measured by activate() itself and printed here', async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    const api = await ext.activate();
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs is ${String(api.activationMs)}`);
    const thread = api.activationThreadTime;
    const split = thread ? `: ${thread.onCpuMs.toFixed(1)} ms on a CPU, ${thread.waitedMs.toFixed(1)} ms waiting for one` : '';
    console.log(`      activation: activate() took ${api.activationMs.toFixed(1)} ms in this extension host (measured by the extension)${split}`);
    const startupMs = await api.startupMs;
    assert.ok(Number.isFinite(startupMs) && startupMs >= 0, `startupMs is ${String(startupMs)}`);
    console.log(`      activation: the start-up task after it (status bar, views, document providers, credential scan) took ${startupMs.toFixed(1)} ms`);
    const file = process.env.HARNESS_ACTIVATION_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify({ activationMs: api.activationMs, thread, startupMs }));
  });
});
