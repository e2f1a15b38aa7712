/**
 * The one choke point from unknown JSON to typed values (zod/mini; lives in the network bundle).
 *
 * - Get Process: every field of the reference, all optional but `id`; unknown extra fields kept
 *   (loose objects); enums are open sets (any string is kept — the model flags unknown values);
 *   `null` reads as absent; numbers sent as strings are coerced; `services` in the object form
 *   `{ docs: { documents } }` is normalised to the documented array.
 * - Selfie / evidence set bodies, the three error-body shapes plus Envoy's text/plain 401s, and
 *   the token endpoint's answers.
 *
 * A body that is not what we need throws UnexpectedResponseError('schema') whose detail names the
 * offending path and never quotes a value (values may be personal data).
 */
import * as z from 'zod/mini';
import {
  AUTHENTICATION_RESULTS, BIO_TOKEN_ENGINE_RESULTS, DUI_TYPES, ID_AGE_RESULTS, LIVENESS_RESULTS, PROCESS_RESULTS,
  PROCESS_STATES, SCORE_ENABLED, SMART_REVALIDATION_RESULTS, TRUST_RESULTS, type Open,
} from './enums';
import { UnexpectedResponseError } from './errors';
import { describeIssues, type DroppedValue, parseTolerant } from './schemaIssues';

/** An open enum: the known values type it, any string passes. */
function open<T extends string>(_known: readonly T[]) {
  return z.optional(z.custom<Open<T>>((v) => typeof v === 'string', 'expected string'));
}

const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
/** A number, or a numeric string (protobuf JSON sends 64-bit and some other values as strings); "" reads as absent. */
export const num = z.optional(
  z.union([
    z.number(),
    z.pipe(z.literal(''), z.transform(() => undefined)),
    z.pipe(z.string().check(z.regex(NUMERIC, 'expected number')), z.transform(Number)),
  ]),
);
export const str = z.optional(z.string());
const bool = z.optional(z.boolean());

const DocumentSchema = z.looseObject({
  doc_id: str,
  typified: bool,
  cpf_match: bool,
  face_match: bool,
  validate_doc: bool,
  reused_doc: bool,
  signed_url: str,
  doc: z.optional(z.looseObject({ version: num, code: str, data: z.optional(z.record(z.string(), z.unknown())) })),
});

const ServiceSchema = z.looseObject({
  envelopeId: str,
  documentIds: z.optional(z.array(z.string())),
  consent_granted: bool,
  documents: z.optional(z.array(DocumentSchema)),
});
type Service = z.output<typeof ServiceSchema>;

/** `{ docs: { documents: [...] } }` (seen in one doc) → `[{ documents: [...] }]`. */
const ServicesObjectForm = z.pipe(
  z.extend(ServiceSchema, { docs: z.optional(z.looseObject({ documents: z.optional(z.array(DocumentSchema)) })) }),
  z.transform(({ docs, ...service }): Service[] => [{ ...service, documents: service.documents ?? docs?.documents }]),
);

const ProcessSchema = z.looseObject({
  id: z.string(),
  flow: str,
  callbackUri: str,
  userRedirectUrl: str,
  state: open(PROCESS_STATES),
  result: open(PROCESS_RESULTS),
  createdAt: str,
  finishedAt: str,
  expiresAt: str,
  purpose: str,
  clientReference: str,
  useCase: str,
  capacities: z.optional(z.array(z.string())),
  token: str,
  person: z.optional(
    z.looseObject({
      duiType: open(DUI_TYPES),
      duiValue: str,
      friendlyName: str,
      notifications: z.optional(z.array(z.looseObject({ notificationChannel: str }))),
    }),
  ),
  authenticationInfo: z.optional(
    z.looseObject({
      authenticationId: str,
      livenessResult: open(LIVENESS_RESULTS),
      authenticationResult: open(AUTHENTICATION_RESULTS),
      identityFraudstersResult: open(TRUST_RESULTS),
      bioTokenEngineResult: open(BIO_TOKEN_ENGINE_RESULTS),
      smartRevalidationResult: open(SMART_REVALIDATION_RESULTS),
      idAgeResult: open(ID_AGE_RESULTS),
      scoreEngineResult: z.optional(z.looseObject({ scoreEnabled: open(SCORE_ENABLED), score: num })),
      serproResult: z.optional(z.looseObject({ score: num })),
    }),
  ),
  companyData: z.optional(z.looseObject({ branchId: str, countryCode: str })),
  bioTokenData: z.optional(z.looseObject({ referenceProcessId: str, authenticationId: str })),
  services: z.optional(z.union([z.array(ServiceSchema), ServicesObjectForm])),
});

