// maskJson (the panel's raw JSON, masked on every render) with many personal values: a process
// whose documents carry 8,000 personal OCR values, the previous per-value search and the current
// one-pass search side by side. Medians of repeated runs; figures are reported, never asserted.
import { performance } from 'node:perf_hooks';
import { maskValue } from '../../src/core/mask';
import { maskJson } from '../../src/core/maskJson';

const VALUES = 8000;

/** The previous maskJson (commit ce16d40): every string searched for every personal value. */
function previousMaskJson(value: unknown, secrets: ReadonlySet<string>, mask: (v: string) => string): unknown {
  const embedded = [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  const maskText = (text: string): string => {
    if (secrets.has(text)) return mask(text);
    let out = text;
    for (const s of embedded) if (out.includes(s)) out = out.split(s).join(mask(s));
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskText(v);
    if (typeof v === 'number') return secrets.has(String(v)) ? mask(String(v)) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    return v;
  };
  return walk(value);
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

function body(values: number): { body: unknown; secrets: Set<string> } {
  const secrets = new Set<string>();
  const data: Record<string, string> = {};
  for (let i = 0; i < values; i++) {
    const value = `Valor pessoal ${String(i).padStart(5, '0')} ${(i * 7919).toString(36)}`;
    secrets.add(value);
    data[`campo_${String(i)}`] = value;
    data[`rotulo_${String(i)}`] = `campo ${String(i)} lido`; // not personal: searched for embedded values
  }
  return { body: { process: { id: '53060f52-f146-4c12-a234-5bb5031f6f5b', services: [{ documents: [{ doc: { data } }] }] } }, secrets };
}

export function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number> = {};
  for (const values of [2000, VALUES]) {
    const { body: json, secrets } = body(values);
    const before = median(3, () => previousMaskJson(json, secrets, maskValue));
    const after = median(11, () => maskJson(json, secrets, maskValue));
    const n = values.toLocaleString('en-US');
    figures[`maskJson: ${n} personal OCR values, previous (ms)`] = Number(before.toFixed(1));
    figures[`maskJson: ${n} personal OCR values, one pass (ms)`] = Number(after.toFixed(1));
    figures[`maskJson: ${n} personal OCR values, previous ÷ one pass`] = Number((before / after).toFixed(1));
  }
  return Promise.resolve(figures);
}
