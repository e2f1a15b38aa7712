import * as assert from 'node:assert/strict';
import { isIdCloudError, UnexpectedResponseError } from '../../src/core/errors';
import { parseErrorBody, parseMediaResponse, parseProcess, parseProcessResponse, parseTokenErrorBody, parseTokenResponse } from '../../src/core/schema';

/** unico's Get Process example response, verbatim from the reference. */
const REFERENCE = `{
"process": {
"id": "53060f52-f146-4c12-a234-5bb5031f6f5b",
"flow": "idunicosign",
"callbackUri": "https://example.com/callback",
"userRedirectUrl": "https://example.com/redirect",
"state": "PROCESS_STATE_FINISHED",
"result": "PROCESS_RESULT_OK",
"createdAt": "2024-01-01T10:00:00Z",
"finishedAt": "2024-01-01T10:15:00Z",
"expiresAt": "2024-01-08T10:00:00Z",
"purpose": "VERIFICATION",
"clientReference": "client-ref-abc",
"useCase": "smart_revalidation",
"capacities": ["liveness", "face_match"],
"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
"person": {
"duiType": "DUI_TYPE_BR_CPF",
"duiValue": "12345678909",
"friendlyName": "Luke Skywalker",
"notifications": [
{
"notificationChannel": "email"
}
]
},
"authenticationInfo": {
"authenticationId": "auth-123",
"livenessResult": "LIVENESS_RESULT_LIVE",
"authenticationResult": "AUTHENTICATION_RESULT_INCONCLUSIVE",
"identityFraudstersResult": "TRUST_RESULT_INCONCLUSIVE",
"bioTokenEngineResult": "BIO_TOKEN_ENGINE_RESULT_UNSPECIFIED",
"smartRevalidationResult": "SMART_REVALIDATION_RESULT_UNSPECIFIED",
"idAgeResult": "ID_AGE_RESULT_UNSPECIFIED",
"scoreEngineResult": {
"scoreEnabled": "SCORE_ENABLED_TRUE",
"score": 85.5
},
"serproResult": {
"score": 92
}
},
"companyData": {
"branchId": "branch-123",
"countryCode": "BR"
},
"bioTokenData": {
"referenceProcessId": "ref-proc-123",
"authenticationId": "auth-ref-123"
},
"services": [
{
"envelopeId": "4d4f3d90-04a3-4259-b63b-930ab10d2e47",
"documentIds": ["doc-abc-123"],
"consent_granted": true,
"documents": [
{
"doc_id": "doc-abc-123",
"typified": true,
"cpf_match": true,
"face_match": true,
"validate_doc": true,
"reused_doc": false,
"signed_url": "https://example.com/doc?token=xyz",
"doc": {
"version": 1,
"code": "CNH",
"data": {
"numero": "044589731564",
"cpfNumero": "12345678909",
"nomeCivil": "Luke Skywalker",
"dataNascimento": "1990-05-12T00:00:00Z",
"dataExpiracao": "2027-12-07T00:00:00Z",
"categoria": "B"
}
}
}
]
}
]
}
}`;

const ID = '53060f52-f146-4c12-a234-5bb5031f6f5b';

function reference(): { process: Record<string, unknown> } {
  return JSON.parse(REFERENCE) as { process: Record<string, unknown> };
}

/** Asserts that `fn` throws UnexpectedResponseError('schema', 200) and returns it. */
function schemaError(fn: () => unknown): UnexpectedResponseError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof UnexpectedResponseError, String(e));
    assert.ok(isIdCloudError(e));
    assert.equal(e.kind, 'unexpectedResponse');
    assert.equal(e.reason, 'schema');
    assert.equal(e.status, 200);
    return e;
  }
  assert.fail('expected a schema error');
}