export type Process = z.infer<typeof ProcessSchema>;

const ProcessResponseSchema = z.looseObject({ process: ProcessSchema });

const SNIPPET_MAX = 16 * 1024;

/** A copy of parsed JSON without null-valued keys or elements: `null` means "absent" to us. */
function withoutNulls(value: unknown): unknown {
  // Copy-on-write: the common body has no null at all and comes back as the same object, unallocated.
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const w = v === null ? undefined : withoutNulls(v);
      if (out === undefined && (v === null || w !== v)) out = value.slice(0, i);
      if (out !== undefined && v !== null) out.push(w);
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  const entries = Object.entries(value);
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i] as [string, unknown];
    const w = v === null ? undefined : withoutNulls(v);
    if (out === undefined && (v === null || w !== v)) out = Object.fromEntries(entries.slice(0, i));
    if (out !== undefined && v !== null) out[k] = w;
  }
  return out ?? value;
}

/** The body for "Open Raw Response": size-capped, with every token-like value redacted. */
function snippet(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, SNIPPET_MAX);
  try {
    const text = JSON.stringify(body, (key, value: unknown) =>
      /token/i.test(key) && typeof value === 'string' && value !== '' ? '[redacted]' : value,
    ) as string | undefined;
    return (text ?? '').slice(0, SNIPPET_MAX);
  } catch {
    return '';
  }
}

function schemaError(body: unknown, detail: string): UnexpectedResponseError {
  return new UnexpectedResponseError('schema', 200, snippet(body), detail);
}

function parseOrThrow<T extends z.ZodMiniType>(schema: T, body: unknown): z.output<T> {
  const result = z.safeParse(schema, withoutNulls(body));
  if (!result.success) throw schemaError(body, describeIssues(result.error));
  return result.data;
}

/** `{ process: {...} }` → Process; throws UnexpectedResponseError('schema') otherwise. */
export function parseProcessResponse(body: unknown): Process {
  return parseProcess(body).process;
}

/**
 * Like parseProcessResponse, but a mistyped field or array item inside the process is dropped and
 * reported instead of failing the whole answer; only a body without `process.id` fails.
 */
export function parseProcess(body: unknown): { process: Process; unexpected: DroppedValue[] } {
  const result = parseTolerant(ProcessResponseSchema, withoutNulls(body), (path) => path.length > 1 && path[0] === 'process' && path[1] !== 'id');
  if (!result.success) throw schemaError(body, result.detail);
  return { process: result.data.process, unexpected: result.dropped };
}

const MediaSchema = z.looseObject({ fileContents: z.string(), contentType: str });
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function sniff(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x25 && b === 0x50 && c === 0x44 && d === 0x46) return 'application/pdf'; // %PDF
  if (a === 0xff && b === 0xd8 && c === 0xff) return 'image/jpeg';
  if (a === 0x89 && b === 0x50 && c === 0x4e && d === 0x47) return 'image/png';
  return undefined;
}

/** Get Selfie / Get Evidence Set, decoded: held in memory, written to disk only on Save. */
export interface MediaFile {
  readonly contentType: string; // as sent (normalised to lower case), e.g. image/jpeg, application/pdf
  readonly bytes: Uint8Array;
}

