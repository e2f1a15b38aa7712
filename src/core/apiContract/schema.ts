/**
 * The API contract's Get Process body (`GET /processes/v1/{id}`, unico's "API", formerly "by
 * Client", contract) from unknown JSON to a typed value (zod/mini; lives in the network bundle).
 *
 * Fields as https://developer.unico.io/developers/api-reference/api/get-processes-by-id/index.html
 * lists them: `id`, `status` (integer), `unicoId.result`, `identityFraudsters.result`,
 * `government.serpro`, `liveness` (integer), `score`. Tolerant like src/core/schema.ts: every field
 * but `id` is optional, unknown fields are kept (loose objects), any integer and any string pass
 * (the model flags the undocumented ones), numbers sent as strings are coerced, `null` reads as
 * absent, and a mistyped value is dropped and reported instead of failing the whole answer.
 * An older unico page shows the same answer in PascalCase (`Id`, `Status`, `Liveness`, `Score`:
 * https://developers.unico.io/en/docs/IDunico/Integracao/IDUnico_ID99): those keys are read too.
 */
import * as z from 'zod/mini';
import { UnexpectedResponseError } from '../errors';
// A number or a numeric string ("" reads as absent), and an optional string: as the Web & SDK schema reads them.
import { num, str } from '../schema';
import { type DroppedValue, parseTolerant } from '../schemaIssues';

const result = z.optional(z.looseObject({ result: str }));

const ApiProcessSchema = z.looseObject({
  id: z.string().check(z.minLength(1, 'expected a non-empty string')),
  status: num,
  liveness: num,
  unicoId: result,
  identityFraudsters: result,
  government: z.optional(z.looseObject({ serpro: num })),
  score: num,
});

export type ApiProcess = z.infer<typeof ApiProcessSchema>;

const KNOWN_KEYS = ['id', 'status', 'liveness', 'unicoId', 'identityFraudsters', 'government', 'score'] as const;

/** A copy without null values (null means absent) and with PascalCase top-level keys read as documented ones. */
function normalise(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    out[k] = typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).filter(([, w]) => w !== null)) : v;
  }
  const pascal = new Map<string, string>(KNOWN_KEYS.map((key) => [key.charAt(0).toUpperCase() + key.slice(1), key]));
  return Object.fromEntries(Object.entries(out).flatMap(([k, v]): [string, unknown][] => {
    const documented = pascal.get(k);
    return documented !== undefined && out[documented] === undefined ? [[documented, v]] : [[k, v]];
  }));
}

const SNIPPET_MAX = 16 * 1024;

function snippet(body: unknown): string {
  try {
    const text = JSON.stringify(body) as string | undefined;
    return (text ?? '').slice(0, SNIPPET_MAX);
  } catch {
    return '';
  }
}

/**
 * The API contract's process, with the values of the wrong type that were left out; throws
 * UnexpectedResponseError('schema') only for a body that is not an object with an `id`. The
 * detail names the path, never a value.
 */
export function parseApiProcess(body: unknown): { process: ApiProcess; unexpected: DroppedValue[] } {
  const parsed = parseTolerant(ApiProcessSchema, normalise(body), (path) => path.length > 0 && path[0] !== 'id');
  if (!parsed.success) throw new UnexpectedResponseError('schema', 200, snippet(body), parsed.detail);
  return { process: parsed.data, unexpected: parsed.dropped };
}