describe('parseProcessResponse', () => {
  it('parses the reference example verbatim, every field typed', () => {
    const p = parseProcessResponse(JSON.parse(REFERENCE));
    assert.equal(p.id, ID);
    assert.equal(p.flow, 'idunicosign');
    assert.equal(p.state, 'PROCESS_STATE_FINISHED');
    assert.equal(p.result, 'PROCESS_RESULT_OK');
    assert.equal(p.createdAt, '2024-01-01T10:00:00Z');
    assert.equal(p.finishedAt, '2024-01-01T10:15:00Z');
    assert.equal(p.expiresAt, '2024-01-08T10:00:00Z');
    assert.deepEqual([p.callbackUri, p.userRedirectUrl, p.purpose, p.clientReference, p.useCase],
      ['https://example.com/callback', 'https://example.com/redirect', 'VERIFICATION', 'client-ref-abc', 'smart_revalidation']);
    assert.deepEqual(p.capacities, ['liveness', 'face_match']);
    assert.equal(p.token, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...');
    assert.equal(p.person?.duiType, 'DUI_TYPE_BR_CPF');
    assert.equal(p.person.duiValue, '12345678909');
    assert.equal(p.person.friendlyName, 'Luke Skywalker');
    assert.equal(p.person.notifications?.[0]?.notificationChannel, 'email');
    const a = p.authenticationInfo;
    assert.equal(a?.authenticationId, 'auth-123');
    assert.equal(a.livenessResult, 'LIVENESS_RESULT_LIVE');
    assert.equal(a.authenticationResult, 'AUTHENTICATION_RESULT_INCONCLUSIVE');
    assert.equal(a.identityFraudstersResult, 'TRUST_RESULT_INCONCLUSIVE');
    assert.equal(a.bioTokenEngineResult, 'BIO_TOKEN_ENGINE_RESULT_UNSPECIFIED');
    assert.equal(a.smartRevalidationResult, 'SMART_REVALIDATION_RESULT_UNSPECIFIED');
    assert.equal(a.idAgeResult, 'ID_AGE_RESULT_UNSPECIFIED');
    assert.equal(a.scoreEngineResult?.scoreEnabled, 'SCORE_ENABLED_TRUE');
    assert.equal(a.scoreEngineResult.score, 85.5);
    assert.equal(a.serproResult?.score, 92);
    assert.deepEqual([p.companyData?.branchId, p.companyData?.countryCode], ['branch-123', 'BR']);
    assert.deepEqual([p.bioTokenData?.referenceProcessId, p.bioTokenData?.authenticationId], ['ref-proc-123', 'auth-ref-123']);
    const s = p.services?.[0];
    assert.equal(s?.envelopeId, '4d4f3d90-04a3-4259-b63b-930ab10d2e47');
    assert.deepEqual(s.documentIds, ['doc-abc-123']);
    assert.equal(s.consent_granted, true);
    const d = s.documents?.[0];
    assert.deepEqual([d?.doc_id, d?.typified, d?.cpf_match, d?.face_match, d?.validate_doc, d?.reused_doc, d?.signed_url],
      ['doc-abc-123', true, true, true, true, false, 'https://example.com/doc?token=xyz']);
    assert.equal(d?.doc?.version, 1);
    assert.equal(d.doc.code, 'CNH');
    assert.deepEqual(d.doc.data, {
      numero: '044589731564', cpfNumero: '12345678909', nomeCivil: 'Luke Skywalker',
      dataNascimento: '1990-05-12T00:00:00Z', dataExpiracao: '2027-12-07T00:00:00Z', categoria: 'B',
    });
  });

  it('needs only the id; everything else may be absent', () => {
    const p = parseProcessResponse({ process: { id: ID } });
    assert.equal(p.id, ID);
    assert.equal(p.state, undefined);
    assert.equal(p.authenticationInfo, undefined);
    assert.equal(p.services, undefined);
  });

  it('keeps unknown enum values, AWAITING_FOR_DOCUMENT and the older values verbatim', () => {
    for (const state of ['AWAITING_FOR_DOCUMENT', 'PROCESS_STATE_PAUSED', 'PROCESS_STATE_CANCELED']) {
      assert.equal(parseProcessResponse({ process: { id: ID, state } }).state, state);
    }
    const body = reference();
    body.process.result = 'PROCESS_RESULT_SOMETHING_NEW';
    body.process.authenticationInfo = { livenessResult: 'LIVENESS_RESULT_MAYBE', scoreEngineResult: { scoreEnabled: 'SCORE_ENABLED_SOMETIMES' } };
    const p = parseProcessResponse(body);
    assert.equal(p.result, 'PROCESS_RESULT_SOMETHING_NEW');
    assert.equal(p.authenticationInfo?.livenessResult, 'LIVENESS_RESULT_MAYBE');
    assert.equal(p.authenticationInfo.scoreEngineResult?.scoreEnabled, 'SCORE_ENABLED_SOMETIMES');
  });

  it('keeps unknown extra fields at every level', () => {
    const body = reference();
    body.process.company = { code: 'x', friendlyName: 'ACME' };
    body.process.person = { duiType: 'DUI_TYPE_BR_CPF', duiValue: '1', phone: '5511999999999', email: 'a@example.com' };
    body.process.authenticationInfo = { faceWithOtherIdResult: 'FACE_WITH_OTHER_ID_RESULT_NO' };
    const p = parseProcessResponse(body);
    assert.deepEqual(p.company, { code: 'x', friendlyName: 'ACME' });
    assert.equal(p.person?.phone, '5511999999999');
    assert.equal(p.person.email, 'a@example.com');
    assert.equal(p.authenticationInfo?.faceWithOtherIdResult, 'FACE_WITH_OTHER_ID_RESULT_NO');
  });

  it('tolerates empty strings and nulls (null reads as absent)', () => {
    const p = parseProcessResponse({
      process: {
        id: ID, flow: '', state: '', result: '', token: '', createdAt: '', finishedAt: null, purpose: null,
        person: { duiType: '', duiValue: '', friendlyName: '', notifications: [null, { notificationChannel: '' }] },
        authenticationInfo: { livenessResult: '', scoreEngineResult: { scoreEnabled: '', score: '' }, serproResult: null },
        services: [{ envelopeId: '', documentIds: [], documents: [{ doc_id: '', signed_url: null, doc: { version: '', code: '', data: { a: null, b: '' } } }] }],
        capacities: null,
      },
    });
    assert.equal(p.flow, '');
    assert.equal(p.state, '');
    assert.equal(p.finishedAt, undefined);
    assert.equal('purpose' in p, false);
    assert.deepEqual(p.person?.notifications, [{ notificationChannel: '' }]);
    assert.equal(p.authenticationInfo?.scoreEngineResult?.score, undefined);
    assert.equal(p.authenticationInfo?.serproResult, undefined);
    assert.equal(p.services?.[0]?.documents?.[0]?.doc?.version, undefined);
    assert.deepEqual(p.services?.[0]?.documents?.[0]?.doc?.data, { b: '' });
    assert.equal(p.capacities, undefined);
  });

  it('coerces numbers sent as strings (score, version)', () => {
    const body = reference();
    body.process.authenticationInfo = { scoreEngineResult: { score: '-42.5' }, serproResult: { score: '-1' } };
    body.process.services = [{ documents: [{ doc: { version: ' 2 ' } }] }];
    const p = parseProcessResponse(body);
    assert.equal(p.authenticationInfo?.scoreEngineResult?.score, -42.5);
    assert.equal(p.authenticationInfo.serproResult?.score, -1);
    assert.equal(p.services?.[0]?.documents?.[0]?.doc?.version, 2);
  });

  it('normalises the object form of services to the array form', () => {
    const documents = [{ doc_id: 'd1', doc: { code: 'RG', version: 1, data: { nome: 'X' } } }];
    const p = parseProcessResponse({ process: { id: ID, services: { docs: { documents } } } });
    assert.deepEqual(p.services, [{ documents }]);
    const q = parseProcessResponse({ process: { id: ID, services: { envelopeId: 'e1', docs: { documents } } } });
    assert.deepEqual(q.services, [{ envelopeId: 'e1', documents }]);
    const empty = parseProcessResponse({ process: { id: ID, services: {} } });
    assert.deepEqual(empty.services, [{ documents: undefined }]);
  });

  it('throws a schema error for bodies that are not a process', () => {
    for (const body of [undefined, null, 'text', 42, [], {}, { process: null }, { process: {} }, { process: [] }, { data: { id: ID } }]) {
      schemaError(() => parseProcessResponse(body));
    }
  });

  it('fails only without a process or its id, naming the offending path in the detail, never the value', () => {
    const cases: [unknown, string][] = [
      [{ process: { id: 5 } }, 'process.id: expected string'],
      [{ process: { state: 'PROCESS_STATE_CREATED' } }, 'process.id: expected string'],
      [{ process: 'none' }, 'process: expected object'],
      [{}, 'process: expected object'],
    ];
    for (const [body, detail] of cases) {
      const e = schemaError(() => parseProcessResponse(body));
      assert.ok(e.detail.startsWith(detail), `${e.detail} should start with ${detail}`);
    }
  });

  it('keeps the process when a field or an array item has the wrong type, and reports what it left out', () => {
    const cases: [unknown, string, string][] = [
      [{ process: { id: ID, state: 7 } }, 'process.state', '7'],
      [{ process: { id: ID, capacities: 'liveness' } }, 'process.capacities', '"liveness"'],
      [{ process: { id: ID, person: { duiValue: 12345678909 } } }, 'process.person.duiValue', '12345678909'],
      [{ process: { id: ID, authenticationInfo: { scoreEngineResult: { score: 'high' } } } }, 'process.authenticationInfo.scoreEngineResult.score', '"high"'],
      [{ process: { id: ID, services: [{ documents: [{ cpf_match: 'yes' }] }] } }, 'process.services[0].documents[0].cpf_match', '"yes"'],
      [{ process: { id: ID, services: [{ consent_granted: 'true', envelopeId: 'e' }] } }, 'process.services[0].consent_granted', '"true"'],
      [{ process: { id: ID, services: [{ documents: [{}, { doc: { data: [] } }] }] } }, 'process.services[0].documents[1].doc.data', '[]'],
      [{ process: { id: ID, capacities: ['PROCESS_CAPACITY_IDLIVE', 3] } }, 'process.capacities[1]', '3'],
    ];
    for (const [body, path, raw] of cases) {
      const { process, unexpected } = parseProcess(body);
      assert.equal(process.id, ID);
      assert.deepEqual(unexpected.map((u) => ({ path: u.path, raw: u.raw })), [{ path, raw }], path);
    }
    const kept = parseProcess({ process: { id: ID, state: 'PROCESS_STATE_FINISHED', services: [{ consent_granted: 'true', envelopeId: 'e' }], capacities: ['A', 3, 'B'] } });
    assert.equal(kept.process.state, 'PROCESS_STATE_FINISHED');
    assert.deepEqual(kept.process.services, [{ envelopeId: 'e' }]);
    assert.deepEqual(kept.process.capacities, ['A', 'B']);
    assert.deepEqual(parseProcess(JSON.parse(REFERENCE)).unexpected, []);
  });

  it('leaves the body it was given untouched when it drops a value', () => {
    const body = { process: { id: ID, services: [{ consent_granted: 'true' }] } };
    parseProcess(body);
    assert.deepEqual(body, { process: { id: ID, services: [{ consent_granted: 'true' }] } });
  });

  it('keeps a size-capped copy of the body, with token values redacted', () => {
    const body = { process: { id: 5, token: 'eyJsecret', filler: 'x'.repeat(100_000) } };
    const e = schemaError(() => parseProcessResponse(body));
    assert.ok(e.body.startsWith('{"process":{"id":5,"token":"[redacted]"'), e.body.slice(0, 60));
    assert.ok(!e.body.includes('eyJsecret'));
    assert.equal(e.body.length, 16 * 1024);
  });
});

describe('parseMediaResponse', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 250]);
  const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('decodes base64 to bytes and keeps the declared content type in lower case', () => {
    const m = parseMediaResponse({ fileContents: jpeg.toString('base64'), contentType: ' Image/JPEG ' });
    assert.equal(m.contentType, 'image/jpeg');
    assert.ok(m.bytes instanceof Uint8Array);
    assert.deepEqual(Buffer.from(m.bytes), jpeg);
  });

  it('accepts line-wrapped, unpadded and URL-safe base64', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 37) % 256));
    const b64 = bytes.toString('base64');
    const wrapped = b64.replace(/.{60}/g, '$&\r\n');
    for (const fileContents of [wrapped, b64.replace(/=+$/, ''), bytes.toString('base64url')]) {
      assert.deepEqual(Buffer.from(parseMediaResponse({ fileContents, contentType: 'application/pdf' }).bytes), bytes);
    }
  });

  it('sniffs the type when it is missing or not a MIME type (evidence "x-pdf")', () => {
    assert.equal(parseMediaResponse({ fileContents: pdf.toString('base64'), contentType: 'x-pdf' }).contentType, 'application/pdf');
    assert.equal(parseMediaResponse({ fileContents: png.toString('base64') }).contentType, 'image/png');
    assert.equal(parseMediaResponse({ fileContents: jpeg.toString('base64'), contentType: '' }).contentType, 'image/jpeg');
    assert.equal(parseMediaResponse({ fileContents: 'AAAA', contentType: null }).contentType, 'application/octet-stream');
  });

  it('throws a schema error for a body without base64 file contents', () => {
    assert.equal(schemaError(() => parseMediaResponse(undefined)).detail, '(body): expected object');
    const bodies = [
      {}, { contentType: 'image/jpeg' }, { fileContents: 12 }, { fileContents: '' }, { fileContents: '  \n' },
      { fileContents: 'not base64!' }, { fileContents: 'A' }, { fileContents: 'ABCDE' }, { fileContents: 'AB=' }, { fileContents: 'A=BC' },
    ];
    for (const body of bodies) {
      const e = schemaError(() => parseMediaResponse(body));
      assert.match(e.detail, /fileContents/, JSON.stringify(body));
    }
  });
});

