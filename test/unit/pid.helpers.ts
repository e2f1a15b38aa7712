// Test IDs as the product holds them: a ProcessId comes only from the normaliser, so tests make theirs there too.
import { normalizeProcessId, type ProcessId } from '../../src/core/processId';

/** `text` as a ProcessId; throws if it is not a process ID (a typo in a test, not a case to test). */
export function pid(text: string): ProcessId {
  const id = normalizeProcessId(text);
  if (id === undefined) throw new Error(`not a process ID: ${text}`);
  return id;
}
