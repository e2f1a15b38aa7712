/**
 * Whether personal data is shown unmasked in this window. Masked by default and on every new
 * window (screen sharing is the common case); never persisted.
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { Privacy } from '../services';

/** Context key for menus (eye / eye-closed icons). */
const CONTEXT_KEY = 'idcloud.personalDataRevealed';

export class PrivacyState extends Disposable implements Privacy {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<boolean>());
  readonly onDidChange = this._onDidChange.event;
  private _revealed = false;

  get revealed(): boolean {
    return this._revealed;
  }

  toggle(): void {
    this._revealed = !this._revealed;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, this._revealed);
    this._onDidChange.fire(this._revealed);
  }
}
