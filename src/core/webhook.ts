/**
 * unico's webhook payload (WEBHOOK_SOURCES.events): POSTed when a process reaches its final state,
 * `{ processId, state, result, flow, lastEvent?, lastEventDescription? }`. The state is always
 * PROCESS_STATE_FINISHED; `result` uses its own lower-case vocabulary (ok, expired,
 * invalid_identity); lastEvent comes only with an expired result. Delivery is at least once.
 *
 * Pure: recognises payloads in any text (a JSON file, a log line), maps the vocabulary onto Get
 * Process's, and compares a payload with the process the API returns.
 */
import { parseProcessId, type ProcessId } from './processId';
import type { Process } from './schema';

export interface WebhookPayload {
  /** Lower case. */
  readonly processId: ProcessId;
  readonly state: string | undefined;
  readonly result: string | undefined;
  readonly flow: string | undefined;
  readonly lastEvent: string | undefined;
  readonly lastEventDescription: string | undefined;
}

export interface FoundPayload {
  readonly payload: WebhookPayload;
  /** Offsets of the JSON object in the text. */
  readonly start: number;
  readonly end: number;
  /** Offset of the `"processId"` key. */
  readonly keyAt: number;
}

/** The webhook's result vocabulary → Get Process's (WEBHOOK_SOURCES.events). */
export const WEBHOOK_RESULTS: Readonly<Record<string, string>> = {
  ok: 'PROCESS_RESULT_OK',
  expired: 'PROCESS_RESULT_EXPIRED',
  invalid_identity: 'PROCESS_RESULT_INVALID_IDENTITY',
};

/** The documented lastEvent values (sent with an expired result): where the user stopped. */
export const LAST_EVENTS: readonly string[] = [
  'EVENT_TYPE_PROCESS_CREATED', 'EVENT_TYPE_QR_CODE_READ', 'EVENT_TYPE_PROCESS_STARTED_BY_USER',
  'EVENT_TYPE_IDENTITY_VALIDATION_STEP_FINISHED', 'EVENT_TYPE_DOCUMENT_STEP_STARTED', 'EVENT_TYPE_DOCUMENT_PHOTO_CAPTURED',
  'EVENT_TYPE_DOCUMENT_UPLOADED_FROM_GALLERY', 'EVENT_TYPE_DOCUMENT_STEP_FINISHED', 'EVENT_TYPE_SESSION_ENDED',
  'EVENT_TYPE_ERROR_ON_DOCUMENT_STEP',
];

/** The Get Process result a webhook result stands for; undefined for a value unico does not document. */
export function mapWebhookResult(result: string | undefined): string | undefined {
  return result === undefined ? undefined : WEBHOOK_RESULTS[result.toLowerCase()];
}

const KEY = '"processId"';
const MAX_OBJECT = 4096;
const MAX_FINDINGS = 200;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A webhook payload from a parsed value: an object with a UUID processId and a state, result or flow. */
export function asWebhookPayload(value: unknown): WebhookPayload | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const processId = parseProcessId(o.processId);
  if (processId === undefined) return undefined;
  const payload: WebhookPayload = {
    processId, state: str(o.state), result: str(o.result), flow: str(o.flow),
    lastEvent: str(o.lastEvent), lastEventDescription: str(o.lastEventDescription),
  };
  return payload.state !== undefined || payload.result !== undefined ? payload : undefined;
}

/** The `{` that opens the object around `at`, looking back at most MAX_OBJECT characters. */
function objectStart(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at; i >= 0 && at - i < MAX_OBJECT; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x7d) depth++; // }
    else if (c === 0x7b) { // {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** The `}` that closes the object opened at `start` (strings respected), within MAX_OBJECT. */
function objectEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length && i - start < MAX_OBJECT; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i + 1;
  }
  return undefined;
}

/** Every webhook payload written as JSON in `text` (anchored on the "processId" key; linear, capped). */
export function findWebhookPayloads(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  let from = 0;
  while (found.length < MAX_FINDINGS) {
    const keyAt = text.indexOf(KEY, from);
    if (keyAt < 0) break;
    from = keyAt + KEY.length;
    const start = objectStart(text, keyAt);
    const end = start === undefined ? undefined : objectEnd(text, start);
    if (start === undefined || end === undefined || end <= keyAt) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      continue;
    }
    const payload = asWebhookPayload(value);
    if (payload) {
      found.push({ payload, start, end, keyAt });
      from = end;
    }
  }
  return found;
}

export interface WebhookDifference {
  readonly field: 'state' | 'result' | 'flow';
  readonly webhook: string;
  readonly api: string;
}

/** Where the payload and the process the API returns now disagree (results compared in one vocabulary). */
export function compareWebhook(payload: WebhookPayload, process: Pick<Process, 'state' | 'result' | 'flow'>): WebhookDifference[] {
  const out: WebhookDifference[] = [];
  const api = { state: process.state ?? '', result: process.result ?? '', flow: process.flow ?? '' };
  if (payload.state !== undefined && payload.state !== api.state) out.push({ field: 'state', webhook: payload.state, api: api.state });
  if (payload.result !== undefined) {
    const mapped = mapWebhookResult(payload.result);
    if (mapped !== api.result) out.push({ field: 'result', webhook: payload.result, api: api.result });
  }
  if (payload.flow !== undefined && payload.flow !== api.flow) out.push({ field: 'flow', webhook: payload.flow, api: api.flow });
  return out;
}
