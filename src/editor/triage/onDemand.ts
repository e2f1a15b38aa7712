/**
 * What activation holds of Resolve All: the command. The triage service (scheduler, view,
 * export: dist/features.js (its `triage` export)) is built on the command's first run (editor/lazy.ts).
 */
import * as vscode from 'vscode';
import type { CommandDeps } from '../commands/deps';
import { Commands } from '../commandIds';
import { registerCommand } from '../commands/register';
import { LazyFeature } from '../lazy';
import type { TriageDeps, TriageService } from './index';

type TriageModule = typeof import('./index');

export function registerTriage(commands: CommandDeps, deps: TriageDeps): { readonly feature: LazyFeature<TriageModule, TriageService>; dispose(): void } {
  const feature = new LazyFeature('triage', (m: TriageModule) => new m.TriageService(deps), deps.log);
  const command = registerCommand(commands, Commands.resolveAll, (arg?: unknown) => feature.get().command(arg));
  return { feature, dispose: () => { vscode.Disposable.from(command, feature).dispose(); } };
}
