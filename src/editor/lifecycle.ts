/**
 * Own every subscription: a class that extends `Disposable` registers what it creates with
 * `_register()` and releases it all in `dispose()`. The pattern of VS Code core and
 * vscode-pull-request-github's `src/common/lifecycle.ts`.
 */
import type * as vscode from 'vscode';

export function disposeAll(items: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const item of items) {
    try {
      item.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed');
}

export abstract class Disposable implements vscode.Disposable {
  private readonly _disposables = new Set<vscode.Disposable>();
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Keeps `item` until this object is disposed; disposes it at once if that already happened. */
  protected _register<T extends vscode.Disposable>(item: T): T {
    if (this._isDisposed) item.dispose();
    else this._disposables.add(item);
    return item;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    const items = [...this._disposables];
    this._disposables.clear();
    disposeAll(items);
  }
}
