// Shared by the ProcessLookup unit tests: a source answered by hand, answers by state, IDs.
import * as assert from 'node:assert/strict';
import { CancelledError } from '../../src/core/errors';
import { pid } from './pid.helpers';
import type { FetchedProcess, Process, ProcessSource } from '../../src/core/types';

export const A = pid('53060f52-f146-4c12-a234-5bb5031f6f5b');
export const B = pid('0b8e4f4e-2d9c-4c59-9f5a-1f0c3a2b7d11');
export const C = pid('9b1d4ecd-7ac3-40f4-a8aa-44e9034c614b');
export const D = pid('c805fbe8-8c64-4080-a67b-8ce2add47a51');

export interface Call {
  readonly id: string;
  readonly signal: AbortSignal | undefined;
  resolve(value: FetchedProcess): void;
  reject(e: Error): void;
}

/** A ProcessSource whose answers the test hands out by hand. */
export class ManualSource implements ProcessSource {
  readonly calls: Call[] = [];
  getProcess(id: string, options?: { signal?: AbortSignal }): Promise<FetchedProcess> {
    return new Promise((resolve, reject) => {
      this.calls.push({ id, signal: options?.signal, resolve, reject });
      options?.signal?.addEventListener('abort', () => {
        reject(new CancelledError());
      });
    });
  }
  last(): Call {
    const call = this.calls.at(-1);
    assert.ok(call, 'a request was made');
    return call;
  }
}

export function fetched(id: string, state: string, signedUrl?: string, result?: string): FetchedProcess {
  const process: Process = {
    id,
    state,
    ...(result === undefined ? {} : { result }),
    ...(signedUrl === undefined ? {} : { services: [{ documents: [{ doc_id: 'd', signed_url: signedUrl }] }] }),
  };
  return { process, rawJson: JSON.stringify({ process }), fetchedAt: 0 };
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
