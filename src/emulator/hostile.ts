/**
 * A process whose every string holds an attack on whoever renders it: HTML and script tags,
 * event handlers, `javascript:` URLs, markdown command links (some to this extension's own
 * commands), codicon syntax, template syntax, bidi overrides and forged log lines. Numbers and
 * booleans stay well typed and the `id` stays valid, so the process parses and gets displayed:
 * the panel, hover, tree and log must show all of it as inert text.
 */
import type { JsonObject } from './jwt';

export const HOSTILE_PROCESS_ID = '9b1d4ecd-7ac3-40f4-a8aa-44e9034c614b';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert("idcloud")</script>';
const QUIT_LINK = '[x](command:workbench.action.quit)';

export const HOSTILE_PROCESS: JsonObject = {
  id: HOSTILE_PROCESS_ID,
  flow: IMG,
  callbackUri: 'javascript:alert(document.domain)',
  userRedirectUrl: 'javascript:alert(1)//https://journey.example.com/',
  state: SCRIPT,
  result: `PROCESS_RESULT_OK${IMG}`,
  createdAt: '<svg onload=alert(2)>',
  finishedAt: '"><script>alert(3)</script>',
  expiresAt: "'><img src=x onerror=alert(4)>",
  purpose: QUIT_LINK,
  clientReference: '[Clear credentials](command:idcloud.clearCredentials)',
  useCase: '</div><iframe src="https://attacker.example/"></iframe>',
  capacities: ['<b>bold</b>', '$(zap) $(alert) codicons', '![pixel](https://attacker.example/pixel.png)'],
  token: `"><script>alert(5)</script>`,
  person: {
    duiType: `<a href="javascript:alert(6)">DUI</a>`,
    duiValue: `${IMG}00000000191`,
    friendlyName: `${SCRIPT} \u202Egnp.exe`,
    notifications: [{ notificationChannel: 'javascript:alert(7)' }],
  },
  authenticationInfo: {
    authenticationId: "{{constructor.constructor('alert(8)')()}}",
    livenessResult: IMG,
    authenticationResult: SCRIPT,
    identityFraudstersResult: `\u202Ekcom $(alert) ${QUIT_LINK}`,
    bioTokenEngineResult: '<a href="command:workbench.action.quit">quit</a>',
    smartRevalidationResult: '<style>*{display:none}</style>',
    idAgeResult: '&lt;already escaped&gt; & <raw>',
    scoreEngineResult: { scoreEnabled: `SCORE_ENABLED_TRUE${IMG}`, score: 42 },
    serproResult: { score: 77 },
  },
  company: { code: IMG, friendlyName: SCRIPT, logoUrl: 'javascript:alert(9)' },
  companyData: { branchId: '`code` **bold** <u>u</u>', countryCode: '<marquee>BR</marquee>' },
  bioTokenData: {
    referenceProcessId: '[reference](command:idcloud.clearHistory)',
    authenticationId: 'line one\n2026-01-01T00:00:00Z INFO forged log line',
  },
  services: [
    {
      envelopeId: IMG,
      documentIds: [SCRIPT],
      consent_granted: true,
      documents: [
        {
          doc_id: SCRIPT,
          typified: true,
          cpf_match: false,
          face_match: true,
          validate_doc: false,
          reused_doc: true,
          signed_url: 'javascript:alert(10)',
          doc: {
            version: 1,
            code: IMG,
            data: {
              [IMG]: SCRIPT,
              nomeCivil: `${QUIT_LINK} ${SCRIPT}`,
              numero: '<iframe srcdoc="<script>alert(11)</script>">',
              cpfNumero: 'javascript:alert(12)',
            },
          },
        },
      ],
    },
  ],
};
