/**
 * Fault-injection process IDs: fixed UUIDs that make the emulator misbehave the way real
 * networks and gateways do, so retries, timeouts, caps and error messages can be tested.
 * The default 429 is the documented one (status and Retry-After, no error code); the other 429
 * and 503 bodies follow the edge that might send them (Envoy's plain-text local replies, or
 * grpc-gateway JSON) and are undocumented by unico; 500 is unico's documented code 99999.
 */
import type { ServerResponse } from 'node:http';
import { authenticationInfo, person, processBody, type Fixture } from './fixtureParts';
import { send, sendGrpcError, sendJson, sendText } from './http';

export type FaultName =
  | 'rateLimitedRetryAfter' | 'rateLimitedNoRetryAfter' | 'rateLimitedGrpcBody' | 'serverError' | 'serviceUnavailable' | 'slow' | 'connectionReset'
  | 'malformedJson' | 'schemaDrift' | 'hugeBody' | 'forbiddenMedia' | 'flaky';

export const FAULT_IDS: Readonly<Record<FaultName, string>> = {
  rateLimitedRetryAfter: 'fa000429-0000-4000-8000-000000000001',
  rateLimitedNoRetryAfter: 'fa000429-0000-4000-8000-000000000002',
  rateLimitedGrpcBody: 'fa000429-0000-4000-8000-000000000003',
  serverError: 'fa000500-0000-4000-8000-000000000000',
  serviceUnavailable: 'fa000503-0000-4000-8000-000000000000',
  slow: 'fa000000-0000-4000-8000-00000000510e',
  connectionReset: 'fa000000-0000-4000-8000-0000000e5e70',
  malformedJson: 'fa000000-0000-4000-8000-0000000000b0',
  schemaDrift: 'fa000000-0000-4000-8000-00000000d71f',
  hugeBody: 'fa000000-0000-4000-8000-0000000010b0',
  forbiddenMedia: 'fa000403-0000-4000-8000-000000000007',
  flaky: 'fa000503-0000-4000-8000-000000000001',
};

const DESCRIPTIONS: Readonly<Record<FaultName, string>> = {
  rateLimitedRetryAfter: '429 with Retry-After: 1 and an empty body (the reference: "HTTP status only"), every time',
  rateLimitedNoRetryAfter: '429 without Retry-After, text/plain "local_rate_limited" (Envoy; not documented by unico), every time',
  rateLimitedGrpcBody: '429 with Retry-After: 1 and a grpc-gateway JSON body, code 8 (not documented by unico), every time',
  serverError: '500 {"code": 99999, "message": "Internal failure! Try again later"}',
  serviceUnavailable: '503 text/plain "no healthy upstream" (Envoy)',
  slow: 'answers 200 only after the slow delay (default 20 s): for timeouts and cancellation',
  connectionReset: 'resets the TCP connection (RST) without answering',
  malformedJson: '200 application/json cut off in the middle',
  schemaDrift: '200 JSON that is not a process: no id, enums as numbers, services a string',
  hugeBody: '200 valid JSON of 10 MB: for the body-size cap',
  forbiddenMedia: 'process 200; selfie and evidence set 403 {"code": 7, "message": "no permission"}',
  flaky: 'alternates: 1st request 503, 2nd 200, 3rd 503, … (counted per emulator): for retries',
};

export const FAULTS: readonly { readonly name: FaultName; readonly id: string; readonly description: string }[] =
  (Object.keys(FAULT_IDS) as FaultName[]).map((name) => ({ name, id: FAULT_IDS[name], description: DESCRIPTIONS[name] }));

const FAULT_BY_ID = new Map(FAULTS.map((f) => [f.id, f.name]));

export function faultFor(id: string): FaultName | undefined {
  return FAULT_BY_ID.get(id);
}

/** The process a fault ID returns when it does answer 200 (slow, flaky, forbiddenMedia). */
export function faultFixture(id: string, name: FaultName): Fixture {
  const process = processBody({
    id, flow: 'idlive', state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK',
    createdAt: '2025-03-01T12:00:00.000001Z', finishedAt: '2025-03-01T12:01:00.000001Z', expiresAt: '2025-03-08T12:00:00.000001Z',
    capacities: ['PROCESS_CAPACITY_IDLIVE'], person: person({ cpf: '00000000604', name: 'Fabio Exemplo Falha' }),
    auth: authenticationInfo(`auth-${name}`, { liveness: 'LIVE' }), services: [],
  });
  return { id, title: name, description: DESCRIPTIONS[name], process, selfie: 'image/jpeg', evidenceSet: true };
}

export type Route = 'process' | 'selfie' | 'evidenceset';

export interface FaultContext {
  readonly res: ServerResponse;
  readonly route: Route;
  readonly id: string;
  /** Answer as for an ordinary process (slow after its delay, flaky's good turns, forbiddenMedia's process). */
  readonly answer: () => void;
  /** Runs `fn` after `ms` unless the emulator closes first. */
  readonly later: (fn: () => void, ms: number) => void;
  readonly slowDelayMs: number;
  /** 1 for this fault's first request, 2 for its second, … */
  readonly count: number;
}

export function injectFault(name: FaultName, ctx: FaultContext): void {
  const { res } = ctx;
  switch (name) {
    // The Get Process reference: "No detailed error code is provided for this status — HTTP status only."
    case 'rateLimitedRetryAfter': send(res, 429, 'text/plain', '', { 'Retry-After': '1' }); return;
    case 'rateLimitedGrpcBody': sendGrpcError(res, 429, 8, 'rate limit exceeded', { 'Retry-After': '1' }); return;
    case 'rateLimitedNoRetryAfter': sendText(res, 429, 'local_rate_limited'); return;
    case 'serverError': sendGrpcError(res, 500, 99999, 'Internal failure! Try again later'); return;
    case 'serviceUnavailable': sendText(res, 503, 'no healthy upstream'); return;
    case 'slow': ctx.later(ctx.answer, ctx.slowDelayMs); return;
    case 'connectionReset': res.socket?.resetAndDestroy(); return;
    case 'malformedJson': send(res, 200, 'application/json', `{"process": {"id": "${ctx.id}", "flow": "idlive", "state": "PROCESS_STATE_FIN`); return;
    case 'schemaDrift': sendJson(res, 200, { process: { processId: ctx.id, state: 2, result: 1, authenticationInfo: [], services: 'none' } }); return;
    case 'hugeBody': send(res, 200, 'application/json', hugeBody(ctx.id)); return;
    case 'forbiddenMedia':
      if (ctx.route === 'process') ctx.answer();
      else sendGrpcError(res, 403, 7, 'no permission');
      return;
    case 'flaky':
      if (ctx.count % 2 === 0) ctx.answer();
      else sendText(res, 503, 'upstream connect error or disconnect/reset before headers. reset reason: connection termination');
      return;
  }
}

const TEN_MB = 10 * 1024 * 1024;

/** Exactly 10 MiB of valid JSON: a process padded with a long field. */
function hugeBody(id: string): Buffer {
  const head = `{"process": {"id": "${id}", "state": "PROCESS_STATE_FINISHED", "result": "PROCESS_RESULT_OK", "padding": "`;
  const tail = '"}}';
  const body = Buffer.alloc(TEN_MB, 'x');
  body.write(head, 0, 'latin1');
  body.write(tail, TEN_MB - tail.length, 'latin1');
  return body;
}
