/**
 * `npm run bench -- --only bulk`: loading rates, bulk against transactional, on the synthetic graph
 * (bench/synthetic/generate.ts). The bulk side is `npm run seed -- --bulk` (src/seed/bulk/bulk-load.ts) into a
 * fresh data folder: CSV files, the offline importer, starting the imported store, its constraints and indexes
 * online and the dataset version written. The transactional side is the loader `npm run seed` uses, into a fresh
 * Neo4j with the schema in place (as bench/scaling.ts loads). Both rates count everything after validation.
 * Writes bench/results/load-latest.md and .json; nothing is asserted.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkLoad, type BulkTimings } from '../src/seed/bulk/bulk-load.js';
import { loadDataset } from '../src/seed/loader.js';
import { startBenchNeo4j } from './support/neo4j.js';
import { generateSynthetic, sizeLabel, writeSynthetic } from './synthetic/generate.js';

export const BULK_TARGET_RELATIONSHIPS_PER_SECOND = 50_000;

export interface LoadRate {
  way: 'bulk' | 'transactional';
  size: number;
  label: string;
  nodes: number;
  relationships: number;
  validateMs: number;
  writeMs: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
  /** The bulk load's steps. */
  steps?: BulkTimings;
}

export interface BulkSectionOptions {
  bulkSizes: readonly number[];
  transactionalSizes: readonly number[];
  port: number;
  workDir: string;
  heapMb: number;
  pageCacheMb: number;
}

function rate(way: LoadRate['way'], size: number, nodes: number, relationships: number, validateMs: number, writeMs: number, steps?: BulkTimings): LoadRate {
  const s = writeMs / 1000;
  return {
    way,
    size,
    label: sizeLabel(size),
    nodes,
    relationships,
    validateMs,
    writeMs,
    nodesPerSecond: nodes / s,
    relationshipsPerSecond: relationships / s,
    ...(steps ? { steps } : {}),
  };
}

async function generated(size: number, workDir: string, log: (line: string) => void): Promise<{ dir: string; nodes: number; relationships: number }> {
  const dir = path.join(workDir, `synthetic-${sizeLabel(size)}`);
  const dataset = generateSynthetic(size);
  await writeSynthetic(dataset, dir);
  log(`${sizeLabel(size)}: generated ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships`);
  return { dir, nodes: dataset.nodes.length, relationships: dataset.relationships.length };
}

async function bulkAt(size: number, opts: BulkSectionOptions, log: (line: string) => void): Promise<LoadRate> {
  const data = await generated(size, opts.workDir, log);
  const dataDir = path.join(opts.workDir, `bulk-${sizeLabel(size)}`);
  await rm(dataDir, { recursive: true, force: true });
  try {
    const started = performance.now();
    const { timings, connection } = await bulkLoad(data.dir, {
      local: { port: opts.port, dataDir, startTimeoutMs: 600_000, heapMb: opts.heapMb, pageCacheMb: opts.pageCacheMb },
      progress: (line) => {
        if (!line.startsWith('import: ') || /COMPLETED|IMPORT DONE|Imported|nodes$|relationships$/.test(line)) {
          log(`${sizeLabel(size)} bulk: ${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`);
        }
      },
    });
    await connection.close();
    const r = rate('bulk', size, data.nodes, data.relationships, timings.validateMs, timings.writeMs, timings);
    log(`${r.label} bulk: ${(r.writeMs / 1000).toFixed(1)} s, ${Math.round(r.nodesPerSecond)} nodes/s, ${Math.round(r.relationshipsPerSecond)} relationships/s`);
    return r;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(data.dir, { recursive: true, force: true });
  }
}

