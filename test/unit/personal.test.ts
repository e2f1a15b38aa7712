import assert from 'node:assert/strict';
import { documentRows } from '../../src/core/model';
import { maskValue } from '../../src/core/mask';
import { parseProcessResponse } from '../../src/core/schema';
import { maskJson, personalValues } from '../../src/editor/panel/personal';
import { REFERENCE_EXAMPLE } from '../../src/emulator/reference';

const REFERENCE_BODY = { process: REFERENCE_EXAMPLE };

describe('raw JSON masking (panel, Open Raw JSON)', () => {
  const process = parseProcessResponse(REFERENCE_BODY);
  const secrets = personalValues(process, documentRows(process));
  const masked = JSON.stringify(maskJson(REFERENCE_BODY, secrets, maskValue));

  it('hides the person, the personal OCR fields, the SDK token and the pre-signed document URL', () => {
    for (const hidden of ['12345678909', 'Luke Skywalker', '044589731564', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...', 'https://example.com/doc?token=xyz']) {
      assert.ok(!masked.includes(hidden), `${hidden} is still visible`);
    }
  });

  it('keeps what is not personal', () => {
    for (const shown of ['53060f52-f146-4c12-a234-5bb5031f6f5b', 'idunicosign', 'PROCESS_RESULT_OK', 'LIVENESS_RESULT_LIVE', 'DUI_TYPE_BR_CPF']) {
      assert.ok(masked.includes(shown), `${shown} was masked`);
    }
  });
});
