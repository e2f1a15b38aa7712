/**
 * What activate() returns. Any extension can call `getExtension(…).activate()` and read it, so
 * outside the extension's own tests (ExtensionMode.Test) it is nothing at all: the test API holds
 * the credential store, and exporting it would undo SecretStorage's per-extension isolation.
 */
import * as vscode from 'vscode';

export function testExports<T>(mode: vscode.ExtensionMode, api: T): T | undefined {
  return mode === vscode.ExtensionMode.Test ? api : undefined;
}