describe('parseErrorBody', () => {
  it('reads shape A { code, message, details } (grpc-gateway)', () => {
    assert.deepEqual(parseErrorBody('{"code":3,"message":"process id is invalid","details":[]}', 'application/json'),
      { code: 3, message: 'process id is invalid', details: [] });
    assert.deepEqual(parseErrorBody('{"code":5,"message":"error getting process: rpc error: code = NotFound desc = process not found"}'),
      { code: 5, message: 'error getting process: rpc error: code = NotFound desc = process not found' });
    assert.deepEqual(parseErrorBody('{"code":99999,"message":"Internal failure! Try again later","details":null}'),
      { code: 99999, message: 'Internal failure! Try again later' });
  });

  it('reads shape B { error: { code, description } } and shape C { error: { code, message } }', () => {
    assert.deepEqual(parseErrorBody('{"error":{"code":"0000","description":"no permission"}}', 'application/json; charset=utf-8'),
      { code: '0000', message: 'no permission' });
    assert.deepEqual(parseErrorBody('{"error":{"code":404,"message":"not found"}}'), { code: 404, message: 'not found' });
  });

  it("reads Envoy's text/plain 401 strings as the message", () => {
    for (const text of ['Jwt is expired', 'Jwt is missing', 'Jwt verification fails', 'Jwt header is an invalid JSON']) {
      assert.deepEqual(parseErrorBody(text, 'text/plain'), { message: text });
      assert.deepEqual(parseErrorBody(`${text}\n`), { message: text });
    }
  });

  it('never throws: empty, broken, odd or huge bodies', () => {
    assert.deepEqual(parseErrorBody(''), {});
    assert.deepEqual(parseErrorBody('  ', 'application/json'), {});
    assert.deepEqual(parseErrorBody('{"code":3,', 'application/json'), { message: '{"code":3,' });
    assert.deepEqual(parseErrorBody('<html>502 Bad Gateway</html>', 'text/html'), { message: '<html>502 Bad Gateway</html>' });
    assert.deepEqual(parseErrorBody('"quota exceeded"', 'application/json'), { message: 'quota exceeded' });
    assert.deepEqual(parseErrorBody('{"unexpected":true}'), {});
    assert.deepEqual(parseErrorBody('[1,2]', 'application/json'), {});
    assert.deepEqual(parseErrorBody('null', 'application/json'), {});
    assert.deepEqual(parseErrorBody('{"code":{"nested":1}}'), {});
    assert.equal(parseErrorBody('x'.repeat(5000)).message?.length, 1000);
  });
});

