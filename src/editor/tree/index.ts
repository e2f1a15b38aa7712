/** The Processes view: history, provider and TreeView, with what the commands need. */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { Lookups, Privacy, ProcessRef, ProcessView, Profile, Watches } from '../services';
import { ProcessHistory } from './history';
import { type Node, ProcessNode } from './nodes';
import { ProcessTreeProvider } from './provider';

export const VIEW_ID = 'idcloud.processes';

export interface TreeDeps {
  /** Where Pinned and Recent persist (the extension's globalState). */
  readonly memento: vscode.Memento;
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly log: vscode.LogOutputChannel;
  /** When given, rows show what is watched and offer Watch on unfinished processes. */
  readonly watches?: Pick<Watches, 'isWatched' | 'onDidChange'>;
}

/** The ProcessView the commands drive, with what the composition root and the tests also reach. */
export interface ProcessTree extends ProcessView {
  dispose(): void;
  /** Creates the view (once): in the start-up task that follows activate(). Until then VS Code shows the view's welcome text. */
  start(): void;
  readonly history: ProcessHistory;
  /** The view's data provider (tests walk it with getChildren/getTreeItem). */
  readonly provider: ProcessTreeProvider;
}

function viewDescription(profile: Profile): string {
  return profile.production ? vscode.l10n.t('{0} (production)', profile.label) : profile.label;
}

class Tree extends Disposable implements ProcessTree {
  readonly history: ProcessHistory;
  readonly provider: ProcessTreeProvider;
  private created: vscode.TreeView<Node> | undefined;

  constructor(private readonly deps: TreeDeps) {
    super();
    this.history = this._register(new ProcessHistory(deps.memento));
    this.provider = this._register(new ProcessTreeProvider({ ...deps, history: this.history }));
  }

  start(): void {
    this.view();
  }

  private view(): vscode.TreeView<Node> {
    if (this.created) return this.created;
    const view = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    view.description = viewDescription(this.deps.lookups.activeProfile());
    this._register(this.deps.lookups.onDidChangeActiveProfile((p) => {
      view.description = viewDescription(p);
    }));
    return (this.created = view);
  }

  async reveal(ref: ProcessRef): Promise<void> {
    const node = this.provider.nodeFor(ref);
    if (!node) return;
    try {
      await this.view().reveal(node, { select: true, focus: false, expand: false });
    } catch (err) {
      this.deps.log.warn(`tree: could not reveal ${ref.id}: ${err instanceof Error ? err.message : 'unknown'}`);
    }
  }

  selected(): ProcessRef | undefined {
    const view = this.created;
    if (!view?.visible) return undefined;
    for (let node: Node | undefined = view.selection[0]; node; node = node.parent) {
      if (node instanceof ProcessNode) return node.ref;
    }
    return undefined;
  }

  forget(ref: ProcessRef): void {
    this.provider.forget(ref);
  }

  refreshAll(): Promise<void> {
    return this.provider.refreshAll();
  }
}

export function createProcessTree(deps: TreeDeps): ProcessTree {
  return new Tree(deps);
}
