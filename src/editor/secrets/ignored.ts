/**
 * "Ignore in this file": per workspace, the fingerprints (truncated SHA-256, never the secret) of
 * the findings the user chose to keep, by file URI. Bounded, oldest files dropped first.
 */
import type * as vscode from 'vscode';

const KEY = 'idcloud.secretScan.ignored';
const MAX_FILES = 500;
const MAX_PER_FILE = 100;

type Stored = Record<string, string[]>;

function isStored(value: unknown): value is Stored {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.values(value).every((v) => Array.isArray(v) && v.every((f) => typeof f === 'string'));
}

export class IgnoredLeaks {
  constructor(private readonly memento: vscode.Memento) {}

  private read(): Stored {
    const value = this.memento.get<unknown>(KEY);
    return isStored(value) ? value : {};
  }

  has(uri: vscode.Uri, fingerprint: string): boolean {
    return this.read()[uri.toString()]?.includes(fingerprint) === true;
  }

  async add(uri: vscode.Uri, fingerprint: string): Promise<void> {
    const stored = this.read();
    const key = uri.toString();
    const list = (stored[key] ?? []).filter((f) => f !== fingerprint);
    const { [key]: _old, ...others } = stored;
    const kept = Object.entries(others).slice(-(MAX_FILES - 1));
    await this.memento.update(KEY, Object.fromEntries([...kept, [key, [...list, fingerprint].slice(-MAX_PER_FILE)]]));
  }
}
