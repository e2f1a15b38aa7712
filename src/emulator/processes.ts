/**
 * The `client/v1` routes behind the edge: Get Process, Get Selfie, Get Evidence Set, with
 * grpc-gateway error bodies (`{ code, message, details: [] }`: 3 → 400, 5 → 404, 7 → 403),
 * every document's `signed_url` pointing at the emulator, and the fault IDs.
 */
import type { ServerResponse } from 'node:http';
import { SELFIE_JPEG_BASE64, SELFIE_PNG_BASE64, evidenceSetPdf } from './assets';
import { faultFixture, faultFor, injectFault, type Route } from './faults';
import type { Fixture } from './fixtureParts';
import { sendGrpcError, sendJson } from './http';
import { isJsonObject, type JsonObject, type JsonValue } from './jwt';
import { LIVE_PROCESS_ID, type LiveProcess } from './live';
import type { SignedUrls } from './signedUrls';

/** An empty ID (`/client/v1/process/`) matches too: the reference answers 400 when it is missing. */
const ROUTE = /^\/client\/v1\/process\/([^/]*)(?:\/(selfie|evidenceset))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProcessRoutesDeps {
  readonly fixtures: ReadonlyMap<string, Fixture>;
  readonly live: LiveProcess;
  readonly signedUrls: SignedUrls;
  readonly slowDelayMs: number;
  readonly later: (fn: () => void, ms: number) => void;
  /** Synthetic mode: a process for a UUID outside the catalogue (undefined → 404). */
  readonly synthetic?: (id: string) => Fixture | undefined;
}

export class ProcessRoutes {
  /** Requests so far per fault ID (flaky alternates on it). */
  private readonly faultCounts = new Map<string, number>();

  constructor(private readonly deps: ProcessRoutesDeps) {}

  /** Answers an authenticated request to a path under /client/v1/. */
  handle(method: string, pathname: string, res: ServerResponse): void {
    const match = ROUTE.exec(pathname);
    if (!match) { sendGrpcError(res, 404, 5, 'Not Found'); return; }
    if (method !== 'GET') { sendGrpcError(res, 405, 12, 'Method Not Allowed'); return; }
    const id = decodeId(match[1] ?? '');
    if (id === undefined) { sendGrpcError(res, 400, 3, 'process id is invalid'); return; }
    const route: Route = match[2] === 'selfie' ? 'selfie' : match[2] === 'evidenceset' ? 'evidenceset' : 'process';
    const fault = faultFor(id);
    if (fault) {
      const count = (this.faultCounts.get(id) ?? 0) + 1;
      this.faultCounts.set(id, count);
      const answer = (): void => { if (!res.destroyed) this.answer(faultFixture(id, fault), route, res); };
      injectFault(fault, { res, route, id, answer, count, later: this.deps.later, slowDelayMs: this.deps.slowDelayMs });
      return;
    }
    const fixture = id === LIVE_PROCESS_ID ? this.deps.live.current() : this.deps.fixtures.get(id) ?? this.deps.synthetic?.(id);
    if (!fixture) {
      sendGrpcError(res, 404, 5, 'error getting process: rpc error: code = NotFound desc = process not found');
      return;
    }
    this.answer(fixture, route, res);
  }

  private answer(fixture: Fixture, route: Route, res: ServerResponse): void {
    if (route === 'process') {
      sendJson(res, 200, { process: this.withSignedUrls(fixture.id, fixture.process) });
    } else if (route === 'selfie') {
      if (fixture.selfie === undefined) sendGrpcError(res, 404, 5, 'error getting selfie: rpc error: code = NotFound desc = selfie not found');
      else sendJson(res, 200, { fileContents: fixture.selfie === 'image/png' ? SELFIE_PNG_BASE64 : SELFIE_JPEG_BASE64, contentType: fixture.selfie });
    } else if (!fixture.evidenceSet) {
      sendGrpcError(res, 404, 5, 'error getting evidence set: rpc error: code = NotFound desc = evidence set not found');
    } else {
      sendJson(res, 200, { fileContents: evidenceSetPdf(fixture.id).toString('base64'), contentType: 'application/pdf' });
    }
  }

  /** A copy of `process` whose documents (array or object form of `services`) link to the emulator. */
  private withSignedUrls(processId: string, process: JsonObject): JsonObject {
    const copy = structuredClone(process);
    const services = copy.services;
    const holders: JsonValue[] = Array.isArray(services) ? services : isJsonObject(services) && isJsonObject(services.docs) ? [services.docs] : [];
    for (const holder of holders) {
      const documents = isJsonObject(holder) ? holder.documents : undefined;
      if (!Array.isArray(documents)) continue;
      for (const document of documents) {
        if (!isJsonObject(document)) continue;
        const docId = typeof document.doc_id === 'string' ? document.doc_id : 'document';
        document.signed_url = this.deps.signedUrls.create(processId, docId);
      }
    }
    return copy;
  }
}

/** The process ID in lower case, or undefined when it is not a UUID. */
function decodeId(segment: string): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return UUID.test(id) ? id.toLowerCase() : undefined;
}
