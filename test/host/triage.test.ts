// Resolve All and the triage view in the real extension host, against the Local emulator profile:
// the counts by verdict of a fixture log, cancel keeping what was fetched, a second run fetching
// only the rest, and the CSV export of the filtered table.
import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { countBuckets, DEFAULT_QUERY } from '../../src/core/triageTable';
import { findProcessIdsIn } from '../../src/editor/ids/findInFile';
import type { Lookups } from '../../src/editor/services';
import type { TriageService } from '../../src/editor/triage';
import { exportText } from '../../src/editor/triage/export';
import { RowBuilder } from '../../src/editor/triage/rows';
import { EXTENSION_ID } from './api';

const FIXTURE = path.resolve(__dirname, '../../test/fixtures/triage/onboarding.log');

interface TriageApi {
  readonly lookups: Lookups;
  /** Built on first use (dist/features/triage.js). */
  triage(): Promise<TriageService>;
}

async function activate(): Promise<TriageApi> {
  const ext = vscode.extensions.getExtension<TriageApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.equal(typeof api.triage, 'function', 'activate() does not return the triage loader');
  return api;
}

describe('Resolve All', function () {
  this.timeout(60_000);
  let api: TriageApi;
  let dir: string;

  before(async () => {
    api = await activate();
    assert.equal(api.lookups.activeProfile().kind, 'emulator');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-triage-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('looks up every distinct ID of a log and counts the verdicts the emulator fixtures have', async () => {
    const file = path.join(dir, 'onboarding.log');
    fs.copyFileSync(FIXTURE, file);
    const uri = vscode.Uri.file(file);
    const summary = await vscode.commands.executeCommand<{ settled: number; total: number; cancelled: boolean }>('idcloud.resolveAll', uri);
    assert.deepEqual({ settled: summary.settled, total: summary.total, cancelled: summary.cancelled }, { settled: 13, total: 13, cancelled: false });
    const triage = await api.triage();
    const session = triage.sessionOf(uri);
    assert.ok(session);
    assert.ok(triage.viewOf(session), 'the triage view is open');
    const rows = new RowBuilder('en', false).rows(session);
    assert.deepEqual(countBuckets(rows), { ok: 3, invalidIdentity: 3, expired: 1, pending: 2, notFound: 2, error: 2, unresolved: 0 });
    const c805 = rows.find((r) => r.id === 'c805fbe8-8c64-4080-a67b-8ce2add47a51');
    assert.deepEqual([c805?.occurrences, c805?.line, c805?.flow], [3, 1, 'idunicodocs']);
    assert.ok(c805?.person && !c805.person.includes('Ana') && /^A\*+/.test(c805.person), `the name is masked: ${c805?.person ?? ''}`);

    const { text, rows: exported } = exportText(session, { ...DEFAULT_QUERY, bucket: 'invalidIdentity', sort: 'id' }, 'csv', false);
    assert.equal(exported, 3);
    assert.ok(text.startsWith('\uFEFFid,verdict,bucket,'), 'BOM and header');
    const lines = text.slice(1).trimEnd().split('\r\n');
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), [
      '3c21fcf7-b8b3-428c-9fe3-d38c3b8e0dbe', '6ec14f84-e434-40b8-adec-25e919d9df1b', 'aec0c9f8-2dae-48b5-95d2-eebd14c00e47',
    ]);
  });

  it('cancel keeps what was fetched, and the second run fetches only the rest', async () => {
    // IDs no cache has seen: each is a real request (the emulator answers 404 outside its catalogue).
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const file = path.join(dir, 'unknown.log');
    fs.writeFileSync(file, ids.map((id, i) => `line ${i} process=${id}\n`).join(''));
    const uri = vscode.Uri.file(file);
    const scan = await findProcessIdsIn(uri);
    assert.equal(scan?.ids.length, 40);
    const triage = await api.triage();
    const session = triage.sessionFor(uri);
    session.setSites(scan?.ids ?? []);

    const first: string[] = [];
    const controller = new AbortController();
    const listener = session.onDidChange((changed) => {
      first.push(...(changed ?? []));
      if (first.length === 5) controller.abort();
    });
    const run1 = await triage.resolve(session, { signal: controller.signal });
    listener.dispose();
    assert.equal(run1?.cancelled, true);
    const kept = ids.filter((id) => session.outcome(id) !== undefined);
    assert.ok(kept.length >= 5 && kept.length < 40, `kept ${kept.length} of 40`);
    assert.deepEqual(new Set(kept), new Set(first), 'every outcome reported is kept');
    assert.deepEqual(session.remaining().sort(), ids.filter((id) => !kept.includes(id)).sort());

    const second: string[] = [];
    const listener2 = session.onDidChange((changed) => { second.push(...(changed ?? [])); });
    const run2 = await triage.resolve(session);
    listener2.dispose();
    assert.equal(run2?.cancelled, false);
    assert.deepEqual(second.sort(), ids.filter((id) => !kept.includes(id)).sort(), 'the second run fetched exactly the rest');
    assert.equal(run2?.settled, 40);
    assert.deepEqual(session.remaining(), []);
    const rows = new RowBuilder('en', false).rows(session);
    assert.equal(countBuckets(rows).notFound, 40);
  });
});
