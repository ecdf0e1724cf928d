/** The bulk section of `npm run bench` (bench/bulk.ts), with its arguments and its own results file. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBulkSection, writeBulkResults } from './bulk.js';
import { argument } from './support/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BULK_RESULTS = path.join(ROOT, 'bench', 'results', 'load-latest');

function sizes(argv: readonly string[], name: string, fallback: number[]): number[] {
  const raw = argument(argv, name);
  if (raw === 'none') return [];
  const items = raw ? raw.split(',').map(Number) : fallback;
  if (items.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`--${name}: a comma-separated list of positive integers (got ${raw})`);
  return items;
}

function notes(bulkSizes: number[], transactionalSizes: number[]): string[] {
  const bulk = Math.max(...bulkSizes);
  const tx = Math.max(...transactionalSizes);
  if (!bulkSizes.length || !transactionalSizes.length || tx >= bulk) return [];
  return [
    `The transactional load was measured at ${tx.toLocaleString('en')} nodes, not ${bulk.toLocaleString('en')}: at that size it ` +
      'takes many minutes on this machine. Its rate per record does not fall with size (the scaling section measured ' +
      '1,586 / 3,434 / 3,877 relationships/s at 10k / 100k / 1M, bench/results/latest.md), so the rate at ' +
      `${bulk.toLocaleString('en')} nodes is extrapolated as about the measured one, not measured.`,
  ];
}

export async function bulkStep(
  argv: readonly string[],
  args: { port: number; heapMb: number },
  log: (line: string) => void,
  machine: Record<string, string>,
): Promise<void> {
  const bulkSizes = sizes(argv, 'bulk-sizes', [1_000_000]);
  const transactionalSizes = sizes(argv, 'transactional-sizes', [1_000_000]);
  const started = new Date();
  log(`bulk: bulk load at ${bulkSizes.join(', ')} nodes, transactional at ${transactionalSizes.join(', ')} nodes`);
  const rates = await runBulkSection(
    { bulkSizes, transactionalSizes, port: args.port, workDir: path.join(ROOT, '.bench'), heapMb: Math.min(args.heapMb, 8192), pageCacheMb: 2048 },
    log,
  );
  const out = argument(argv, 'bulk-out') ?? BULK_RESULTS;
  await writeBulkResults(
    out,
    [
      `Run ${started.toISOString()} with \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\`, ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} minutes. How to read this: docs/benchmarks.md, section 3.`,
      '',
      ...Object.entries(machine).map(([k, v]) => `- ${k}: ${v}`),
      `- load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    ],
    rates,
    notes(bulkSizes, transactionalSizes),
  );
  log(`written ${path.relative(ROOT, out)}.md and .json`);
}
