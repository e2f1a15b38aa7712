/**
 * `npm run emulator [-- --port N --token-lifetime S --live-delay S --list]`: starts the local
 * IDCloud, prints its URLs, the service account (the private key goes to a 0600 temp file that
 * is deleted on exit) and the catalogue, then logs one line per request until Ctrl+C.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_FIXTURES, FAULTS, FIXTURES, startEmulator, UNKNOWN_PROCESS_ID } from './index';

const USAGE = `Usage: npm run emulator -- [--port N] [--token-lifetime SECONDS] [--live-delay SECONDS] [--synthetic] [--webhook-url URL [--webhook-auth SPEC]] [--list]
  --port N                  listen on 127.0.0.1:N (default: any free port)
  --token-lifetime SECONDS  lifetime of issued access tokens (default 3600)
  --live-delay SECONDS      how long the live process stays created after its first request (default 30)
  --synthetic               any other UUID resolves to a generated process (~3% stay 404)
  --webhook-url URL         POST unico's webhook payload there when a process finishes through the emulator
                            (the live process, or POST /emulator/webhook/{id} for any other)
  --webhook-auth SPEC       none | basic:user:password | bearer:token | apikey:Header:value (default none)
  --list                    print the fixture and fault-injection IDs, then exit`;

interface CliOptions {
  readonly port: number;
  readonly tokenLifetimeSeconds: number;
  readonly liveDelaySeconds: number;
  readonly list: boolean;
  readonly synthetic: boolean;
  readonly webhookUrl: string | undefined;
  readonly webhookAuth: string | undefined;
}

function parseArgs(args: readonly string[]): CliOptions {
  const options: { -readonly [K in keyof CliOptions]: CliOptions[K] } = {
    port: 0, tokenLifetimeSeconds: 3600, liveDelaySeconds: 30, list: false, synthetic: false, webhookUrl: undefined, webhookAuth: undefined,
  };
  const numbers: Record<string, 'port' | 'tokenLifetimeSeconds' | 'liveDelaySeconds'> = {
    '--port': 'port', '--token-lifetime': 'tokenLifetimeSeconds', '--live-delay': 'liveDelaySeconds',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const key = numbers[arg];
    if (arg === '--list') options.list = true;
    else if (arg === '--synthetic') options.synthetic = true;
    else if (arg === '--webhook-url' || arg === '--webhook-auth') {
      const value = args[++i];
      if (value === undefined || value === '') throw new UsageError(`${arg} needs a value`);
      if (arg === '--webhook-url') options.webhookUrl = value;
      else options.webhookAuth = value;
    }
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (key) {
      const value = Number(args[++i]);
      if (!Number.isFinite(value) || value < 0 || (key === 'port' && (!Number.isInteger(value) || value > 65535))) throw new UsageError(`${arg} needs a number`);
      options[key] = value;
    } else throw new UsageError(`unknown argument: ${arg}`);
  }
  return options;
}

class UsageError extends Error {}

function catalogue(synthetic = false): string {
  const fixtures = FIXTURES.map((f) => `  ${f.id}  ${f.title} — ${f.description}`);
  const faults = FAULTS.map((f) => `  ${f.id}  ${f.name}: ${f.description}`);
  const api = API_FIXTURES.map((f) => `  ${f.id}  ${f.title} — ${f.description}`);
  return [
    'Fixtures:', ...fixtures,
    '', 'API contract fixtures (GET /processes/v1/{id} with the APIKEY below):', ...api,
    '', 'Fault-injection IDs:', ...faults,
    '', synthetic
      ? `Synthetic mode: any other UUID resolves to a generated process (~3% answer 404; ${UNKNOWN_PROCESS_ID} always does); a malformed ID is 400.`
      : `Any other UUID (e.g. ${UNKNOWN_PROCESS_ID}) is 404 (--synthetic makes them resolve); a malformed ID is 400.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.list) {
    console.log(catalogue());
    return;
  }
  const emulator = await startEmulator({
    port: options.port,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    liveProcessDelayMs: options.liveDelaySeconds * 1000,
    synthetic: options.synthetic,
    ...(options.webhookUrl === undefined ? {} : { webhook: { url: options.webhookUrl, auth: options.webhookAuth } }),
    log: (line) => { console.log(`${new Date().toISOString()}  ${line}`); },
  });
  const keyDir = mkdtempSync(join(tmpdir(), 'idcloud-emulator-'));
  const keyFile = join(keyDir, 'service-account.pem');
  writeFileSync(keyFile, emulator.serviceAccount.privateKeyPem, { mode: 0o600 });

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // a second Ctrl+C does not wait
    stopping = true;
    rmSync(keyDir, { recursive: true, force: true });
    void emulator.close().then(() => { console.log('IDCloud emulator stopped.'); });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`IDCloud emulator (local, fake data) — ${emulator.apiBaseUrl}

  API base URL   ${emulator.apiBaseUrl}        (GET /client/v1/process/{id}[/selfie|/evidenceset])
  Identity URL   ${emulator.identityUrl}   (POST /oauth2/token; the assertion's aud)
  API contract   ${emulator.apiBaseUrl}/processes/v1/{id} (and /v2): Bearer token + APIKEY header
  APIKEY         ${emulator.apiKey}   (fake, new at every start)
  Tenant ID      ${emulator.serviceAccount.tenantId}
  Account name   ${emulator.serviceAccount.accountName}
  Private key    ${keyFile}   (mode 0600, new at every start, deleted on exit)
  Token lifetime ${options.tokenLifetimeSeconds} s; live process delay ${options.liveDelaySeconds} s

${catalogue(options.synthetic)}

Ctrl+C stops it.`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError && !error.message) {
    console.log(USAGE);
  } else if (error instanceof UsageError) {
    console.error(`emulator: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error('emulator:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
});
