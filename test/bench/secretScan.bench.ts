// The committed-credential detector on a generated 5 MB log, with no secret and with a few (a
// private key, an access token, a Bearer header), next to a naive pair of global regexes over the
// same text; and on pathological anchor runs. Best of several runs; figures only, never asserted.
import { generateKeyPairSync, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { findCredentialLeaks } from '../../src/core/credentialLeaks';

const TARGET_CHARS = 5_000_000;
const RUNS = 5;
const NAIVE_PEM = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]*?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/g;
const NAIVE_JWT = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

function jwt(claims: Record<string, unknown>, key: Parameters<typeof sign>[2]): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** A deterministic log with the anchors' look-alikes: other vendors' JWTs, certificates, base64. */
function generate(key: Parameters<typeof sign>[2]): string {
  const other = jwt({ iss: 'https://example.auth0.com/', aud: 'https://api.example.com', exp: 2_000_000_000 }, key);
  const certificate = `-----BEGIN CERTIFICATE-----\n${'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n'.repeat(12)}-----END CERTIFICATE-----`;
  const lines = [
    (i: number) => `2026-11-26T12:00:${String(i % 60).padStart(2, '0')}Z INFO process callback received processId=53060f52-f146-4c12-a234-5bb5031f6f5b state=PROCESS_STATE_FINISHED`,
    (i: number) => `2026-11-26T12:00:00Z DEBUG upstream auth ok token=${other} attempt=${i % 7}`,
    (i: number) => `2026-11-26T12:00:00Z DEBUG payload ${Buffer.from(`blob-${i}-`.repeat(12)).toString('base64')}`,
    () => `2026-11-26T12:00:00Z INFO tls peer ${certificate.slice(0, 200).replace(/\n/g, ' ')}`,
    (i: number) => `2026-11-26T12:00:00Z WARN retrying GET /client/v1/health after 429 (attempt ${i % 3})`,
  ];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_CHARS; i++) {
    const line = (lines[i % lines.length] ?? lines[0]!)(i);
    out.push(line);
    size += line.length + 1;
  }
  out.push(certificate);
  return `${out.join('\n')}\n`;
}

function best<T>(fn: () => T): { ms: number; value: T } {
  let value = fn();
  let ms = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

export async function run(): Promise<Record<string, number | string>> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clean = generate(privateKey);
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const now = Math.floor(Date.now() / 1000);
  const token = jwt({ iss: 'https://identity.acesso.io', sub: 'lensbot@t-81c2.iam.acesso.io', iat: now, exp: now + 3600 }, privateKey);
  const third = Math.floor(clean.length / 3);
  // join() gives a flat string, as document.getText() does (a template literal gives a slower cons string).
  const leaky = [clean.slice(0, third), pem, clean.slice(third, 2 * third), `token=${token}`, clean.slice(2 * third), `Authorization: Bearer ${token}`, ''].join('\n');
  /** The regex way: every PEM block, every JWT-shaped run decoded and its issuer checked. */
  const naive = (text: string): number => {
    let n = [...text.matchAll(NAIVE_PEM)].length;
    for (const [candidate] of text.matchAll(NAIVE_JWT)) {
      try {
        const claims = JSON.parse(Buffer.from(candidate.split('.')[1] ?? '', 'base64url').toString()) as { iss?: unknown };
        if (typeof claims.iss === 'string' && claims.iss.includes('acesso.io')) n++;
      } catch {
        // not JSON: not a token
      }
    }
    return n;
  };
  const mb = (text: string): number => text.length / 1e6;
  const none = best(() => findCredentialLeaks(clean).length);
  const few = best(() => findCredentialLeaks(leaky).length);
  const naiveNone = best(() => naive(clean));
  const eyj = 'eyJ-'.repeat(250_000);
  const dots = 'eyJ.eyJ.'.repeat(125_000);
  const begins = '-----BEGIN PRIVATE KEY-----\nMIIE'.repeat(31_250);
  await Promise.resolve();
  return {
    'secrets: log size (million UTF-16 chars)': round(mb(clean), 2),
    'secrets: findings, no secret / with a few': `${none.value} / ${few.value}`,
    'secrets: scan, no secret (ms)': round(none.ms),
    'secrets: scan, no secret (MB/s)': round(mb(clean) / (none.ms / 1000)),
    'secrets: scan, a key + a token + a Bearer header (ms)': round(few.ms),
    'secrets: naive global regexes + decoding each JWT, no secret (ms)': round(naiveNone.ms),
    'secrets: naive / scan (ratio)': round(naiveNone.ms / none.ms, 2),
    'secrets: 1 MB of "eyJ-" (ms)': round(best(() => findCredentialLeaks(eyj).length).ms),
    'secrets: 1 MB of "eyJ.eyJ." (ms)': round(best(() => findCredentialLeaks(dots).length).ms),
    'secrets: 1 MB of unfinished BEGIN lines (ms)': round(best(() => findCredentialLeaks(begins).length).ms),
  };
}
