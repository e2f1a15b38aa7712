/**
 * Credentials per profile, only in SecretStorage (the OS keychain): never in settings, state or
 * the log. Other windows share the storage; `onDidChange` tells this window when one of them
 * (or this one) set or cleared a profile's credentials, so cached clients and tokens are dropped.
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';

/** `apiKey`: the API contract's APIKEY header (profiles with `contract: 'api'`), kept beside the rest. */
export type Credentials =
  | { readonly kind: 'serviceAccount'; readonly tenantId: string; readonly accountName: string; readonly privateKeyPem: string; readonly apiKey?: string }
  | { readonly kind: 'token'; readonly token: string; readonly apiKey?: string };

const PREFIX = 'idcloud.credentials.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: Record<string, unknown>, name: string): string | undefined {
  const v = value[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** What was stored, checked field by field; anything else reads as "no credentials". */
export function parseCredentials(text: string | undefined): Credentials | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const record = value;
  const kind = record.kind;
  const apiKey = field(record, 'apiKey');
  const withKey = apiKey === undefined ? {} : { apiKey };
  if (kind === 'token') {
    const token = field(record, 'token');
    return token === undefined ? undefined : { kind, token, ...withKey };
  }
  if (kind === 'serviceAccount') {
    const tenantId = field(record, 'tenantId');
    const accountName = field(record, 'accountName');
    const privateKeyPem = field(record, 'privateKeyPem');
    if (tenantId === undefined || accountName === undefined || privateKeyPem === undefined) return undefined;
    return { kind, tenantId, accountName, privateKeyPem, ...withKey };
  }
  return undefined;
}

export class CredentialStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<string>());
  /** Fires with the profile ID whose credentials were set or cleared, in this window or another. */
  readonly onDidChange = this._onDidChange.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this._register(secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) this._onDidChange.fire(e.key.slice(PREFIX.length));
    }));
  }

  async get(profileId: string): Promise<Credentials | undefined> {
    return parseCredentials(await this.secrets.get(PREFIX + profileId));
  }

  async has(profileId: string): Promise<boolean> {
    return (await this.get(profileId)) !== undefined;
  }

  async set(profileId: string, credentials: Credentials): Promise<void> {
    await this.secrets.store(PREFIX + profileId, JSON.stringify(credentials));
  }

  async clear(profileId: string): Promise<void> {
    await this.secrets.delete(PREFIX + profileId);
  }
}
