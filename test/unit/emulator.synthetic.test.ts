import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { capabilityRows, summarize, type Verdict } from '../../src/core/model';
import { parseProcessResponse } from '../../src/core/schema';
import { FAULT_IDS, FIXTURES, startEmulator, UNKNOWN_PROCESS_ID, type RunningEmulator } from '../../src/emulator';
import { anchorDay, fakeCpf, syntheticFixture } from '../../src/emulator/synthetic';
import { accessToken, getProcess } from './emulator.helpers';

const ANCHOR = Date.UTC(2026, 10, 30);
const DAY = 24 * 3600 * 1000;

/** `n` distinct well-formed UUIDs, the same on every run (a counter spread through the groups). */
function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const h = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
    const t = i.toString(16).padStart(12, '0');
    return `${h}-${t.slice(0, 4)}-4${t.slice(4, 7)}-8${t.slice(7, 10)}-${t.slice(10)}${h}00`;
  });
}

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON

describe('emulator: synthetic mode (pure)', () => {
  const all = ids(10_000);

  it('generates well-formed, distinct IDs for these tests', () => {
    assert.equal(new Set(all).size, all.length);
    for (const id of all.slice(0, 50)) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('is deterministic: the same ID gives the same body, and a known ID the same answer on every run', () => {
    for (const id of all.slice(0, 200)) assert.deepEqual(syntheticFixture(id, ANCHOR), syntheticFixture(id, ANCHOR));
    // Pinned: the body depends on the ID's bytes only (SHA-256), never on Math.random or the run.
    const pinned = syntheticFixture('53060f52-f146-4c12-a234-000000000001', ANCHOR);
    assert.ok(pinned);
    const p: Body = pinned.process;
    assert.deepEqual([p.state, p.result, p.flow, p.person?.duiValue, p.createdAt], PINNED);
  });

  it('answers a sane mix over 10,000 IDs', () => {
    const verdicts = new Map<Verdict | 'notFound', number>();
    const flows = new Set<string>();
    for (const id of all) {
      const f = syntheticFixture(id, ANCHOR);
      const key = f ? summarize(parseProcessResponse({ process: f.process })).verdict : 'notFound';
      verdicts.set(key, (verdicts.get(key) ?? 0) + 1);
      if (typeof f?.process.flow === 'string') flows.add(f.process.flow);
    }
    const share = (v: Verdict | 'notFound'): number => (verdicts.get(v) ?? 0) / all.length;
    const within = (v: Verdict | 'notFound', lo: number, hi: number): void => {
      assert.ok(share(v) >= lo && share(v) <= hi, `${v}: ${share(v)} not in [${lo}, ${hi}]`);
    };
    within('notFound', 0.02, 0.04);
    within('ok', 0.5, 0.65);
    within('invalidIdentity', 0.08, 0.15);
    within('expired', 0.04, 0.09);
    within('error', 0.02, 0.06);
    within('pending', 0.06, 0.12); // created plus finished-unspecified
    within('awaitingDocument', 0.02, 0.06);
    within('failed', 0.03, 0.07);
    assert.deepEqual([...flows].sort(), ['idage', 'idcheck', 'idlive', 'idsmart', 'idtoken', 'idunicodocs']);
  });

  it('passes the real schema, with capabilities that agree with the result and times in the last 14 days', () => {
    for (const id of all.slice(0, 3000)) {
      const f = syntheticFixture(id, ANCHOR);
      if (!f) continue;
      const process = parseProcessResponse({ process: f.process });
      assert.equal(process.id, id);
      const { verdict, createdAt, finishedAt } = summarize(process);
      assert.ok(createdAt && createdAt.getTime() <= ANCHOR && createdAt.getTime() >= ANCHOR - 14 * DAY, id);
      if (finishedAt) assert.ok(createdAt.getTime() < finishedAt.getTime(), id);
      const outcomes = capabilityRows(process).map((r) => r.outcome);
      if (verdict === 'invalidIdentity') assert.ok(outcomes.includes('negative'), `${id}: invalid identity with no negative capability`);
      if (verdict === 'ok') assert.ok(!outcomes.includes('negative'), `${id}: OK with a negative capability`);
      if (verdict === 'ok') assert.ok(outcomes.includes('positive'), `${id}: OK with no positive capability`);
      if (['expired', 'pending', 'awaitingDocument', 'failed'].includes(verdict)) {
        assert.ok(outcomes.every((o) => o === 'notUsed' || o === 'info'), `${id}: ${verdict} with a capability result`);
        assert.equal(f.evidenceSet, false);
      }
    }
  });

  it('uses only obviously fake people: CPFs 000… with valid check digits, names with Exemplo/Fictício/…', () => {
    const valid = (cpf: string): boolean => [9, 10].every((n) => {
      const sum = Array.from(cpf.slice(0, n), Number).reduce((s, d, i) => s + d * (n + 1 - i), 0);
      return ((sum * 10) % 11) % 10 === Number(cpf[n]);
    });
    for (const id of all.slice(0, 500)) {
      const person = syntheticFixture(id, ANCHOR)?.process.person as { duiValue: string; friendlyName: string } | undefined;
      if (!person?.duiValue) continue;
      assert.match(person.duiValue, /^000\d{8}$/);
      assert.ok(valid(person.duiValue), person.duiValue);
      assert.match(person.friendlyName, /Exemplo|Fictício|Teste|Demonstração|Emulado|Simulado/);
    }
    let seed = 0;
    assert.equal(fakeCpf(() => (seed = (seed + 0.37) % 1)).length, 11);
  });

  it('anchors at the start of the UTC day', () => {
    assert.equal(anchorDay(ANCHOR + 13 * 3600 * 1000 + 5), ANCHOR);
  });
});

describe('emulator: synthetic mode (served)', () => {
  let plain: RunningEmulator;
  let synthetic: RunningEmulator;
  let agent: Agent;
  const tokens = new Map<RunningEmulator, string>();
  const get = (em: RunningEmulator, id: string, suffix = ''): ReturnType<typeof getProcess> => getProcess(agent, em, id, tokens.get(em), suffix);
  before(async () => {
    [plain, synthetic] = await Promise.all([startEmulator({ now: () => ANCHOR }), startEmulator({ now: () => ANCHOR, synthetic: true })]);
    agent = new Agent();
    for (const em of [plain, synthetic]) tokens.set(em, await accessToken(agent, em, ANCHOR));
  });
  after(async () => {
    await agent.close();
    await Promise.all([plain.close(), synthetic.close()]);
  });

  it('resolves an ID outside the catalogue only in synthetic mode, with the pure body', async () => {
    const id = ids(50).find((i) => syntheticFixture(i, ANCHOR)?.process.state === 'PROCESS_STATE_FINISHED') ?? '';
    assert.equal((await get(plain, id)).status, 404);
    const reply = await get(synthetic, id);
    assert.equal(reply.status, 200);
    const body = reply.json() as { process: Body };
    for (const service of (body.process.services ?? []) as Body[]) for (const d of service.documents as Body[]) d.signed_url = '';
    assert.deepEqual(body.process, syntheticFixture(id, ANCHOR)?.process);
  });

  it('answers 404 for the synthetic not-found share and for UNKNOWN_PROCESS_ID', async () => {
    const missing = ids(200).find((i) => syntheticFixture(i, ANCHOR) === undefined) ?? '';
    assert.equal((await get(synthetic, missing)).status, 404);
    assert.equal((await get(synthetic, UNKNOWN_PROCESS_ID)).status, 404);
  });

  it('leaves the catalogue and the fault IDs as they are', async () => {
    for (const { id } of FIXTURES) {
      const [a, b] = await Promise.all([get(plain, id), get(synthetic, id)]);
      assert.equal(b.status, a.status, id);
      assert.equal(b.json().process.state, a.json().process.state, id);
      assert.equal(b.json().process.createdAt, a.json().process.createdAt, id);
    }
    assert.equal((await get(synthetic, FAULT_IDS.serverError)).status, 500);
    assert.equal((await get(synthetic, FAULT_IDS.rateLimitedNoRetryAfter)).status, 429);
  });

  it('serves a selfie and an evidence set only for finished, usable synthetic processes', async () => {
    const sample = ids(300).map((id) => ({ id, f: syntheticFixture(id, ANCHOR) }));
    const withSelfie = sample.find((s) => s.f?.selfie !== undefined);
    const expired = sample.find((s) => s.f?.process.result === 'PROCESS_RESULT_EXPIRED');
    assert.ok(withSelfie && expired);
    assert.equal((await get(synthetic, withSelfie.id, '/selfie')).status, 200);
    assert.equal((await get(synthetic, withSelfie.id, '/evidenceset')).status, 200);
    assert.equal((await get(synthetic, expired.id, '/selfie')).status, 404);
  });
});

const PINNED: readonly unknown[] = ['PROCESS_STATE_FINISHED', 'PROCESS_RESULT_ERROR', 'idlive', '00001176501', '2026-11-17T17:32:43.235Z'];
