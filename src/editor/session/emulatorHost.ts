/**
 * The in-process IDCloud emulator behind the Local emulator profile: started on the first lookup
 * that needs it (never at activation), on 127.0.0.1 and a free port, and stopped with the extension.
 */
import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors';
import type { ServiceAccount } from '../../core/jwt';
import type { EmulatorEndpoints } from '../services';
import type { EmulatorModule } from './bundles';

export interface RunningEmulator extends EmulatorEndpoints {
  readonly serviceAccount: ServiceAccount;
  /** The API contract's APIKEY (the emulator's own, random per start; never logged). */
  readonly apiKey: string;
}

type Started = Awaited<ReturnType<EmulatorModule['startEmulator']>>;

export class EmulatorHost implements vscode.Disposable {
  private starting: Promise<Started> | undefined;
  private disposed = false;
  private readonly _onDidStart = new vscode.EventEmitter<EmulatorEndpoints>();
  /** Where the emulator listens, once it started (the Local emulator profile takes its URLs from it). */
  readonly onDidStart = this._onDidStart.event;

  constructor(
    private readonly load: () => EmulatorModule,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The running emulator, started once; a failed start is retried by the next call. */
  async start(): Promise<RunningEmulator> {
    if (this.disposed) throw new CancelledError(); // the extension is shutting down: nobody to tell
    this.starting ??= this.launch();
    const { apiBaseUrl, identityUrl, serviceAccount, apiKey } = await this.starting;
    return { apiBaseUrl, identityUrl, serviceAccount, apiKey };
  }

  private async launch(): Promise<Started> {
    const config = vscode.workspace.getConfiguration('idcloud');
    const seconds = config.get<number>('emulator.liveProcessDelaySeconds', 30);
    try {
      const running = await this.load().startEmulator({
        liveProcessDelayMs: Math.max(0, seconds) * 1000,
        synthetic: config.get<boolean>('emulator.synthetic', false),
        ...webhookTarget(config),
        log: (line) => { this.log.trace(`emulator: ${line}`); },
      });
      if (this.disposed) {
        await running.close();
        throw new CancelledError(); // the extension is shutting down: nobody to tell
      }
      this.log.info(`local emulator listening at ${running.apiBaseUrl}`);
      this._onDidStart.fire({ apiBaseUrl: running.apiBaseUrl, identityUrl: running.identityUrl });
      return running;
    } catch (e) {
      this.starting = undefined;
      throw e;
    }
  }

  dispose(): void {
    this.disposed = true;
    const starting = this.starting;
    this.starting = undefined;
    void starting?.then((running) => running.close()).catch(() => undefined);
    this._onDidStart.dispose();
  }
}

/** The emulator's webhook target from idcloud.emulator.webhookUrl / webhookAuth (none when the URL is empty). */
function webhookTarget(config: vscode.WorkspaceConfiguration): { webhook?: { url: string; auth: string } } {
  const url = config.get<string>('emulator.webhookUrl', '').trim();
  return url === '' ? {} : { webhook: { url, auth: config.get<string>('emulator.webhookAuth', 'none') } };
}
