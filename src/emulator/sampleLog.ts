/**
 * A generator of realistic application logs full of process IDs, for the bench, the e2e tests and
 * the demo (`npm run sample-log`). Deterministic by seed: the same options give the same bytes.
 *
 * Plain and JSON lines with ISO timestamps and levels; API calls, webhook payloads in unico's
 * vocabulary (`processId`, `state`, `result: ok | invalid_identity | expired`), callbacks,
 * retries; IDs repeated (recent ones more often); Portuguese text with 2-, 3- and 4-byte UTF-8
 * characters before IDs on the same line; a share of IDs always logged in upper case; and near
 * misses that no UUID rule accepts (a hex digit glued to either end, 35 or 37 hex digits, a
 * non-hex letter, bare 32-hex trace IDs). Every near miss is rejected by both our scanner and a
 * `\b…\b` UUID regex, so counts from either agree on these logs.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { prng } from './prng';

export interface SampleLogOptions {
  /** Distinct process IDs (all of them appear at least once). Default 5000. */
  readonly ids?: number;
  /** Approximate size in bytes; without it the log ends once each ID appeared ~2.5 times on average. */
  readonly bytes?: number;
  /** PRNG seed. Default 1. */
  readonly seed?: number;
}

export interface SampleLogSummary {
  readonly bytes: number;
  readonly lines: number;
  /** Distinct IDs, lower case, in order of first appearance. */
  readonly ids: readonly string[];
  /** Every ID occurrence (the near misses are not IDs). */
  readonly occurrences: number;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "400M", "2G", "10K" (powers of 1024) or plain bytes; undefined when unreadable. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)B?$/i.exec(text.trim());
  const unit = UNITS[(m?.[2] ?? '').toUpperCase()];
  return m && unit !== undefined ? Math.round(Number(m[1]) * unit) : undefined;
}


const FLOWS = ['idunicodocs', 'idcheck', 'idlive', 'idtoken', 'idsmart', 'idage'];
const WEBHOOK_RESULTS = ['ok', 'ok', 'ok', 'invalid_identity', 'expired'];
const USERS = ['João', 'Márcia', 'Conceição', 'Açucena', 'Estêvão', 'Inês'];
/** Text before an ID on the same line: 2-byte (ã, ç, é), 3-byte (→, —, €) and 4-byte (emoji) characters. */
const UNICODE_LEADS = ['usuário concluiu a jornada →', 'verificação pendente — ação manual:', 'cobrança €0,00 processo', '✅ aprovado 😀', 'situação: análise 🔎 id'];
const LEVELS = ['INFO ', 'INFO ', 'INFO ', 'DEBUG', 'WARN ', 'ERROR'];
const SERVICES = ['api', 'webhook', 'worker', 'onboarding'];
/** The share of lines that carry a process ID. */
const ID_LINE_SHARE = 0.34;

