/**
 * `npm run sample-log -- --out FILE [--ids N] [--bytes SIZE] [--seed N]`: writes a realistic log
 * full of process IDs (see sampleLog.ts) and prints its size, lines and ID counts.
 * SIZE takes K, M or G suffixes (powers of 1024): `--bytes 400M`.
 */
import { parseSize, writeSampleLog } from './sampleLog';

const USAGE = `Usage: npm run sample-log -- --out FILE [--ids N] [--bytes SIZE] [--seed N]
  --out FILE    where to write the log (overwritten)
  --ids N       distinct process IDs (default 5000)
  --bytes SIZE  approximate size, e.g. 400M or 2G (default: each ID appears ~2.5 times)
  --seed N      PRNG seed; the same options give the same file (default 1)`;

function parseArgs(args: readonly string[]): { out: string; ids?: number; bytes?: number; seed?: number } {
  let out: string | undefined;
  const options: { ids?: number; bytes?: number; seed?: number } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[++i] ?? '';
    if (arg === '--out') out = value;
    else if (arg === '--bytes') options.bytes = parseSize(value) ?? fail(`--bytes needs a size like 400M, not "${value}"`);
    else if (arg === '--ids' || arg === '--seed') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) fail(`${arg} needs a whole number`);
      if (arg === '--ids') options.ids = n;
      else options.seed = n;
    } else fail(arg === '--help' || arg === '-h' ? '' : `unknown argument: ${String(arg)}`);
  }
  return { out: out ?? fail('--out is required'), ...options };
}

function fail(message: string): never {
  process.stderr.write(`${message ? `sample-log: ${message}\n${USAGE}` : USAGE}\n`);
  process.exit(message ? 2 : 0);
}

async function main(): Promise<void> {
  const { out, ...options } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const summary = await writeSampleLog(out, options);
  process.stdout.write(`${out}: ${summary.bytes.toLocaleString('en-US')} bytes, ${summary.lines.toLocaleString('en-US')} lines, ` +
    `${summary.ids.length.toLocaleString('en-US')} distinct IDs, ${summary.occurrences.toLocaleString('en-US')} occurrences (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sample-log: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
