/**
 * `npm run seed -- --remove <dataset>` (issue 27): a dataset can be removed, its (:Dataset) node with it, so
 * its version leaves the dataset versions every ETag is made of. Loading it empty, the only way before,
 * removed its records but kept that node. Other datasets are untouched; an unknown id is a clear error.
 * Throw-away datasets only.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import type { Database } from '../../src/neo4j/database.js';
import { DatasetRepository } from '../../src/repositories/dataset-repository.js';
import { graphChecksum, loadDataset, SeedLoadError } from '../../src/seed/loader.js';
import { removeDataset } from '../../src/seed/remove.js';
import { closeTestDb, neo4jSettings, testDb, writesToDatabase } from '../support/db.js';
import { fenceAndScannedVersions, MAIN_DATASET_ID, smallDataset, uniqueSlug, writeDataset } from './helpers.js';

let db: Database;
let catalog: CypherCatalog;
let datasets: DatasetRepository;
const leftOver: string[] = [];

writesToDatabase();

beforeAll(async () => {
  ({ db, catalog } = await testDb());
  datasets = new DatasetRepository(db, catalog);
});
afterAll(async () => {
  for (const id of leftOver) await removeDataset(db, catalog, id).catch(() => undefined);
  await closeTestDb();
});

async function loadThrowAway(): Promise<{ id: string; slug: string }> {
  const slug = uniqueSlug();
  const id = `test-remove-${slug}`;
  leftOver.push(id);
  await loadDataset(db, catalog, writeDataset(id, smallDataset(slug)));
  return { id, slug };
}
const loadedIds = async () => (await datasets.versions()).map((d) => d.id);
const mainChecksum = async () => graphChecksum(db, catalog, MAIN_DATASET_ID);

describe('removing a dataset', () => {
  it('loading it empty removes its records but leaves its (:Dataset) node, which stays in every version read', async () => {
    const { id } = await loadThrowAway();
    await loadDataset(db, catalog, writeDataset(id, {}));
    expect(await loadedIds()).toContain(id);
  });

  it('--remove takes its nodes, relationships and (:Dataset) node, and nothing of other datasets', async () => {
    const before = await mainChecksum();
    const { id, slug } = await loadThrowAway();
    expect(await loadedIds()).toContain(id);
    const removed = await removeDataset(db, catalog, id);
    expect(removed).toEqual({ dataset: id, nodes: 3, relationships: 2 });
    expect(await loadedIds()).not.toContain(id);
    // Its version leaves the versions every reader's fence read compares, in the removal's commit.
    const versions = await fenceAndScannedVersions(db, catalog);
    expect(versions.fence).not.toContain(`${id}@`);
    expect(versions.fence).toBe(versions.scanned);
    const [left] = await db.read('MATCH (n:Entity) WHERE n.dataset = $id OR n.key STARTS WITH $prefix RETURN count(n) AS n', { id, prefix: `organisation:${slug}` });
    expect(Number(left?.['n'])).toBe(0);
    expect(await mainChecksum()).toEqual(before);
  });

  it('a large one goes in parts, with the same result', async () => {
    const { id } = await loadThrowAway();
    const parts: string[] = [];
    expect(await removeDataset(db, catalog, id, (m) => parts.push(m), { singleTransactionLimit: 1, partSize: 1 })).toEqual({ dataset: id, nodes: 3, relationships: 2 });
    expect(await loadedIds()).not.toContain(id);
    const versions = await fenceAndScannedVersions(db, catalog);
    expect(versions.fence).not.toContain(`${id}@`);
    expect(versions.fence).toBe(versions.scanned);
    const [left] = await db.read('MATCH (n:Entity {dataset: $id}) RETURN count(n) AS n', { id });
    expect(Number(left?.['n'])).toBe(0);
  });

  it('an unknown dataset is a clear error naming the loaded ones', async () => {
    const error = await removeDataset(db, catalog, 'no-such-dataset').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedLoadError);
    expect((error as Error).message).toMatch(/no dataset "no-such-dataset" is loaded; loaded: .*japan-customs-2016/);
  });

  it('npm run seed -- --remove <id> removes it and says what went; a missing id is a usage error', () => {
    const slug = uniqueSlug();
    const id = `test-remove-${slug}`;
    leftOver.push(id);
    const env = { ...process.env, NEO4J_URI: neo4jSettings().uri, NEO4J_DATABASE: neo4jSettings().database, LOG_LEVEL: 'silent' };
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/seed/cli.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    const loaded = run(writeDataset(id, smallDataset(slug)));
    expect(loaded.status, loaded.stderr).toBe(0);
    const removed = run('--remove', id);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`dataset ${id} removed: 3 nodes, 2 relationships`);
    const usage = run('--remove');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run seed -- --remove <dataset id>/);
  });
});
