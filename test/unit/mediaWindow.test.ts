import * as assert from 'node:assert/strict';
import { mediaAbsence } from '../../src/core/mediaWindow';

describe('mediaAbsence: why unico has no selfie or evidence set', () => {
  const finishedAt = '2024-01-01T10:00:00Z';
  const t = Date.parse(finishedAt);
  const finished = { flow: 'idunicosign', state: 'PROCESS_STATE_FINISHED', finishedAt };

  it('no selfie for Smart Revalidation, whatever the time', () => {
    assert.deepEqual(mediaAbsence('selfie', { ...finished, flow: 'idsmart' }, t), { reason: 'smartRevalidation' });
    assert.equal(mediaAbsence('evidenceSet', { ...finished, flow: 'idsmart' }, t).reason, 'undocumented');
  });

  it('nothing before the process finishes', () => {
    assert.deepEqual(mediaAbsence('evidenceSet', { state: 'PROCESS_STATE_CREATED' }, t), { reason: 'notFinished' });
    assert.deepEqual(mediaAbsence('selfie', { state: 'AWAITING_FOR_DOCUMENT' }, t), { reason: 'notFinished' });
  });

  it('the selfie for 8 hours and the evidence set for 2 hours after the process', () => {
    assert.equal(mediaAbsence('selfie', finished, t + 8 * 3_600_000).reason, 'undocumented');
    assert.deepEqual(mediaAbsence('selfie', finished, t + 8 * 3_600_000 + 1), { reason: 'windowPassed', hours: 8, finishedAt: new Date(finishedAt) });
    assert.equal(mediaAbsence('evidenceSet', finished, t + 2 * 3_600_000).reason, 'undocumented');
    assert.equal(mediaAbsence('evidenceSet', finished, t + 2 * 3_600_000 + 1).reason, 'windowPassed');
  });

  it('a 404 inside the window is not explained by anything unico documents', () => {
    assert.deepEqual(mediaAbsence('selfie', finished, t + 60_000), { reason: 'undocumented', hours: 8 });
    assert.deepEqual(mediaAbsence('selfie', { ...finished, finishedAt: undefined }, t), { reason: 'undocumented', hours: 8 });
  });
});
