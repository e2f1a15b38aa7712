/**
 * Reading a file that is not on this machine's disk (`uri.scheme !== 'file'`: a virtual
 * workspace's file, another extension's file system) for the whole-file scans: through
 * `vscode.workspace.fs`, which hands the file over as one Uint8Array, scanned with the byte
 * scanner (`scanBytesForProcessIds`). A file on disk is streamed instead (findInFile.ts), so its
 * size has no cap; here the whole file sits in the extension host's memory, hence MAX_VIRTUAL_BYTES.
 */
import * as vscode from 'vscode';
import { scanBytesForProcessIds } from '../../core/idStream';
import type { IdTally } from './scan';

/**
 * The largest file read whole through workspace.fs: twice the 50 MB VS Code opens for extensions,
 * so every file the editor can show can be searched, and no log holds the extension host's memory hostage.
 */
export const MAX_VIRTUAL_BYTES = 128 * 1024 * 1024;

/** A file not on disk that is larger than MAX_VIRTUAL_BYTES (by its stat, or by what was read). */
export class FileTooLargeError extends Error {
  readonly code = 'FileTooLarge';
  constructor(readonly size: number, readonly limit: number) {
    super(`file of ${size} bytes is over the ${limit}-byte limit for files read through workspace.fs`);
    this.name = 'FileTooLargeError';
  }
}

export interface VirtualScan {
  readonly ids: readonly IdTally[];
  readonly bytes: number;
}

/**
 * Every distinct ID of `uri` read through workspace.fs, reporting the scan's progress in percent.
 * Rejects with FileTooLargeError over `limit`, with the provider's FileSystemError when it cannot
 * be read (FileNotFound, NoPermissions, FileIsADirectory…), and with CancelledError when cancelled.
 */
export async function scanVirtualFile(
  uri: vscode.Uri,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
  limit = MAX_VIRTUAL_BYTES,
): Promise<VirtualScan> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
  if (stat.size > limit) throw new FileTooLargeError(stat.size, limit);
  const controller = new AbortController();
  const cancellation = token.onCancellationRequested(() => {
    controller.abort();
  });
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // a provider may not know the size before reading (stat.size 0)
    if (bytes.byteLength > limit) throw new FileTooLargeError(bytes.byteLength, limit);
    const result = await scanBytesForProcessIds(bytes, { signal: controller.signal, onProgress: percentProgress(progress) });
    return { ids: result.ids, bytes: result.bytes };
  } finally {
    cancellation.dispose();
  }
}

/** A scan's onProgress(read, total) as whole-percent steps of a notification's progress bar. */
export function percentProgress(progress: vscode.Progress<{ message?: string; increment?: number }>): (read: number, total: number) => void {
  let reported = 0;
  return (read, total) => {
    const percent = total > 0 ? Math.floor((read / total) * 100) : 100;
    if (percent <= reported) return;
    progress.report({ increment: percent - reported, message: `${percent}%` });
    reported = percent;
  };
}
