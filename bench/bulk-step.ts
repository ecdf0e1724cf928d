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
  if (!bulkSizes.length || !transactionalSizes.length || transactionalSizes.includes(bulk)) return [];
  return [
    `The transactional load was not measured at ${bulk.toLocaleString('en')} nodes in this run (only at ` +
      `${transactionalSizes.map((x) => x.toLocaleString('en')).join(', ')}), so the two rates are not like for like: ` +
      'the transactional rate depends on the size (run both at the same size, the default, to compare them).',
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
