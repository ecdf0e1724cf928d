/**
 * `npm run bench -- --only bulk`: loading rates, bulk against transactional, on the synthetic graph
 * (bench/synthetic/generate.ts), both measured in the same run from the same generated dataset folder. The bulk
 * side is `npm run seed -- --bulk` (src/seed/bulk/bulk-load.ts) into a fresh data folder: CSV files, the offline
 * importer, starting the imported store, its constraints and indexes online and the dataset version written. The
 * transactional side is the loader `npm run seed` uses, with its own defaults, into a fresh Neo4j with the schema
 * in place (as bench/scaling.ts loads). Both rates count everything after validation. The verdict and its reasons
 * are computed here (bench/bulk-verdict.ts). Writes bench/results/load-latest.md and .json; nothing is asserted.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkLoad, type BulkTimings } from '../src/seed/bulk/bulk-load.js';
import { loadDataset } from '../src/seed/loader.js';
import { bulkVerdict } from './bulk-verdict.js';
import { startBenchNeo4j } from './support/neo4j.js';
import { generateSynthetic, sizeLabel, writeSynthetic } from './synthetic/generate.js';

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
  /** The importer's own clock ("IMPORT DONE in …"), without its JVM's start. */
  importerOwnMs?: number;
  /** The transactional load's part sizes, as the loader logged them. */
  parts?: string;
}

export interface BulkSectionOptions {
  bulkSizes: readonly number[];
  transactionalSizes: readonly number[];
  port: number;
  workDir: string;
  heapMb: number;
  pageCacheMb: number;
}

function rate(way: LoadRate['way'], size: number, nodes: number, relationships: number, validateMs: number, writeMs: number): LoadRate {
  const s = writeMs / 1000;
  return { way, size, label: sizeLabel(size), nodes, relationships, validateMs, writeMs, nodesPerSecond: nodes / s, relationshipsPerSecond: relationships / s };
}

interface Generated {
  dir: string;
  nodes: number;
  relationships: number;
}

async function generated(size: number, workDir: string, log: (line: string) => void): Promise<Generated> {
  const dir = path.join(workDir, `synthetic-${sizeLabel(size)}`);
  const dataset = generateSynthetic(size);
  await writeSynthetic(dataset, dir);
  log(`${sizeLabel(size)}: generated ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships`);
  return { dir, nodes: dataset.nodes.length, relationships: dataset.relationships.length };
}

/** The importer's last timing line ("IMPORT DONE in 1m 2s 345ms.", or "… COMPLETED in 1m 2s 345ms" alone) → 62345. */
export function importerMs(line: string): number | null {
  const m = /(?:IMPORT DONE|^import:\s+(?:IMPORT )?COMPLETED) in ((?:\d+(?:ms|h|m|s)\s*)+)/.exec(line);
  if (!m) return null;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
  let total = 0;
  for (const [, n, unit] of m[1]!.matchAll(/(\d+)(ms|h|m|s)/g)) total += Number(n) * units[unit!]!;
  return total;
}

