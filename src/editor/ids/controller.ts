/**
 * The one owner of the process-ID surfaces: registers the hover, code lens, document link and
 * terminal link providers and the inline verdicts that the settings turn on, re-registers them when those settings
 * change, and registers "Find Process IDs in File…". Construction does no I/O and awaits nothing;
 * the providers are registered by start(), which the composition root runs just after activation.
 */
import * as vscode from 'vscode';
import { Disposable, disposeAll } from '../lifecycle';
import type { Background, Lookups, ShowProcess } from '../services';
import { ProcessIdCodeLensProvider } from './codeLens';
import { ProcessIdLinkProvider } from './documentLink';
import { registerFindInFile } from './findInFile';
import { ProcessIdHoverProvider } from './hover';
import { InlineVerdicts } from './inlineVerdicts';
import { anyFileSelector, codeLensSelector, readSettings, SECTION, SETTING_KEYS } from './selectors';
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

  constructor(private readonly deps: IdSurfacesDeps) {
    super();
    this._register(registerFindInFile(deps));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SETTING_KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) this.update();
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
    if (!this.isDisposed) this.update();
  }

  private clear(): void {
    const old = this.providers;
    this.providers = [];
    disposeAll(old);
  }

  private update(): void {
    this.clear();
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
