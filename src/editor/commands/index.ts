/**
 * Registers every command of the commands folder; the composition root owns the result. Look Up
 * in All Profiles is registered with the profile commands (its flow is in their lazy bundle).
 */
import * as vscode from 'vscode';
import { registerCopy } from './copy';
import type { CommandDeps } from './deps';
import { registerHistory } from './history';
import { registerLookUp } from './lookUp';
import { registerLookUpSelection } from './lookUpSelection';
import { registerPin } from './pin';
import { registerRawJson } from './rawJson';
import { registerRefresh } from './refresh';
import { registerToggleCodeLens } from './toggleCodeLens';

export type { CommandDeps } from './deps';

export function registerCommands(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    ...registerLookUp(deps),
    registerCopy(deps),
    registerRawJson(deps),
    ...registerPin(deps),
    registerRefresh(deps),
    registerHistory(deps),
    registerLookUpSelection(deps),
    registerToggleCodeLens(deps),
  );
}