/** Selfie / evidence set `{ fileContents: base64, contentType }` → bytes. A content type without a "/" (e.g. "x-pdf") is sniffed. */
export function parseMediaResponse(body: unknown): MediaFile {
  const media = parseOrThrow(MediaSchema, body);
  const base64 = media.fileContents.replace(/\s+/g, '');
  const length = base64.length;
  const wellFormed = BASE64.test(base64) && (base64.endsWith('=') ? length % 4 === 0 : length % 4 !== 1);
  if (length === 0 || !wellFormed) {
    throw schemaError(body, 'fileContents: expected non-empty base64');
  }
  const buffer = Buffer.from(base64, 'base64');
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const declared = media.contentType?.trim().toLowerCase() ?? '';
  const contentType = declared.includes('/') ? declared : (sniff(bytes) ?? 'application/octet-stream');
  return { contentType, bytes };
}

export interface ErrorBody {
  readonly code?: number | string;
  readonly message?: string;
  readonly details?: unknown;
}

const code = z.optional(z.union([z.number(), z.string()]));
/** Shapes B `{ error: { code, description } }` and C `{ error: { code, message } }`. */
const NestedErrorSchema = z.looseObject({ error: z.looseObject({ code, message: str, description: str, details: z.optional(z.unknown()) }) });
/** Shape A (grpc-gateway) `{ code, message, details }`. */
const FlatErrorSchema = z.looseObject({ code, message: str, details: z.optional(z.unknown()) });
const MESSAGE_MAX = 1000;

function errorBody(code: number | string | undefined, message: string | undefined, details: unknown): ErrorBody {
  return {
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message: message.slice(0, MESSAGE_MAX) }),
    ...(details === undefined ? {} : { details }),
  };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Any error body: JSON shapes A, B, C, or text (Envoy's "Jwt is expired" …) as `{ message }`. Never throws. */
export function parseErrorBody(text: string, contentType?: string): ErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const looksJson = /json/i.test(contentType ?? '') || trimmed.startsWith('{') || trimmed.startsWith('"');
  const json = looksJson ? tryJson(trimmed) : { ok: false as const };
  if (!json.ok) return errorBody(undefined, trimmed, undefined);
  if (typeof json.value === 'string') return errorBody(undefined, json.value, undefined);
  const value = withoutNulls(json.value);
  const nested = z.safeParse(NestedErrorSchema, value);
  if (nested.success) {
    const e = nested.data.error;
    return errorBody(e.code, e.message ?? e.description, e.details);
  }
  const flat = z.safeParse(FlatErrorSchema, value);
  return flat.success ? errorBody(flat.data.code, flat.data.message, flat.data.details) : {};
}

const TokenSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1, 'expected a non-empty string')),
  expires_in: z.pipe(num, z.number().check(z.positive('expected a positive number'))),
  token_type: str,
});

/** The token endpoint's 200 body; throws UnexpectedResponseError('schema') (with the token redacted from the body). */
export function parseTokenResponse(body: unknown): { accessToken: string; expiresIn: number; tokenType?: string } {
  const t = parseOrThrow(TokenSchema, body);
  return { accessToken: t.access_token, expiresIn: t.expires_in, ...(t.token_type === undefined ? {} : { tokenType: t.token_type }) };
}

const TokenErrorSchema = z.looseObject({ error: str, error_description: str });
const UNICO_CODE = /\b\d+\.\d+\.\d+\b/;

/** `{ error, error_description: "Falha na autenticação 1.2.7" }` → `{ error, description, unicoCode: "1.2.7" }`. Never throws. */
export function parseTokenErrorBody(body: unknown): { error?: string; description?: string; unicoCode?: string } {
  let value = body;
  if (typeof body === 'string') {
    const json = tryJson(body.trim());
    value = json.ok && typeof json.value === 'object' ? json.value : { error_description: body.trim() || undefined };
  }
  const parsed = z.safeParse(TokenErrorSchema, withoutNulls(value));
  if (!parsed.success) return {};
  const { error, error_description: description } = parsed.data;
  const unicoCode = UNICO_CODE.exec(description ?? '')?.[0] ?? UNICO_CODE.exec(error ?? '')?.[0];
  return {
    ...(error === undefined ? {} : { error }),
    ...(description === undefined ? {} : { description }),
    ...(unicoCode === undefined ? {} : { unicoCode }),
  };
}
