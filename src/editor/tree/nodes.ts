/**
 * The tree's node classes. Each knows its parent (so `reveal` works) and renders its own
 * TreeItem; the provider decides children. Text from the API is only ever a label, description
 * or plain-string tooltip (never markdown), made `inert` (no bidi control, no `$(icon)`) here.
 */
import * as vscode from 'vscode';
import type { ErrorAction, Profile, ProcessRef } from '../services';
import { Commands } from '../commandIds';
import { inert } from '../ids/summaryText';

export type Section = 'pinned' | 'recent';

export abstract class Node {
  abstract readonly parent: Node | undefined;
  abstract toTreeItem(): vscode.TreeItem;
  /** Stable across refreshes, so VS Code keeps expansion and selection; leaves need none. */
  get id(): string | undefined {
    return undefined;
  }
}

export class SectionNode extends Node {
  readonly parent = undefined;
  constructor(readonly section: Section) {
    super();
  }

  override get id(): string {
    return this.section;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.section === 'pinned' ? vscode.l10n.t('Pinned') : vscode.l10n.t('Recent'),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.section;
    item.iconPath = new vscode.ThemeIcon(this.section === 'pinned' ? 'pinned' : 'history');
    item.contextValue = `section.${this.section}`;
    return item;
  }
}

export class ProfileGroupNode extends Node {
  constructor(
    readonly parent: SectionNode,
    readonly profileId: string,
    readonly profile: Profile | undefined,
    readonly active: boolean,
  ) {
    super();
  }

  override get id(): string {
    return `${this.parent.section}/${this.profileId}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(inert(this.profile?.label ?? this.profileId), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const marks: string[] = [];
    if (this.profile?.production) marks.push(vscode.l10n.t('production'));
    if (this.active) marks.push(vscode.l10n.t('active'));
    if (this.profile === undefined) marks.push(vscode.l10n.t('profile no longer configured'));
    item.description = marks.join(' · ');
    item.iconPath = this.profile?.production
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(this.profile?.kind === 'emulator' ? 'vm' : 'server-environment');
    item.tooltip = inert(this.profile?.production
      ? vscode.l10n.t('{0}: a production profile. Lookups here read real people’s data.', this.profile.label)
      : (this.profile?.label ?? this.profileId));
    item.contextValue = this.profile?.production ? 'profile.production' : 'profile';
    return item;
  }
}

/** How a process node looks: computed by the provider from the cache, the last error and the clock. */
export interface ProcessLook {
  readonly icon: vscode.ThemeIcon;
  readonly description: string;
  readonly tooltip: string;
  /** Drives the Watch / Stop Watching menu entries: unfinished, state not in the cache, or watched. */
  readonly watch?: 'unfinished' | 'unknown' | 'watched';
}

export class ProcessNode extends Node {
  constructor(
    readonly parent: ProfileGroupNode,
    readonly ref: ProcessRef,
    readonly pinned: boolean,
    private readonly look: () => ProcessLook,
  ) {
    super();
  }

  override get id(): string {
    return `${this.parent.id}/${this.ref.id}`;
  }

  toTreeItem(): vscode.TreeItem {
    const { icon, description, tooltip, watch } = this.look();
    const item = new vscode.TreeItem(this.ref.id.slice(0, 8), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = icon;
    item.description = inert(description);
    item.tooltip = inert(tooltip);
    item.contextValue = `${this.pinned ? 'process.pinned' : 'process.recent'}${watch ? `.${watch}` : ''}`;
    item.command = openCommand(this.ref);
    item.accessibilityInformation = { label: `${this.ref.id} ${description}` };
    return item;
  }
}

/** Result, Capabilities, Person, Company, Documents, one document: a labelled list of children. */
export class GroupNode extends Node {
  constructor(
    readonly parent: Node,
    readonly key: string,
    readonly label: string,
    readonly icon: vscode.ThemeIcon,
    readonly build: (parent: GroupNode) => Node[],
    readonly description = '',
  ) {
    super();
  }

  override get id(): string | undefined {
    const parentId = this.parent.id;
    return parentId === undefined ? undefined : `${parentId}/${this.key}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(inert(this.label), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = this.icon;
    item.description = inert(this.description);
    item.contextValue = 'detail.group';
    return item;
  }
}

/** One value: "Liveness  LIVE · the person was live". */
export class FieldNode extends Node {
  constructor(
    readonly parent: Node,
    readonly label: string,
    readonly value: string,
    readonly meaning = '',
    readonly icon?: vscode.ThemeIcon,
    /** The value in full for the tooltip, when the description shows it shortened. */
    readonly fullValue = value,
  ) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(inert(this.label), vscode.TreeItemCollapsibleState.None);
    item.description = inert(this.meaning === '' ? this.value : `${this.value} · ${this.meaning}`);
    item.tooltip = inert(this.meaning === '' ? `${this.label}: ${this.fullValue}` : `${this.label}: ${this.fullValue}\n${this.meaning}`);
    if (this.icon) item.iconPath = this.icon;
    item.contextValue = 'detail.field';
    return item;
  }
}

/** An error or a state that needs the user, shown in place of a process's details. */
export class MessageNode extends Node {
  constructor(
    readonly parent: Node,
    readonly message: string,
    readonly action: ErrorAction | undefined,
    readonly icon: vscode.ThemeIcon,
  ) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(inert(this.message), vscode.TreeItemCollapsibleState.None);
    item.iconPath = this.icon;
    item.tooltip = inert(this.action ? `${this.message}\n${this.action.title}` : this.message);
    if (this.action) {
      item.description = this.action.title;
      item.command = { title: this.action.title, command: this.action.command, arguments: [...(this.action.arguments ?? [])] };
    }
    item.contextValue = 'message';
    return item;
  }
}

export function openCommand(ref: ProcessRef): vscode.Command {
  return { title: vscode.l10n.t('Open'), command: Commands.showProcess, arguments: [ref] };
}
