/**
 * The process panel's public face: `createProcessPanels(deps)` registers the panel serializer
 * (restores panels after a window reload) and returns `showProcess`, the single entry point every
 * surface uses to open or reveal the panel of a process. The panels themselves (view model,
 * messages, HTML: dist/features/panel.js, panel.ts) are built when the first one opens or is
 * restored (editor/lazy.ts).
 */
import * as vscode from 'vscode';
import { LazyFeature } from '../lazy';
import type { Lookups, Privacy, ShowProcess, Watches } from '../services';
import type { ProcessPanels } from './panel';

export type { ProcessPanels };

export const PANEL_VIEW_TYPE = 'idcloud.process';

export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly log: vscode.LogOutputChannel;
  /** When given, an unfinished process gets a Watch button (idcloud.watch / idcloud.unwatch). */
  readonly watches?: Pick<Watches, 'isWatched' | 'onDidChange'>;
  /** Test seams: default to opening the URL string in the system browser, vscode.window.showSaveDialog and Date.now. */
  readonly openExternal?: (url: string) => Thenable<boolean>;
  readonly showSaveDialog?: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  readonly now?: () => number;
}

export interface PanelsHandle {
  readonly showProcess: ShowProcess;
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
    showProcess: async (ref) => { await feature.get().show(ref); },
    dispose: () => { vscode.Disposable.from(serializer, feature).dispose(); },
  };
}
