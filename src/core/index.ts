/**
 * The core's public face: everything, for tests, the emulator and the bench.
 * The editor's activation code must NOT import this file at run time (it pulls in undici and zod):
 * it imports the pure modules (lookup, errors, processId, model) directly and loads ./network lazily.
 */
export * from './errors';
export * from './enums';
export * from './types';
export * from './processId';
export * from './schema';
export * from './model';
export * from './jwt';
export * from './auth';
export * from './tokenErrors';
export * from './retry';
export * from './rateLimit';
export * from './client';
export * from './lookup';