/** Lines as chunks of text, then the summary. */
export function* sampleLogChunks(options: SampleLogOptions = {}): Generator<string, SampleLogSummary> {
  const distinct = Math.max(0, Math.floor(options.ids ?? 5000));
  const random = prng(options.seed ?? 1);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const hex = (n: number): string => {
    let s = '';
    while (s.length < n) s += ((random() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

  const ids: string[] = [];
  const upper = new Set<string>();
  const seen = new Set<string>();
  const newId = (): string => {
    let id = uuid();
    while (seen.has(id)) id = uuid();
    seen.add(id);
    ids.push(id);
    if (random() < 0.05) upper.add(id); // a service that logs IDs in upper case, always
    return id;
  };
  /** A repeat: mostly one of the last hundred, sometimes any. */
  const repeat = (): string => (random() < 0.7 ? ids[ids.length - 1 - int(Math.min(100, ids.length))] : ids[int(ids.length)]) as string;
  const form = (id: string): string => (upper.has(id) ? id.toUpperCase() : id);

  const nearMiss = (): string => {
    const id = uuid();
    switch (int(5)) {
      case 0: return `checksum=${hex(1)}${id}`; // a hex digit glued before
      case 1: return `blob ${id}${hex(1)} end`; // …or after
      case 2: return `ref=${id.slice(0, 35)} truncated`; // 35 characters
      case 3: return `key ${id.slice(0, 9)}g${id.slice(10)} invalid`; // a non-hex letter
      default: return `trace=${hex(32)}`;
    }
  };

  const withId = (id: string, t: string): string => {
    const flow = pick(FLOWS);
    switch (int(9)) {
      case 0: return `${t} INFO  api     idcloud process created processId=${form(id)} flow=${flow}`;
      case 1: return `{"time":"${t}","level":"info","msg":"webhook received","payload":{"processId":"${form(id)}","state":"PROCESS_STATE_FINISHED","result":"${pick(WEBHOOK_RESULTS)}","flow":"${flow}"}}`;
      case 2: return `${t} DEBUG api     GET https://api.idcloud.uat.unico.app/client/v1/process/${form(id)} ${pick(['200', '200', '200', '404', '429'])} ${10 + int(400)}ms`;
      case 3: return `${t} WARN  worker  retrying lookup of '${form(id)}' after 429 (attempt ${1 + int(3)})`;
      case 4: return `${t} INFO  onboarding ${pick(USERS)}: ${pick(UNICODE_LEADS)} ${form(id)}`;
      case 5: return `{"ts":"${t}","level":"warn","service":"onboarding","user":"${pick(USERS)}","note":"${pick(UNICODE_LEADS)}","process_id":"${form(id)}"}`;
      case 6: return `${t} INFO  api     callback POST /idcloud/callback -> 200 (trace-${form(id)})`;
      case 7: return `${t} ERROR worker  process {${form(id)}} failed: upstream timeout after 30000ms`;
      default: return `${t} INFO  api     redirect https://journey.example.com/p/${form(id)}?utm=${hex(6)}`;
    }
  };
  const withoutId = (t: string): string => {
    switch (int(6)) {
      case 0: return `${t} DEBUG api     GET /health 200 bytes=${int(100_000)} trace=${hex(32)}`;
      case 1: return `${t} INFO  auth    token renewed expires_in=3600 tenant=t-${hex(6)} region=sa-east-1`;
      case 2: return `{"time":"${t}","level":"debug","msg":"heartbeat","worker":${int(8)},"queue":"idle-pool","lag_ms":${int(50)}}`;
      case 3: return `${t} ${pick(LEVELS)} ${pick(SERVICES)}  ${nearMiss()}`;
      case 4: return `${t} INFO  api     request-id=req_${hex(24)} span=${hex(16)} user-agent=lens/0.1.0 — ok`;
      default: return `${t} DEBUG worker  2026-11-30 batch ${int(1000)} of 1000 — ${int(100)}% done, ETA ${int(60)}s`;
    }
  };

  const targetOccurrences = Math.round(distinct * 2.5);
  let bytes = 0;
  let lines = 0;
  let occurrences = 0;
  let clock = Date.UTC(2026, 10, 30, 9, 0, 0);
  const done = (): boolean => ids.length >= distinct && (options.bytes === undefined ? occurrences >= targetOccurrences : bytes >= options.bytes);
  let chunk = '';
  while (!done()) {
    clock += int(400);
    const t = new Date(clock).toISOString();
    let line: string;
    if (distinct > 0 && random() < ID_LINE_SHARE) {
      // New IDs arrive at the rate that introduces them all by the end.
      const remainingNew = distinct - ids.length;
      const expectedIdLines = options.bytes === undefined
        ? targetOccurrences - occurrences
        : ((options.bytes - bytes) / (lines ? bytes / lines : 150)) * ID_LINE_SHARE;
      const introduce = ids.length === 0 || (remainingNew > 0 && random() < remainingNew / Math.max(1, expectedIdLines));
      line = withId(introduce ? newId() : repeat(), t);
      occurrences++;
    } else {
      line = withoutId(t);
    }
    line += lines % 7 === 3 ? '\r\n' : '\n'; // some CRLF, as logs copied from Windows hosts have
    lines++;
    bytes += Buffer.byteLength(line);
    chunk += line;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
  return { bytes, lines, ids, occurrences };
}

/** Writes the log to `path` (streamed, so any size) and returns its summary. */
export async function writeSampleLog(path: string, options: SampleLogOptions = {}): Promise<SampleLogSummary> {
  const out = createWriteStream(path);
  const chunks = sampleLogChunks(options);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let step = chunks.next();
  while (!step.done) {
    if (!out.write(step.value)) await once(out, 'drain');
    step = chunks.next();
  }
  out.end();
  await finished;
  return step.value;
}