async function bulkAt(size: number, data: Generated, opts: BulkSectionOptions, log: (line: string) => void): Promise<LoadRate> {
  const dataDir = path.join(opts.workDir, `bulk-${sizeLabel(size)}`);
  await rm(dataDir, { recursive: true, force: true });
  let importerOwnMs: number | undefined;
  try {
    const started = performance.now();
    const { timings, connection } = await bulkLoad(data.dir, {
      local: { port: opts.port, dataDir, startTimeoutMs: 600_000, heapMb: opts.heapMb, pageCacheMb: opts.pageCacheMb },
      progress: (line) => {
        importerOwnMs = importerMs(line) ?? importerOwnMs;
        if (!line.startsWith('import: ') || /COMPLETED|IMPORT DONE|Imported|nodes$|relationships$/.test(line)) {
          log(`${sizeLabel(size)} bulk: ${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`);
        }
      },
    });
    await connection.close();
    const r: LoadRate = { ...rate('bulk', size, data.nodes, data.relationships, timings.validateMs, timings.writeMs), steps: timings, ...(importerOwnMs ? { importerOwnMs } : {}) };
    log(`${r.label} bulk: ${(r.writeMs / 1000).toFixed(1)} s, ${Math.round(r.nodesPerSecond)} nodes/s, ${Math.round(r.relationshipsPerSecond)} relationships/s`);
    return r;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function transactionalAt(size: number, data: Generated, opts: BulkSectionOptions, log: (line: string) => void): Promise<LoadRate> {
  const neo4j = await startBenchNeo4j({ port: opts.port, dataDir: path.join(opts.workDir, `tx-${sizeLabel(size)}`), heapMb: opts.heapMb, pageCacheMb: opts.pageCacheMb });
  try {
    const started = performance.now();
    let validatedAt = started;
    const parts: string[] = [];
    // The loader's own defaults, as `npm run seed` loads: one transaction, or parts for a large first load.
    await loadDataset(neo4j.db, neo4j.catalog, data.dir, (line) => {
      if (line.startsWith('validated')) validatedAt = performance.now();
      if (/in parts|committing every/.test(line)) parts.push(line);
      log(`${sizeLabel(size)} transactional: ${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`);
    }, { timeoutMs: 3_600_000 });
    // As the bulk side ends with its indexes online, so does this one (full-text indexes catch up after a commit).
    await neo4j.db.write('CALL db.awaitIndexes(600)', {});
    const r: LoadRate = { ...rate('transactional', size, data.nodes, data.relationships, validatedAt - started, performance.now() - validatedAt), parts: parts.join('; ') || 'one transaction' };
    log(`${r.label} transactional: ${(r.writeMs / 1000).toFixed(1)} s, ${Math.round(r.nodesPerSecond)} nodes/s, ${Math.round(r.relationshipsPerSecond)} relationships/s`);
    return r;
  } finally {
    await neo4j.stop();
  }
}

/** Each size's graph is generated once and loaded both ways (bulk first), then deleted. */
export async function runBulkSection(opts: BulkSectionOptions, log: (line: string) => void): Promise<LoadRate[]> {
  await mkdir(opts.workDir, { recursive: true });
  const out: LoadRate[] = [];
  const sizes = [...new Set([...opts.bulkSizes, ...opts.transactionalSizes])].sort((a, b) => a - b);
  for (const size of sizes) {
    const data = await generated(size, opts.workDir, log);
    try {
      if (opts.bulkSizes.includes(size)) out.push(await bulkAt(size, data, opts, log));
      if (opts.transactionalSizes.includes(size)) out.push(await transactionalAt(size, data, opts, log));
    } finally {
      await rm(data.dir, { recursive: true, force: true });
    }
  }
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => Math.round(x).toLocaleString('en');

export function bulkMarkdown(rates: readonly LoadRate[]): string {
  const lines = [
    '| load | size | nodes | relationships | validate | load (after validation) | nodes/s | relationships/s | CSV | import (importer\'s own clock) | start + counts | indexes + version |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rates) {
    const st = r.steps;
    lines.push(
      `| ${r.way} | ${r.label} | ${n(r.nodes)} | ${n(r.relationships)} | ${s(r.validateMs)} | ${s(r.writeMs)} | ${n(r.nodesPerSecond)} | ${n(r.relationshipsPerSecond)} | ` +
        (st ? `${s(st.csvMs)} | ${s(st.importMs)}${r.importerOwnMs ? ` (${s(r.importerOwnMs)})` : ''} | ${s(st.swapMs)} | ${s(st.schemaMs)} |` : '– | – | – | – |'),
    );
  }
  const parts = rates.filter((r) => r.parts).map((r) => `- transactional at ${r.label}: ${r.parts}`);
  return [...lines, ...(parts.length ? ['', 'How the transactional loads committed (the loader\'s own log):', '', ...parts] : [])].join('\n');
}

export async function writeBulkResults(file: string, header: string[], rates: readonly LoadRate[], notes: string[]): Promise<void> {
  const verdict = bulkVerdict(rates);
  const md = ['# Loading rates: bulk import against the transactional loader', '', ...header, '', '## Target', '', verdict, '', '## Measured', '', bulkMarkdown(rates), '', ...notes, ''].join('\n');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.md`, md);
  await writeFile(`${file}.json`, `${JSON.stringify({ rates, verdict }, null, 2)}\n`);
}
