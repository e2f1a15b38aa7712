/**
 * Watching unfinished processes: the service (polling, persistence), its notifications, the
 * status-bar count and the commands, built together; the composition root owns the result.
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { Lookups, ShowProcess } from '../services';
import { WatchNotifier } from './notify';
import { WatchService } from './service';
import { WatchStatusBar } from './statusBar';

export { WatchService } from './service';
export { registerWatchCommands } from './commands';

export interface WatchDeps {
  /** context.workspaceState: watches belong to the workspace they were started in. */
  readonly memento: vscode.Memento;
  readonly lookups: Lookups;
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
}

export class WatchFeature extends Disposable {
  readonly service: WatchService;
  readonly statusBar: WatchStatusBar;

  constructor(deps: WatchDeps) {
    super();
    this.service = this._register(new WatchService(deps));
    this._register(new WatchNotifier({ ...deps, watches: this.service }));
    this.statusBar = this._register(new WatchStatusBar(this.service));
  }

  /** Resumes the stored watches: the composition root runs it just after activation. */
  start(): void {
    this.service.start();
  }
}
