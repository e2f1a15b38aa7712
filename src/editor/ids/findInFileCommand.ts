/**
 * What activation holds of "Find Process IDs in File…": the command. The scan and the quick pick
 * (findInFile.ts, dist/features.js's `findInFile` export) load on its first run (editor/lazy.ts).
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { registerCommand } from '../commands/register';
import { LazyFeature } from '../lazy';
import type { FindInFileDeps } from './findInFile';

type FindInFileModule = typeof import('./findInFile');

export function registerFindInFile(deps: FindInFileDeps): vscode.Disposable {
  const feature = new LazyFeature('findInFile', (m: FindInFileModule) => m, deps.log);
  const command = registerCommand(deps, Commands.findProcessIdsInFile, (arg?: unknown) => feature.get().findInFile(deps, arg));
  return vscode.Disposable.from(command, feature);
}
