/**
 * The process panel's public face: `createProcessPanels(deps)` registers the panel serializer
 * (restores panels after a window reload) and returns `showProcess`, the single entry point every
 * surface uses to open or reveal the panel of a process.
 */
import type { PanelDeps } from './deps';
import { ProcessPanels } from './panel';

export type { PanelDeps, ProcessPanels };

/** The panels (a Disposable: push it into context.subscriptions) with their `showProcess`. */
export function createProcessPanels(deps: PanelDeps): ProcessPanels {
  return new ProcessPanels(deps);
}
