/**
 * The language-model tools as dist/features.js builds them (its `lmTools` export), on the first
 * call of either tool (src/editor/lm/register.ts holds the thin registered objects).
 */
import { FindProcessIdsTool } from './findIds';
import { GetProcessTool, type LmToolDeps } from './getProcess';

export type { LmToolDeps } from './getProcess';
export type { FindProcessIdsInput } from './findIds';
export type { GetProcessInput } from './getProcess';

export interface LmTools {
  readonly getProcess: GetProcessTool;
  readonly findProcessIds: FindProcessIdsTool;
}

export function createLmTools(deps: LmToolDeps): LmTools {
  return { getProcess: new GetProcessTool(deps), findProcessIds: new FindProcessIdsTool(deps) };
}
