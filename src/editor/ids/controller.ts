/**
 * The one owner of the process-ID surfaces: registers the hover, code lens, document link and
 * terminal link providers and the inline verdicts that the settings turn on, re-registers them when those settings
 * or the schemes of the workspace's folders change, and registers "Find Process IDs in File…".
 * Construction does no I/O and awaits nothing; the providers are registered by start(), which the
 * composition root runs just after activation.
 */
import * as vscode from 'vscode';
import { Disposable, disposeAll } from '../lifecycle';
import type { Background, Lookups, ShowProcess } from '../services';
import { ProcessIdCodeLensProvider } from './codeLens';
import { ProcessIdLinkProvider } from './documentLink';
import { registerFindInFile } from './findInFileCommand';
import { ProcessIdHoverProvider } from './hover';
import { InlineVerdicts } from './inlineVerdicts';
import { anyFileSelector, codeLensSelector, readSettings, SECTION, SETTING_KEYS, surfaceSchemes } from './selectors';
import { ProcessIdTerminalLinkProvider } from './terminalLink';

export interface IdSurfacesDeps {
  readonly lookups: Lookups;
  /** Whether hovers and lenses may fetch (DESIGN.md §15). */
  readonly background: Background;
  /** Opens (or reveals) the process panel. */
  readonly showProcess: ShowProcess;
  readonly log: vscode.LogOutputChannel;
  /** Clock for "2 h ago" (tests inject one); defaults to Date.now. */
  readonly now?: () => number;
}

export class IdSurfacesController extends Disposable {
  private providers: vscode.Disposable[] = [];
  /** The schemes the providers were registered for (a folder of a new scheme re-registers them). */
  private schemes = '';
  private started = false;

  constructor(private readonly deps: IdSurfacesDeps) {
    super();
    this._register(registerFindInFile(deps));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.started && SETTING_KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) this.update();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.started && surfaceSchemes().join() !== this.schemes) this.update();
      }),
    );
    this._register({
      dispose: () => {
        this.clear();
      },
    });
  }

  /** Reads the settings and registers the providers they turn on: the composition root runs it just after activation. */
  start(): void {
    if (this.isDisposed || this.started) return;
    this.started = true;
    this.update();
  }

  private clear(): void {
    const old = this.providers;
    this.providers = [];
    disposeAll(old);
  }

  private update(): void {
    this.clear();
    this.schemes = surfaceSchemes().join();
    const settings = readSettings();
    const { lookups, background, showProcess, log } = this.deps;
    const now = this.deps.now ?? Date.now;
    const on: string[] = [];
    if (settings.hover) {
      this.providers.push(vscode.languages.registerHoverProvider(anyFileSelector(), new ProcessIdHoverProvider({ lookups, background, log, now })));
      on.push('hover');
    }
    const lensSelector = codeLensSelector(settings);
    if (settings.codeLens && lensSelector.length > 0) {
      const provider = new ProcessIdCodeLensProvider({ lookups, background, log, now, maxPerDocument: settings.lensMaxPerDocument });
      this.providers.push(vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider(lensSelector, provider)));
      on.push('code lens');
    }
    if (settings.links) {
      this.providers.push(vscode.languages.registerDocumentLinkProvider(anyFileSelector(), new ProcessIdLinkProvider()));
      on.push('links');
    }
    if (settings.terminalLinks) {
      this.providers.push(vscode.window.registerTerminalLinkProvider(new ProcessIdTerminalLinkProvider({ lookups, showProcess, log })));
      on.push('terminal links');
    }
    if (settings.inlineVerdicts) {
      this.providers.push(vscode.Disposable.from(new InlineVerdicts(lookups)));
      on.push('inline verdicts');
    }
    log.debug(`process ID surfaces: ${on.length > 0 ? on.join(', ') : 'all off'}`);
  }
}
