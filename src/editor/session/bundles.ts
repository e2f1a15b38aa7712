/**
 * The two lazily loaded bundles. dist/extension.js never contains undici, zod or the emulator:
 * they are required from their own bundles next to it on first use (type-only imports here).
 */
import * as path from 'path';

export type NetworkModule = typeof import('../../core/network');
export type EmulatorModule = typeof import('../../emulator/index');

/** dist/network.js: undici, the schema, auth and the client (~120 ms to require; cached by Node). */
export function loadNetwork(): NetworkModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- a separate bundle, loaded on the first lookup
  const network: NetworkModule = require(path.join(__dirname, 'network.js'));
  return network;
}

/** dist/emulator.js: the local IDCloud, only when the Local emulator profile is used. */
export function loadEmulator(): EmulatorModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- a separate bundle, loaded on demand
  const emulator: EmulatorModule = require(path.join(__dirname, 'emulator.js'));
  return emulator;
}