async function transactionalAt(size: number, opts: BulkSectionOptions, log: (line: string) => void): Promise<LoadRate> {
  const data = await generated(size, opts.workDir, log);
  const neo4j = await startBenchNeo4j({ port: opts.port, dataDir: path.join(opts.workDir, `tx-${sizeLabel(size)}`), heapMb: opts.heapMb, pageCacheMb: opts.pageCacheMb });
  try {
    const started = performance.now();
    let validatedAt = started;
    await loadDataset(neo4j.db, neo4j.catalog, data.dir, (line) => {
      if (line.startsWith('validated')) validatedAt = performance.now();
      // In parts of 50,000 records at every size, as a first load of the 1M graph commits (a single transaction of
      // 100k nodes outgrows the local Neo4j's 256 MiB per-transaction memory limit).
    }, { timeoutMs: 3_600_000, singleTransactionLimit: 0 });
    // As the bulk side ends with its indexes online, so does this one (full-text indexes catch up after a commit).
    await neo4j.db.write('CALL db.awaitIndexes(600)', {});
    const r = rate('transactional', size, data.nodes, data.relationships, validatedAt - started, performance.now() - validatedAt);
    log(`${r.label} transactional: ${(r.writeMs / 1000).toFixed(1)} s, ${Math.round(r.nodesPerSecond)} nodes/s, ${Math.round(r.relationshipsPerSecond)} relationships/s`);
    return r;
  } finally {
    await neo4j.stop();
    await rm(data.dir, { recursive: true, force: true });
  }
}

export async function runBulkSection(opts: BulkSectionOptions, log: (line: string) => void): Promise<LoadRate[]> {
  await mkdir(opts.workDir, { recursive: true });
  const out: LoadRate[] = [];
  for (const size of opts.bulkSizes) out.push(await bulkAt(size, opts, log));
  for (const size of opts.transactionalSizes) out.push(await transactionalAt(size, opts, log));
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => Math.round(x).toLocaleString('en');

/** The verdict: the bulk load's rate at its largest size against the target. */
export function bulkVerdict(rates: readonly LoadRate[]): string {
  const bulk = rates.filter((r) => r.way === 'bulk').at(-1);
  if (!bulk) return '- not measured: no bulk load in this run.';
  const met = bulk.relationshipsPerSecond >= BULK_TARGET_RELATIONSHIPS_PER_SECOND;
  const tx = rates.filter((r) => r.way === 'transactional').at(-1);
  return (
    `- ${met ? '**met**' : '**missed**'}: loading at least ${n(BULK_TARGET_RELATIONSHIPS_PER_SECOND)} relationships/s at 1M nodes with ` +
    `\`npm run seed -- --bulk\`. Measured at ${bulk.label}: ${n(bulk.relationshipsPerSecond)} relationships/s, ${n(bulk.nodesPerSecond)} nodes/s` +
    (bulk.steps ? ` (the importer step alone: ${n(bulk.relationships / (bulk.steps.importMs / 1000))} relationships/s)` : '') +
    (tx ? `; the transactional load at ${tx.label}: ${n(tx.relationshipsPerSecond)} relationships/s, ${n(tx.nodesPerSecond)} nodes/s (×${(bulk.relationshipsPerSecond / tx.relationshipsPerSecond).toFixed(1)}).` : '.')
  );
}

export function bulkMarkdown(rates: readonly LoadRate[]): string {
  const lines = [
    '| load | size | nodes | relationships | validate | load (after validation) | nodes/s | relationships/s | CSV | import | swap + start | indexes |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rates) {
    const st = r.steps;
    lines.push(
      `| ${r.way} | ${r.label} | ${r.nodes} | ${r.relationships} | ${s(r.validateMs)} | ${s(r.writeMs)} | ${n(r.nodesPerSecond)} | ${n(r.relationshipsPerSecond)} | ` +
        (st ? `${s(st.csvMs)} | ${s(st.importMs)} | ${s(st.swapMs)} | ${s(st.schemaMs)} |` : '– | – | – | – |'),
    );
  }
  return lines.join('\n');
}

export async function writeBulkResults(file: string, header: string[], rates: readonly LoadRate[], notes: string[]): Promise<void> {
  const md = ['# Loading rates: bulk import against the transactional loader', '', ...header, '', '## Target', '', bulkVerdict(rates), '', '## Measured', '', bulkMarkdown(rates), '', ...notes, ''].join('\n');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.md`, md);
  await writeFile(`${file}.json`, `${JSON.stringify({ rates, verdict: bulkVerdict(rates) }, null, 2)}\n`);
}
