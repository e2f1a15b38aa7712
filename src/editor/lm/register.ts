/**
 * What activation holds of the language-model tools (package.json `languageModelTools`; VS Code
 * activates on `onLanguageModelTool:<name>` by itself): two thin objects registered with
 * `vscode.lm.registerTool`. Their code (lookup, masking, scanning) is in dist/features.js, loaded
 * on the first prepareInvocation or invoke of either tool (src/editor/lazy.ts).
 */
import * as vscode from 'vscode';
import { LazyFeature } from '../lazy';
import type { FindProcessIdsInput, GetProcessInput, LmToolDeps, LmTools } from './tools';

type LmModule = typeof import('./tools');

/** The names the manifest contributes (package.json contributes.languageModelTools). */
export const LM_TOOLS = { getProcess: 'idcloud_getProcess', findProcessIds: 'idcloud_findProcessIds' } as const;

export interface RegisteredLmTools {
  /** The registered objects (the host tests call prepareInvocation on them). */
  readonly getProcess: vscode.LanguageModelTool<GetProcessInput>;
  readonly findProcessIds: vscode.LanguageModelTool<FindProcessIdsInput>;
  dispose(): void;
}

/** A registered tool that hands every call to the lazily built one. */
function thin<T>(load: () => vscode.LanguageModelTool<T>): vscode.LanguageModelTool<T> {
  return {
    prepareInvocation: (options, token) => load().prepareInvocation?.(options, token),
    invoke: (options, token) => load().invoke(options, token),
  };
}

export function registerLmTools(deps: LmToolDeps): RegisteredLmTools {
  const feature = new LazyFeature<LmModule, LmTools>('lmTools', (m) => m.createLmTools(deps), deps.log);
  const getProcess = thin<GetProcessInput>(() => feature.get().getProcess);
  const findProcessIds = thin<FindProcessIdsInput>(() => feature.get().findProcessIds);
  const registrations = [
    vscode.lm.registerTool(LM_TOOLS.getProcess, getProcess),
    vscode.lm.registerTool(LM_TOOLS.findProcessIds, findProcessIds),
  ];
  return {
    getProcess,
    findProcessIds,
    dispose: () => { vscode.Disposable.from(...registrations, feature).dispose(); },
  };
}
