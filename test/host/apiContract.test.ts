// unico's API contract in the real extension host: the built-in "Local emulator (API contract)"
// profile looks processes up through the lookup service (GET /processes/v1 with the emulator's
// APIKEY), the API schema reads every answer, and the surfaces show unico's meanings. A custom
// API-contract profile on an emulator the test owns needs its APIKEY from SecretStorage, and a
// missing or wrong one gets its own message.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { summarizeFetched } from '../../src/core/fetched';
import type { FetchedProcess } from '../../src/core/types';
import { presentError } from '../../src/editor/errorMessages';
import { hoverMarkdown } from '../../src/editor/ids/summaryText';
import { buildViewModel } from '../../src/editor/panel/viewModel';
import { API_FIXTURES, API_REFERENCE_EXAMPLE_ID, REFERENCE_EXAMPLE_ID, type RunningEmulator } from '../../src/emulator';
import { extensionApi } from './api';
import { emulatorProfile, profileOf, serviceAccount, setCustomProfiles, storeCredentials } from './profileFixtures';
import { pid } from '../unit/pid.helpers';

const PROFILE = 'emulator-api';
const ref = (id: string, profileId = PROFILE) => ({ id: pid(id), profileId });

describe('API contract', function () {
  this.timeout(60_000);

  it('looks up every API-contract fixture on the built-in emulator profile, no credentials needed', async () => {
    const api = await extensionApi();
    assert.equal(profileOf(api, PROFILE).contract, 'api');
    assert.ok(await api.lookups.hasCredentials(PROFILE));
    const expected: Record<string, string> = {
      [API_REFERENCE_EXAMPLE_ID]: 'ok', '2a68e9a7-2f06-4e9b-ae54-4a61c354b5ed': 'pending', '00f98bdd-6d51-438f-bb5a-35dedd7dc709': 'pending',
      'dc72b061-eac9-49b6-8f2d-4f485ccb788e': 'invalidIdentity', 'ae671084-a844-4a53-8258-09e852e48312': 'ok', 'b45364a2-d956-4171-bd28-0efd583b9dfd': 'invalidIdentity',
      'a831ae93-6496-4469-98fb-7e0e53b97e44': 'canceled', 'd687ba9d-0acf-4f2d-8262-1cb6fac980f0': 'error', '46962d7e-9f87-47be-a7f9-3cd600b75839': 'unknown',
    };
    assert.equal(Object.keys(expected).length, API_FIXTURES.length);
    for (const f of API_FIXTURES) {
      const fetched = await api.lookups.get(ref(f.id), { force: true });
      assert.equal(fetched.contract, 'api', f.title);
      assert.equal(fetched.process.id, f.id);
      assert.deepStrictEqual(JSON.parse(fetched.rawJson), f.body, f.title);
      assert.equal(summarizeFetched(fetched).verdict, expected[f.id], f.title);
    }
  });

  it('a Web & SDK process ID is not found on the API contract', async () => {
    const api = await extensionApi();
    await assert.rejects(api.lookups.get(ref(REFERENCE_EXAMPLE_ID), { force: true }), (e: { kind?: string }) => e.kind === 'notFound');
  });

  it('the panel and the hover show the status, liveness and identity with unico\'s meanings', async () => {
    const api = await extensionApi();
    const fetched = await api.lookups.get(ref(API_REFERENCE_EXAMPLE_ID));
    const view = buildViewModel({
      ref: ref(API_REFERENCE_EXAMPLE_ID), profile: profileOf(api, PROFILE), fetched, revealed: false, loading: false, error: undefined,
      media: { selfie: { status: 'idle' }, evidenceSet: { status: 'idle' } },
    });
    assert.equal(view.banner.verdict, 'ok');
    const status = view.process?.groups.flatMap((g) => g.fields).find((f) => f.raw === '3');
    assert.match(status?.value ?? '', /Finished with success/);
    const capabilities = view.process?.capabilities ?? [];
    assert.deepStrictEqual(capabilities.map((c) => [c.field, c.value, c.tone]), [
      ['liveness', '1', 'good'], ['unicoId.result', 'yes', 'good'], ['identityFraudsters.result', 'inconclusive', 'warn'], ['government.serpro', '87', 'neutral'],
    ]);
    assert.match(capabilities[1]?.meaning ?? '', /belongs to the holder/);
    assert.ok(view.process?.noMedia, 'the media section says the API contract has none');
    const hover = hoverMarkdown(fetched, ref(API_REFERENCE_EXAMPLE_ID), profileOf(api, PROFILE), Date.now(), vscode.l10n, 'en');
    assert.match(hover, /Status: 3 \(Finished with success\)/);
    assert.match(hover, /Identity verification/);
  });

  it('the panel offers no personal-data switch and no services section for the API contract; the Web & SDK panel keeps both', async () => {
    const api = await extensionApi();
    const media = { selfie: { status: 'idle' }, evidenceSet: { status: 'idle' } } as const;
    const view = (r: ReturnType<typeof ref>, fetched: FetchedProcess | undefined) => buildViewModel({
      ref: r, profile: profileOf(api, r.profileId), fetched, revealed: false, loading: fetched === undefined, error: undefined, media,
    });
    const apiRef = ref(API_REFERENCE_EXAMPLE_ID);
    const pending = view(apiRef, undefined);
    assert.strictEqual(pending.personalData, false, 'an API-contract profile, before its answer arrives');
    const fetchedApi = view(apiRef, await api.lookups.get(apiRef));
    assert.strictEqual(fetchedApi.personalData, false);
    assert.ok(fetchedApi.process);
    assert.ok(!('services' in fetchedApi.process), 'no services section for the API contract');
    assert.ok(!fetchedApi.process.groups.some((g) => g.fields.some((f) => f.personal)), 'no field the switch would reveal');

    const classic = ref(REFERENCE_EXAMPLE_ID, 'emulator');
    assert.strictEqual(view(classic, undefined).personalData, true);
    const fetchedClassic = view(classic, await api.lookups.get(classic));
    assert.strictEqual(fetchedClassic.personalData, true);
    assert.ok((fetchedClassic.process?.services?.length ?? 0) > 0, 'the reference example lists its services');
    const noServices = ref('c284d410-cf6a-4d05-ab30-3e156ac12974', 'emulator'); // 1:1 validation: no services field at all
    const empty = view(noServices, await api.lookups.get(noServices));
    assert.deepStrictEqual([empty.personalData, empty.process?.services], [true, []], 'a Web & SDK process with no services still shows the section, saying so');
  });

  describe('a custom API-contract profile', () => {
    let own: RunningEmulator | undefined;
    after(async () => {
      const api = await extensionApi();
      await setCustomProfiles(api, [], []);
      await own?.close();
    });

    it('needs its APIKEY: missing, wrong and right', async () => {
      const api = await extensionApi();
      const { emulator, entry } = await emulatorProfile('api-own');
      own = emulator;
      await setCustomProfiles(api, [{ ...entry, contract: 'api' }], ['api-own']);
      const profile = profileOf(api, 'api-own');
      assert.equal(profile.contract, 'api');

      await storeCredentials(api, 'api-own', serviceAccount(emulator));
      const missing = await api.lookups.get(ref(API_REFERENCE_EXAMPLE_ID, 'api-own'), { force: true }).then(() => undefined, (e: unknown) => e);
      assert.equal((missing as { reason?: string }).reason, 'apiKeyMissing');
      assert.match(presentError(missing, { profile }).message, /needs an APIKEY/);

      await storeCredentials(api, 'api-own', { ...serviceAccount(emulator), apiKey: 'not-the-key' });
      const wrong = await api.lookups.get(ref(API_REFERENCE_EXAMPLE_ID, 'api-own'), { force: true }).then(() => undefined, (e: unknown) => e);
      assert.equal((wrong as { reason?: string }).reason, 'apiKeyInvalid');
      assert.match(presentError(wrong, { profile }).message, /refused the APIKEY/);

      await storeCredentials(api, 'api-own', { ...serviceAccount(emulator), apiKey: emulator.apiKey });
      const fetched = await api.lookups.get(ref(API_REFERENCE_EXAMPLE_ID, 'api-own'), { force: true });
      assert.equal(summarizeFetched(fetched).verdict, 'ok');
      await storeCredentials(api, 'api-own', undefined);
    });
  });
});