describe('parseTokenResponse', () => {
  it('reads access_token, expires_in (number or numeric string) and token_type', () => {
    assert.deepEqual(parseTokenResponse({ access_token: 'eyJ.a.b', expires_in: 3600, token_type: 'Bearer' }),
      { accessToken: 'eyJ.a.b', expiresIn: 3600, tokenType: 'Bearer' });
    assert.deepEqual(parseTokenResponse({ access_token: 'eyJ.a.b', expires_in: '3600' }), { accessToken: 'eyJ.a.b', expiresIn: 3600 });
  });

  it('throws a schema error, with the token redacted from the kept body', () => {
    const bodies = [
      undefined, 'eyJ.a.b', {}, { access_token: '', expires_in: 3600 }, { access_token: 'eyJ.secret.x' },
      { access_token: 'eyJ.secret.x', expires_in: 0 }, { access_token: 'eyJ.secret.x', expires_in: -5 },
      { access_token: 'eyJ.secret.x', expires_in: 'soon' }, { access_token: 'eyJ.secret.x', expires_in: '' },
      { access_token: 42, expires_in: 3600 },
    ];
    for (const body of bodies) {
      const e = schemaError(() => parseTokenResponse(body));
      assert.ok(!e.body.includes('secret') && !e.message.includes('secret'), e.body);
    }
    assert.match(schemaError(() => parseTokenResponse({ access_token: 'eyJ.secret.x', expires_in: -5 })).detail, /^expires_in: /);
  });
});

