/**
 * Synthetic mode: any well-formed UUID outside the catalogue resolves, deterministically from its
 * bytes, to a realistic process, so a log of thousands of IDs can be triaged against the emulator.
 *
 * The same ID always gives the same body for the same anchor day (the UTC day the emulator
 * started): SHA-256 of the lower-case ID seeds a small PRNG, and every choice below draws from it.
 * Shares (of all IDs): ~3% answer 404; of the rest ~85% finished (OK ~70%, invalid identity ~14%,
 * expired ~8%, error ~5%, unspecified ~3%), ~6% created, ~4% awaiting a document, ~5% failed.
 * Capability results agree with the result (an invalid identity has a capability that says so;
 * an expired or unfinished process has every capability unspecified). People are obviously
 * fake: names with "Exemplo" or "Fictício", CPFs 000.xxx.xxx-dd with valid check digits.
 */
import { createHash } from 'node:crypto';
import {
  authenticationInfo, capturedDocument, cnhData, envelope, person, processBody, rgData,
  type Capabilities, type Fixture, type Person,
} from './fixtureParts';
import type { JsonObject, JsonValue } from './jwt';
import { prng } from './prng';

const DAY_MS = 24 * 3600 * 1000;
/** Created times fall in the 14 days before the anchor day; unfinished ones in the last 2. */
const SPREAD_DAYS = 14;

/** The start (00:00 UTC) of the day that contains `ms`: the anchor of every synthetic time. */
export function anchorDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** mulberry32 seeded from the first 4 bytes of SHA-256(id). */
function randomFor(id: string): () => number {
  return prng(createHash('sha256').update(id).digest().readUInt32LE(0));
}

