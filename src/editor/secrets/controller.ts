/**
 * The credential scan: a DiagnosticCollection "idcloud" kept up to date for the open text
 * documents (on open, on save, and on change after a short pause), its quick fixes, and their
 * commands. Local only: nothing is sent, logged or stored but a fingerprint for "ignore". It runs
 * in Restricted Mode too, for that reason. `idcloud.secretScan.enabled` turns it all off.
 */
import * as vscode from 'vscode';
import { findCredentialLeaks, type CredentialLeak } from '../../core/credentialLeaks';
import { registerCommand } from '../commands/register';
import type { CommandDeps } from '../commands/deps';
import { isSurfaceDocument, registerForAnyFile } from '../ids/selectors';
import { Commands } from '../commandIds';
import { LazyFeature } from '../lazy';
import { Disposable, disposeAll } from '../lifecycle';
import type { CredentialStore } from '../profiles/credentials';
import type { ProfileService } from '../profiles/profileService';
import { DIAGNOSTIC_SOURCE, LeakCodeActionProvider, SCAN_SETTING } from './codeActions';
import { IgnoredLeaks } from './ignored';
import { leakCode, leakMessage } from './messages';
import type { LeakPrompts } from './prompts';
import type { StoreLeakResult } from './store';

type StoreModule = typeof import('./onDemand');

const CHANGE_PAUSE_MS = 400;

export interface SecretScanDeps {
  readonly commands: CommandDeps;
  readonly profiles: ProfileService;
  readonly credentials: CredentialStore;
  readonly workspaceState: vscode.Memento;
  readonly now?: () => number;
}

interface Finding {
  readonly leak: CredentialLeak;
  readonly range: vscode.Range;
}

export class SecretScanController extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  private readonly ignored: IgnoredLeaks;
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private listeners: vscode.Disposable[] = [];
  /** The Store questions: the window's own unless a host test answers them. */
  private prompts: LeakPrompts | undefined;
  private readonly storeFlow: LazyFeature<StoreModule, StoreModule>;
  private readonly now: () => number;

  constructor(private readonly deps: SecretScanDeps) {
    super();
    this.now = deps.now ?? Date.now;
    this.ignored = new IgnoredLeaks(deps.workspaceState);
    this.storeFlow = this._register(new LazyFeature('secrets', (m: StoreModule) => m, deps.commands.log));
    this._register(registerCommand(deps.commands, Commands.storeLeakedCredential, (uri, fingerprint) => this.store(uri, fingerprint)));
    this._register(registerCommand(deps.commands, Commands.ignoreLeakedCredential, (uri, fingerprint) => this.ignore(uri, fingerprint)));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SCAN_SETTING)) this.update();
    }));
    this._register({ dispose: () => { this.stop(); } });
  }

  /** Registers the quick fixes, reads the setting and scans the open documents: the composition root runs it just after activation. */
  start(): void {
    const provider = new LeakCodeActionProvider((uri, d) => this.findingAt(uri, d.range), this.now);
    this._register(registerForAnyFile((selector) => vscode.languages.registerCodeActionsProvider(selector, provider, LeakCodeActionProvider.metadata)));
    if (!this.isDisposed) this.update();
  }

  /** For the host tests (reached through the test API only): answer the Store questions. */
  usePrompts(prompts: LeakPrompts): vscode.Disposable {
    this.prompts = prompts;
    return new vscode.Disposable(() => { this.prompts = undefined; });
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration().get<unknown>(SCAN_SETTING) !== false;
  }

  private update(): void {
    this.stop();
    if (!this.enabled()) return;
    this.listeners = [
      vscode.workspace.onDidOpenTextDocument((d) => { this.scan(d); }),
      vscode.workspace.onDidSaveTextDocument((d) => { this.scan(d); }),
      vscode.workspace.onDidChangeTextDocument((e) => { this.scanSoon(e.document); }),
      vscode.workspace.onDidCloseTextDocument((d) => { this.forget(d.uri); }),
    ];
    for (const d of vscode.workspace.textDocuments) this.scan(d);
  }

  private stop(): void {
    disposeAll(this.listeners);
    this.listeners = [];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.findings.clear();
    this.collection.clear();
  }

  private scanSoon(document: vscode.TextDocument): void {
    if (!isSurfaceDocument(document)) return; // files and scratch buffers, as the ID surfaces (not git: views, output…)
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.scan(document);
    }, CHANGE_PAUSE_MS));
  }

  private scan(document: vscode.TextDocument): void {
    if (!isSurfaceDocument(document)) return; // files and scratch buffers, as the ID surfaces (not git: views, output…)
    const uri = document.uri;
    const now = this.now();
    const found = findCredentialLeaks(document.getText())
      .filter((leak) => !this.ignored.has(uri, leak.fingerprint))
      .map((leak) => ({ leak, range: new vscode.Range(document.positionAt(leak.start), document.positionAt(leak.end)) }));
    if (found.length === 0 && !this.findings.has(uri.toString())) return;
    this.findings.set(uri.toString(), found);
    this.collection.set(uri, found.map(({ leak, range }) => {
      const diagnostic = new vscode.Diagnostic(range, leakMessage(leak, now), vscode.DiagnosticSeverity.Warning);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = leakCode(leak, now);
      return diagnostic;
    }));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.collection.delete(uri);
  }

  private findingAt(uri: vscode.Uri, range: vscode.Range): CredentialLeak | undefined {
    return this.findings.get(uri.toString())?.find((f) => f.range.isEqual(range))?.leak;
  }

  private async store(uri: unknown, fingerprint: unknown): Promise<StoreLeakResult | undefined> {
    if (!(uri instanceof vscode.Uri) || typeof fingerprint !== 'string') return undefined;
    const { profiles, credentials } = this.deps;
    const flow = this.storeFlow.get();
    return flow.storeLeak({ profiles, credentials, prompts: () => this.prompts ?? flow.windowPrompts }, uri, fingerprint);
  }

  private async ignore(uri: unknown, fingerprint: unknown): Promise<boolean> {
    if (!(uri instanceof vscode.Uri) || typeof fingerprint !== 'string') return false;
    await this.ignored.add(uri, fingerprint);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) this.scan(document);
    return true;
  }
}
