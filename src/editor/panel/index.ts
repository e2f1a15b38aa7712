/**
 * The process panel's public face: `createProcessPanels(deps)` registers the panel serializer
 * (restores panels after a window reload) and returns `showProcess`, the single entry point every
 * surface uses to open or reveal the panel of a process. The panels themselves (view model,
 * messages, HTML: dist/features.js (its `panel` export), panel.ts) are built when the first one opens or is
 * restored (editor/lazy.ts).
 */
import * as vscode from 'vscode';
import { LazyFeature } from '../lazy';
import type { ProcessRef, ShowProcess } from '../services';
import { PANEL_VIEW_TYPE, type PanelDeps } from './deps';
import type { ProcessPanels } from './panel';

export type { PanelDeps, ProcessPanels };

export interface PanelsHandle {
  readonly showProcess: ShowProcess;
  /** The process of the active panel, if a process panel is the active editor (never loads the panels). */
  activeRef(): ProcessRef | undefined;
  /** The panels, built on first use (tests await it). */
  readonly feature: LazyFeature<PanelModule, ProcessPanels>;
  dispose(): void;
}

type PanelModule = typeof import('./panel');

/** The panels (a Disposable: push it into context.subscriptions) with their `showProcess`. */
export function createProcessPanels(deps: PanelDeps): PanelsHandle {
  const feature = new LazyFeature('panel', (m: PanelModule) => new m.ProcessPanels(deps), deps.log);
  const serializer = vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      let panels: ProcessPanels;
      try {
        panels = feature.get();
      } catch (e) {
        panel.dispose(); // an empty panel would stay behind; the load error is in the log
        throw e;
      }
      await panels.restore(panel, state);
    },
  });
  return {
    feature,
    showProcess: async (ref, options) => { await feature.get().show(ref, options); },
    activeRef: () => feature.loaded?.activeRef(),
    dispose: () => { vscode.Disposable.from(serializer, feature).dispose(); },
  };
}
