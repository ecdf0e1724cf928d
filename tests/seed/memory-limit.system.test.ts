/**
 * The loader against the database's per-transaction memory limit (`db.memory.transaction.max`; the local
 * Neo4j's `neo4j.tx.memory.mb`, 256 MiB by default, which a first load of ~100k synthetic nodes outgrows in one
 * transaction). Here the limit is lowered to 4 MiB on a Neo4j of this file's own, so that a dataset of a few
 * thousand records outgrows it the same way: its first load still loads, completely, in parts that fit; a reload
 * whose changes outgrow the limit fails with a message naming the limit and leaves the data as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/support/free-port.js';
import { generateSynthetic, writeSynthetic, type SyntheticDataset } from '../../bench/synthetic/generate.js';
import { createLogger } from '../../src/logger.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { READ_FENCE } from '../../src/neo4j/consistency.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { graphChecksum, loadDataset, SeedLoadError } from '../../src/seed/loader.js';

let root: string;
let local: LocalNeo4j;
let db: Database;
let catalog: CypherCatalog;
let dataset: SyntheticDataset;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'memory-limit-'));
  local = await startLocalNeo4j({ port: await freePort(), dataDir: path.join(root, 'data'), startTimeoutMs: 300_000, heapMb: 768, pageCacheMb: 64, txMemoryMb: 4, progress: () => undefined });
  const settings = { uri: local.uri, username: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000 };
  db = new Database(createDriver(settings), settings, createLogger('silent'));
  catalog = await CypherCatalog.load();
  // The one constraint the loader's statements need (they reach every record through it); the other indexes would only cost time here.
  await db.write(catalog.get('schema/001-entity-key'), {});
  dataset = generateSynthetic(1_000);
  await writeSynthetic(dataset, path.join(root, 'first'));
}, 300_000);

afterAll(async () => {
  await db?.close();
  await local?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('a first load larger than one transaction may be', () => {
  it('loads every record, in parts that fit, and writes the dataset version with the fence down', async () => {
    const records = dataset.nodes.length + dataset.relationships.length;
    const lines: string[] = [];
    const summary = await loadDataset(db, catalog, path.join(root, 'first'), (l) => lines.push(l));
    expect(summary.nodes.created).toBe(dataset.nodes.length);
    expect(summary.relationships.created).toBe(dataset.relationships.length);
    const stored = await graphChecksum(db, catalog, dataset.id);
    expect(stored.nodes + stored.relationships).toBe(records);
    expect(lines.some((l) => /in parts/.test(l))).toBe(true);
    const [fence] = await db.read(READ_FENCE, {});
    expect(fence).toEqual({ loading: false, versions: expect.stringMatching(new RegExp(`^${dataset.id}@[0-9a-f]{64};$`)) });
  }, 120_000);

  it('refuses a reload whose changes outgrow the limit, naming it, and keeps the data as it was', async () => {
    const before = await graphChecksum(db, catalog);
    const renamed = { ...dataset, nodes: dataset.nodes.map((n) => ({ ...n, name: `${n.name} (renamed)` })) };
    await writeSynthetic(renamed, path.join(root, 'renamed'));
    const error = await loadDataset(db, catalog, path.join(root, 'renamed')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedLoadError);
    expect((error as Error).message).toMatch(/db\.memory\.transaction\.max/);
    expect(await graphChecksum(db, catalog)).toEqual(before);
  }, 120_000);
});
