// redact() on hostile and ordinary log text, the previous rules and the current ones side by side:
//   - 'eyJ-' × 25,000 (100 KB on one line): the previous JWT rule backtracked quadratically;
//   - an ordinary 200-character log line with a bearer token and a CPF.
// Medians of repeated runs; figures are reported, never asserted.
import { performance } from 'node:perf_hooks';
import { redact } from '../../src/core/redact';

/** The rules before the security review (commit ce16d40), kept here only to measure against. */
const PREVIOUS: readonly (readonly [RegExp, string])[] = [
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, '‹pem›'],
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer ‹token›'],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '‹jwt›'],
  [/((?:access_token|assertion|token|private_?key)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1‹redacted›'],
  [/(?<!\d)\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g, '‹cpf›'],
  [/(?<!\d)\d{11}(?!\d)/g, '‹cpf›'],
];

function previousRedact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PREVIOUS) out = out.replace(pattern, replacement);
  return out;
}

function median(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const round = (ms: number): number => Number(ms.toFixed(3));

export function run(): Promise<Record<string, number | string>> {
  const hostile = 'eyJ-'.repeat(25_000);
  const line = '2026-12-02T00:40:00.123Z INFO [sandbox] GET /client/v1/process/53060f52-f146-4c12-a234-5bb5031f6f5b Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln cpf=12345678909 200 183ms';
  const beforeHostile = median(3, () => previousRedact(hostile));
  const afterHostile = median(21, () => redact(hostile));
  const beforeLine = median(2001, () => previousRedact(line));
  const afterLine = median(2001, () => redact(line));
  return Promise.resolve({
    "redaction: 'eyJ-' × 25,000, previous rules (ms)": round(beforeHostile),
    "redaction: 'eyJ-' × 25,000, current rules (ms)": round(afterHostile),
    "redaction: 'eyJ-' × 25,000, previous ÷ current": Number((beforeHostile / afterHostile).toFixed(1)),
    'redaction: 200-char log line, previous rules (ms)': round(beforeLine),
    'redaction: 200-char log line, current rules (ms)': round(afterLine),
  });
}
