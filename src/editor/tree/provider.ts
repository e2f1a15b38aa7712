/**
 * The Processes tree: Pinned and Recent, each grouped by profile, each process expanding lazily
 * into its details. A process is fetched only when expanded (through lookups.get, cache first);
 * a failure becomes a node with the presented message and its first action, never a pop-up.
 */
import * as vscode from 'vscode';
import { summarizeFetched, summaryStateLabel } from '../../core/fetched';
import { isCancellation, presentError } from '../errorMessages';
import { Disposable } from '../lifecycle';
import type { Lookups, Privacy, ProcessRef, Watches } from '../services';
import { isSettled } from '../watch/service';
import { Commands } from '../commandIds';
import { processDetails } from './details';
import { needsAttention, verdictText } from '../verdictText';
import { ATTENTION_ICON, ERROR_ICON, NOT_FETCHED_ICON, relativeTime, verdictIcon } from './format';
import type { ProcessHistory } from './history';
import { GroupNode, MessageNode, type Node, type ProcessLook, ProcessNode, ProfileGroupNode, SectionNode } from './nodes';

export interface ProviderDeps {
  readonly lookups: Lookups;
  readonly privacy: Privacy;
  readonly history: ProcessHistory;
  readonly log: vscode.LogOutputChannel;
  readonly now?: () => number;
  readonly watches?: Pick<Watches, 'isWatched' | 'onDidChange'>;
}


interface Layout {
  readonly children: ReadonlyMap<Node, Node[]>;
  readonly nodes: ReadonlyMap<string, ProcessNode>;
}

function refKey(ref: ProcessRef): string {
  return `${ref.profileId}/${ref.id}`;
}

