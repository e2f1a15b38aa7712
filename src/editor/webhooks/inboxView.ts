/**
 * The Webhook Inbox view's provider at activation: empty (the view's welcome text shows) until
 * the inbox is built on the first Start Webhook Inbox, then the inbox's own items and changes.
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { WebhookInbox } from './inbox';
import type { Delivery } from './inboxServer';

export class InboxView extends Disposable implements vscode.TreeDataProvider<Delivery> {
  private readonly changed = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private inbox: WebhookInbox | undefined;

  /** Shows `inbox` from now on; returns it. */
  attach(inbox: WebhookInbox): WebhookInbox {
    this.inbox = inbox;
    this._register(inbox.onDidChangeTreeData(() => { this.changed.fire(undefined); }));
    this.changed.fire(undefined);
    return inbox;
  }

  getTreeItem(d: Delivery): vscode.TreeItem {
    // Deliveries come only from an attached inbox.
    return this.inbox?.getTreeItem(d) ?? new vscode.TreeItem(d.payload.processId);
  }

  getChildren(d?: Delivery): Delivery[] {
    return this.inbox?.getChildren(d) ?? [];
  }
}
