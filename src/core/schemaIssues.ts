/**
 * Reading zod's issues: a sentence that names the offending path (never a value: values may be
 * personal data), and a tolerant parse that drops just the values the issues point at, so that one
 * mistyped field (`consent_granted: "true"`) or array item does not cost the whole process. What
 * was dropped is reported with its path and its raw JSON, to be shown as unexpected.
 */
import * as z from 'zod/mini';

export interface DroppedValue {
  /** e.g. "process.services[0].consent_granted". */
  readonly path: string;
  /** The same path as keys, e.g. ['process', 'services', 0, 'consent_granted']. */
  readonly keys: readonly (string | number)[];
  /** The value as sent, as JSON text (clipped to 200 characters). */
  readonly raw: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(body)';
}

/** Inside a union, the branch that got furthest into the value (its first issue is the deepest). */
function bestBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  let best: z.core.$ZodIssue[] | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first && (!best?.[0] || first.path.length > best[0].path.length)) best = branch;
  }
  return best;
}

/** The most specific reason: inside a union, the branch that got furthest into the value. */
function explain(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  if (issue.code === 'invalid_union') {
    const best = bestBranch(issue)?.[0];
    if (best) return explain(best, [...path, ...best.path]);
    return `${formatPath(path)}: matches none of the accepted forms`;
  }
  return `${formatPath(path)}: ${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message}`;
}

export function describeIssues(error: z.core.$ZodError): string {
  return error.issues.slice(0, 3).map((issue) => explain(issue, issue.path)).join('; ');
}

/** The full paths of the values the issues point at (inside a union: the best branch's). */
function leafPaths(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): PropertyKey[][] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union') return [path];
    const branch = bestBranch(issue);
    return branch && branch.length > 0 && (branch[0]?.path.length ?? 0) > 0 ? leafPaths(branch, path) : [path];
  });
}

const DROPPED = Symbol('dropped');

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** Removes what is marked DROPPED: array items are filtered out, object keys deleted. */
function sweep(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== DROPPED).map(sweep);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(obj).flatMap(([k, v]) => (v === DROPPED ? [] : [[k, sweep(v)]])));
  }
  return value;
}

function rawJson(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * Parses `value`; where it fails, drops the offending values and parses again (a few rounds at
 * most). `mayDrop(path)` guards what must never be dropped (e.g. the process itself or its id):
 * an issue there fails the parse, with the same explanation a strict parse gives.
 */
export function parseTolerant<T extends z.ZodMiniType>(
  schema: T, value: unknown, mayDrop: (path: readonly PropertyKey[]) => boolean,
): { success: true; data: z.output<T>; dropped: DroppedValue[] } | { success: false; detail: string } {
  const dropped: DroppedValue[] = [];
  let current = value;
  for (let round = 0; round < 4; round++) {
    const result = z.safeParse(schema, current);
    if (result.success) return { success: true, data: result.data, dropped };
    const paths = leafPaths(result.error.issues, []);
    if (paths.some((p) => p.length === 0 || !mayDrop(p))) return { success: false, detail: describeIssues(result.error) };
    if (round === 0) current = structuredClone(current);
    for (const path of paths) {
      const parent = at(current, path.slice(0, -1));
      const key = path[path.length - 1] as PropertyKey;
      if (parent === null || typeof parent !== 'object') return { success: false, detail: describeIssues(result.error) };
      const keys = path.map((k) => (typeof k === 'number' ? k : String(k)));
      dropped.push({ path: formatPath(path), keys, raw: rawJson((parent as Record<PropertyKey, unknown>)[key]) });
      (parent as Record<PropertyKey, unknown>)[key] = DROPPED;
    }
    current = sweep(current);
  }
  return { success: false, detail: 'too many unexpected values' };
}