describe('parseTokenErrorBody', () => {
  it("extracts unico's 1.x.x code from the description", () => {
    assert.deepEqual(parseTokenErrorBody({ error: 'server_error', error_description: 'Falha na autenticação 1.2.7' }),
      { error: 'server_error', description: 'Falha na autenticação 1.2.7', unicoCode: '1.2.7' });
    assert.equal(parseTokenErrorBody({ error: 'invalid_grant', error_description: 'Falha na autenticação 1.0.14.' }).unicoCode, '1.0.14');
    assert.deepEqual(parseTokenErrorBody({ error: 'invalid_grant', error_description: 'assertion expired' }),
      { error: 'invalid_grant', description: 'assertion expired' });
  });

  it('reads a JSON or plain-text string body', () => {
    assert.equal(parseTokenErrorBody('{"error":"server_error","error_description":"Falha na autenticação 1.2.22"}').unicoCode, '1.2.22');
    assert.deepEqual(parseTokenErrorBody('Falha na autenticação 1.2.5'), { description: 'Falha na autenticação 1.2.5', unicoCode: '1.2.5' });
  });

  it('never throws', () => {
    for (const body of [undefined, null, 42, [], '', '   ', { error: 5 }, { error_description: ['x'] }]) assert.deepEqual(parseTokenErrorBody(body), {});
  });
});
