/**
 * Cancellable progress for network work: a notification appears only when the work takes longer
 * than a moment (a cached or local answer never flashes one), and Cancel aborts the request.
 * The notification is tied to the work's promise, so it can never outlive it.
 */
import * as vscode from 'vscode';

const SHOW_AFTER_MS = 400;

export async function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const task = work(abort.signal);
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (_progress, token) => {
        const sub = token.onCancellationRequested(() => {
          abort.abort();
        });
        try {
          await task;
        } catch {
          // reported by the caller, which awaits the same promise
        } finally {
          sub.dispose();
        }
      },
    );
  }, SHOW_AFTER_MS);
  try {
    return await task;
  } finally {
    clearTimeout(timer);
  }
}