/** Picks a key by weight (weights need not sum to 1). */
function weighted<K extends string>(random: () => number, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

const STATES = { finished: 85, created: 6, awaiting: 4, failed: 5 } as const;
const RESULTS = { OK: 70, INVALID_IDENTITY: 14, EXPIRED: 8, ERROR: 5, UNSPECIFIED: 3 } as const;
type Result = keyof typeof RESULTS;
export const NOT_FOUND_SHARE = 0.03;

interface Flow {
  readonly name: string;
  readonly capacities: readonly string[];
  readonly weight: number;
  readonly purpose?: string;
  readonly useCase?: string;
}
const FLOWS: readonly Flow[] = [
  { name: 'idunicodocs', capacities: ['IDLIVE', 'IDUNICO', 'IDDOCS'], weight: 35 },
  { name: 'idcheck', capacities: ['IDLIVE', 'IDUNICO', 'IDCHECK'], weight: 25 },
  { name: 'idlive', capacities: ['IDLIVE'], weight: 15 },
  { name: 'idtoken', capacities: ['IDLIVE', 'IDTOKEN'], weight: 10 },
  { name: 'idsmart', capacities: ['IDSMART'], weight: 8, useCase: 'USE_CASE_LOGIN' },
  { name: 'idage', capacities: ['IDLIVE', 'IDAGE'], weight: 7, purpose: 'ageverification' },
];

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Eva', 'Fábio', 'Gabriela', 'Heitor', 'Íris', 'João', 'Larissa', 'Márcio', 'Nair', 'Otávio', 'Paula', 'Renato', 'Sílvia', 'Tiago'];
const LAST = ['Exemplo', 'Fictício', 'Teste', 'Demonstração', 'Emulado', 'Simulado'];
const CHANNELS = ['WHATSAPP', 'SMS', 'EMAIL'];

/** A CPF 000.xxx.xxx-dd from 6 random digits, with valid check digits: well-formed, obviously fake. */
export function fakeCpf(random: () => number): string {
  const digits = [0, 0, 0, ...Array.from({ length: 6 }, () => Math.floor(random() * 10))];
  for (const length of [9, 10]) {
    const sum = digits.slice(0, length).reduce((s, d, i) => s + d * (length + 1 - i), 0);
    const check = (sum * 10) % 11;
    digits.push(check === 10 ? 0 : check);
  }
  return digits.join('');
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: () => number, lo: number, hi: number): number => lo + random() * (hi - lo);
const hex = (random: () => number, n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');

/** Capability results that agree with `result` for `flow` (see the module comment). */
function capabilities(random: () => number, flow: Flow, result: Result): Capabilities {
  if (result === 'EXPIRED' || result === 'UNSPECIFIED') return {};
  if (result === 'ERROR') return flow.capacities.includes('IDUNICO') ? { liveness: 'LIVE', serpro: -2 } : { liveness: 'LIVE' };
  const ok = result === 'OK';
  switch (flow.name) {
    case 'idlive': return { liveness: ok ? 'LIVE' : 'NOT_LIVE' };
    case 'idtoken': return ok ? { liveness: 'LIVE', bioToken: 'POSITIVE' } : pick(random, [{ liveness: 'NOT_LIVE' }, { liveness: 'LIVE', bioToken: 'NEGATIVE' }]);
    case 'idsmart': return { smartRevalidation: ok ? 'POSITIVE' : 'NEGATIVE' };
    case 'idage': return ok ? { liveness: 'LIVE', idAge: 'POSITIVE' } : pick(random, [{ liveness: 'NOT_LIVE' }, { liveness: 'LIVE', idAge: 'NEGATIVE' }]);
    default: break;
  }
  const serpro = Math.round(between(random, ok ? 80 : 5, ok ? 99.9 : 60) * 10) / 10;
  const scored = flow.name === 'idcheck';
  if (ok) {
    if (scored && random() < 0.3) return { liveness: 'LIVE', authentication: 'INCONCLUSIVE', fraudsters: 'INCONCLUSIVE', scoreEnabled: 'TRUE', score: Math.round(between(random, 50, 100)), serpro };
    return { liveness: 'LIVE', authentication: 'POSITIVE', scoreEnabled: scored ? 'TRUE' : 'FALSE', serpro };
  }
  const kind = random();
  if (kind < 0.3) return { liveness: 'NOT_LIVE' };
  if (kind < 0.6 || !scored) return { liveness: 'LIVE', authentication: 'NEGATIVE', scoreEnabled: scored ? 'TRUE' : 'FALSE', serpro };
  return { liveness: 'LIVE', authentication: 'INCONCLUSIVE', fraudsters: 'YES', scoreEnabled: 'TRUE', score: -Math.round(between(random, 50, 100)), serpro };
}

function documents(random: () => number, id: string, who: Person, result: Result): JsonValue {
  const docId = `doc-${hex(random, 8)}`;
  const checks = result === 'INVALID_IDENTITY' && random() < 0.5 ? { faceMatch: false, validateDoc: false } : {};
  const doc = random() < 0.6
    ? capturedDocument(docId, 'CNH', cnhData(who, String(Math.floor(between(random, 1e10, 1e11)))), checks)
    : capturedDocument(docId, 'RG', rgData(who, String(Math.floor(between(random, 1e8, 1e9)))), checks);
  return [envelope(`${id.slice(0, 8)}-0000-4000-8000-${hex(random, 12)}`, [doc])];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The synthetic process for `id` (lower case), or undefined for the ~3% that answer 404.
 * `anchor` is the start of the day times are spread back from (see anchorDay).
 */
export function syntheticFixture(id: string, anchor: number): Fixture | undefined {
  const random = randomFor(id);
  if (random() < NOT_FOUND_SHARE) return undefined;
  const state = weighted(random, STATES);
  const chosen = weightedFlow(random);
  const who: Person = { cpf: fakeCpf(random), name: `${pick(random, FIRST)} ${pick(random, LAST)} ${pick(random, LAST)}`, channel: pick(random, CHANNELS) };
  const unfinished = state === 'created' || state === 'awaiting';
  const createdAt = anchor - Math.floor(random() * (unfinished ? 2 : SPREAD_DAYS) * DAY_MS);
  const expiresAt = createdAt + 7 * DAY_MS;
  const title = 'Synthetic process';
  const description = 'Generated from the ID by the emulator\'s synthetic mode.';
  if (state === 'failed') {
    const process: JsonObject = { id, flow: chosen.name, state: 'PROCESS_STATE_FAILED', result: 'PROCESS_RESULT_UNSPECIFIED', createdAt: iso(createdAt), expiresAt: iso(expiresAt) };
    return { id, title, description, process, selfie: undefined, evidenceSet: false };
  }
  const result: Result = unfinished ? 'UNSPECIFIED' : weighted(random, RESULTS);
  const caps = unfinished ? {} : capabilities(random, chosen, result);
  const usable = !unfinished && (result === 'OK' || result === 'INVALID_IDENTITY' || result === 'ERROR');
  const finishedAt = result === 'EXPIRED' ? expiresAt : createdAt + Math.floor(between(random, 40, 900) * 1000);
  const process = processBody({
    id,
    flow: chosen.name,
    state: state === 'created' ? 'PROCESS_STATE_CREATED' : state === 'awaiting' ? 'AWAITING_FOR_DOCUMENT' : 'PROCESS_STATE_FINISHED',
    result: `PROCESS_RESULT_${result}`,
    createdAt: iso(createdAt),
    ...(unfinished ? {} : { finishedAt: iso(finishedAt) }),
    expiresAt: iso(expiresAt),
    capacities: chosen.capacities.map((c) => `PROCESS_CAPACITY_${c}`),
    person: state === 'awaiting' ? { duiType: 'DUI_TYPE_UNSPECIFIED', duiValue: '', friendlyName: '', notifications: [] } : person(who),
    auth: authenticationInfo(`auth-${id.slice(0, 8)}`, caps),
    services: usable && chosen.name === 'idunicodocs' ? documents(random, id, who, result) : [],
    ...(chosen.purpose === undefined ? {} : { purpose: chosen.purpose }),
    ...(chosen.useCase === undefined ? {} : { useCase: chosen.useCase }),
  });
  const selfie = usable && chosen.name !== 'idsmart' ? 'image/jpeg' : undefined;
  return { id, title, description, process, selfie, evidenceSet: usable };
}

function weightedFlow(random: () => number): Flow {
  const total = FLOWS.reduce((sum, f) => sum + f.weight, 0);
  let x = random() * total;
  for (const flow of FLOWS) {
    x -= flow.weight;
    if (x < 0) return flow;
  }
  return FLOWS[0] as Flow;
}