export class ProcessTreeProvider extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sections = [new SectionNode('pinned'), new SectionNode('recent')] as const;
  private readonly now: () => number;
  /** The last failure per process, shown until a fetch succeeds or the user refreshes. */
  private readonly errors = new Map<string, unknown>();
  /** What each process node showed when last rendered ('none', 'error', 'ok:<fetchedAt>'). */
  private readonly shown = new Map<string, string>();
  /**
   * The sections' groups and rows, laid out on first need and dropped when the history or the
   * active profile changes. Not at construction: ordering the groups reads the profiles, and
   * reading the custom ones is the window's first settings read, which activate() must not pay.
   */
  private laidOut: Layout | undefined;

  constructor(private readonly deps: ProviderDeps) {
    super();
    this.now = deps.now ?? Date.now;
    const relayout = (): void => {
      this.laidOut = undefined;
      this.changed.fire(undefined);
    };
    this._register(deps.history.onDidChange(relayout));
    this._register(deps.lookups.onDidChangeActiveProfile(relayout));
    this._register(deps.privacy.onDidChange(() => {
      this.changed.fire(undefined);
    }));
    this._register(deps.lookups.onDidFetch((ref) => {
      this.sync(ref);
    }));
    if (deps.watches) this._register(deps.watches.onDidChange(() => { this.changed.fire(undefined); }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const { children } = this.layout();
    if (node === undefined) return this.sections.filter((s) => (children.get(s) ?? []).length > 0);
    if (node instanceof ProcessNode) return this.details(node);
    if (node instanceof GroupNode) return node.build(node);
    return children.get(node) ?? [];
  }

  /** The node showing `ref`, if the history holds it. */
  nodeFor(ref: ProcessRef): ProcessNode | undefined {
    return this.layout().nodes.get(refKey(ref));
  }

  /** Drops the remembered failure of `ref` so the next render fetches again. */
  forget(ref: ProcessRef): void {
    this.errors.delete(refKey(ref));
    this.sync(ref);
  }

  /** Forgets every failure and fetches again every process already fetched (bypassing the cache). */
  async refreshAll(): Promise<void> {
    this.errors.clear();
    const { lookups } = this.deps;
    const refs = [...this.layout().nodes.values()]
      .map((n) => n.ref)
      .filter((ref) => lookups.peek(ref) !== undefined && !lookups.needsConfirmation(ref.profileId));
    this.changed.fire(undefined);
    await vscode.window.withProgress({ location: { viewId: 'idcloud.processes' } }, () =>
      Promise.all(refs.map((ref) => lookups.get(ref, { force: true }).then(
        () => undefined,
        (err: unknown) => {
          this.fail(ref, err);
        },
      ))),
    );
  }

  private layout(): Layout {
    if (this.laidOut) return this.laidOut;
    const { history, lookups } = this.deps;
    const active = lookups.activeProfile().id;
    const order = lookups.profiles().map((p) => p.id);
    const children = new Map<Node, Node[]>();
    const nodes = new Map<string, ProcessNode>();
    for (const section of this.sections) {
      const refs = section.section === 'pinned' ? history.pinned : history.recent;
      const profileIds = [...new Set([...order.filter((id) => refs.some((r) => r.profileId === id)), ...refs.map((r) => r.profileId)])];
      const groups = profileIds.map((profileId) => {
        const group = new ProfileGroupNode(section, profileId, lookups.profile(profileId), profileId === active);
        children.set(group, refs.filter((r) => r.profileId === profileId).map((ref) => {
          const node = new ProcessNode(group, ref, section.section === 'pinned', () => this.look(ref));
          nodes.set(refKey(ref), node);
          return node;
        }));
        return group;
      });
      children.set(section, groups);
    }
    return (this.laidOut = { children, nodes });
  }

  private state(ref: ProcessRef): string {
    const fetched = this.deps.lookups.peek(ref);
    if (fetched) return `ok:${fetched.fetchedAt}`;
    return this.errors.has(refKey(ref)) ? 'error' : 'none';
  }

  /** Re-renders the node of `ref` when what it shows is out of date (and only then: no loops). */
  private sync(ref: ProcessRef): void {
    const key = refKey(ref);
    if (this.deps.lookups.peek(ref)) this.errors.delete(key);
    // Not laid out yet: no row shows it, so none is out of date.
    const node = this.laidOut?.nodes.get(key);
    if (node && this.state(ref) !== this.shown.get(key)) this.changed.fire(node);
  }

  private fail(ref: ProcessRef, err: unknown): void {
    this.errors.set(refKey(ref), err);
    this.deps.log.debug(`tree: ${ref.profileId}/${ref.id}: ${err instanceof Error ? err.name : 'failed'}`);
    this.sync(ref);
  }

  private look(ref: ProcessRef): ProcessLook {
    const look = this.plainLook(ref);
    if (this.deps.watches?.isWatched(ref)) {
      return { ...look, description: [look.description, vscode.l10n.t('watching')].join(' · '), watch: 'watched' };
    }
    if (!this.deps.watches) return look;
    const fetched = this.deps.lookups.peek(ref);
    if (!fetched) return { ...look, watch: 'unknown' };
    return isSettled(fetched) ? look : { ...look, watch: 'unfinished' };
  }

  private plainLook(ref: ProcessRef): ProcessLook {
    const key = refKey(ref);
    const { lookups } = this.deps;
    const profile = lookups.profile(ref.profileId);
    const where = profile?.production ? vscode.l10n.t('{0} (production)', profile.label) : (profile?.label ?? ref.profileId);
    this.shown.set(key, this.state(ref));
    const fetched = lookups.peek(ref);
    if (fetched) {
      const s = summarizeFetched(fetched);
      const when = s.finishedAt ?? s.createdAt;
      const lead = s.contract === 'api' ? vscode.l10n.t('status {0}', s.state || '—') : s.flow ?? vscode.l10n.t('no flow');
      const description = [lead, ...(when ? [relativeTime(when, this.now())] : [])].join(' · ');
      const tooltip = [
        ref.id,
        where,
        `${verdictText(s, vscode.l10n, vscode.env.language)} — ${summaryStateLabel(s) || '—'}${s.result ? ` / ${s.result}` : ''}`,
        vscode.l10n.t('Fetched {0}', relativeTime(new Date(fetched.fetchedAt), this.now())),
      ].join('\n');
      return { icon: needsAttention(s) ? ATTENTION_ICON : verdictIcon(s.verdict), description, tooltip };
    }
    if (this.errors.has(key)) {
      return { icon: ERROR_ICON, description: vscode.l10n.t('lookup failed'), tooltip: `${ref.id}\n${where}\n${this.message(ref, this.errors.get(key))}` };
    }
    return { icon: NOT_FETCHED_ICON, description: vscode.l10n.t('not looked up yet'), tooltip: `${ref.id}\n${where}` };
  }

  private message(ref: ProcessRef, err: unknown): string {
    const profile = this.deps.lookups.profile(ref.profileId) ?? this.deps.lookups.activeProfile();
    return presentError(err, { profile, processId: ref.id }).message;
  }

  private errorNode(node: ProcessNode, err: unknown): MessageNode {
    const lookUp = { title: vscode.l10n.t('Look Up'), command: Commands.refresh, arguments: [node.ref] };
    if (isCancellation(err)) return new MessageNode(node, vscode.l10n.t('Not looked up.'), lookUp, NOT_FETCHED_ICON);
    const profile = this.deps.lookups.profile(node.ref.profileId) ?? this.deps.lookups.activeProfile();
    const presented = presentError(err, { profile, processId: node.ref.id });
    return new MessageNode(node, presented.message, presented.actions[0] ?? { ...lookUp, title: vscode.l10n.t('Retry') }, ERROR_ICON);
  }

  private async details(node: ProcessNode): Promise<Node[]> {
    const { lookups, privacy } = this.deps;
    const key = refKey(node.ref);
    if (this.errors.has(key)) return [this.errorNode(node, this.errors.get(key))];
    const profile = lookups.profile(node.ref.profileId);
    if (profile === undefined) {
      return [new MessageNode(node, vscode.l10n.t('The profile "{0}" is no longer configured.', node.ref.profileId), undefined, ERROR_ICON)];
    }
    if (lookups.peek(node.ref) === undefined && lookups.needsConfirmation(profile.id)) {
      // Expanding (or a restored expansion) must not raise the production confirmation by itself.
      return [new MessageNode(node, vscode.l10n.t('Not looked up yet: {0} is a production profile and asks first.', profile.label),
        { title: vscode.l10n.t('Look Up'), command: Commands.refresh, arguments: [node.ref] }, NOT_FETCHED_ICON)];
    }
    try {
      const fetched = await lookups.get(node.ref);
      this.sync(node.ref);
      return processDetails(fetched, node, { revealed: privacy.revealed, now: this.now() });
    } catch (err) {
      this.fail(node.ref, err);
      return [this.errorNode(node, err)];
    }
  }
}
