/**
 * Loading datasets into the real Neo4j: reloads change nothing, bad datasets change nothing, removals remove only
 * what was dropped, a failure mid-load rolls everything back. Throw-away datasets have their own id and keys and
 * are emptied again at the end; the main dataset is only ever reloaded as it is.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import type { Database } from '../../src/neo4j/database.js';
import { SeedValidationError } from '../../src/seed/format.js';
import { graphChecksum, isDatabaseEmpty, loadDataset, SeedLoadError } from '../../src/seed/loader.js';
import { closeTestDb, testDb, writesToDatabase } from '../support/db.js';
import { fenceAndScannedVersions, MAIN_DATASET_DIR, MAIN_DATASET_ID, smallDataset, uniqueSlug, writeDataset } from './helpers.js';

// Loads and reloads datasets (the seed's own too): alone, never beside another api file.
writesToDatabase();

let db: Database;
let catalog: CypherCatalog;
const throwAway: string[] = [];

beforeAll(async () => {
  ({ db, catalog } = await testDb());
});

afterAll(async () => {
  // Loading an empty dataset with the same id removes everything that dataset loaded.
  for (const id of throwAway) await loadDataset(db, catalog, writeDataset(id, {}));
  await closeTestDb();
});

function newDatasetId(): string {
  const id = `test-seed-${uniqueSlug('')}`;
  throwAway.push(id);
  return id;
}

const zero = { created: 0, updated: 0, unchanged: 0, removed: 0 };

describe('the main dataset', () => {
  it('the database is not empty after the global setup', async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('loads twice to the identical graph, the second time with nothing to do', async () => {
    const before = await graphChecksum(db, catalog);
    const summary = await loadDataset(db, catalog, MAIN_DATASET_DIR);
    const after = await graphChecksum(db, catalog);
    expect(after).toEqual(before);
    expect(summary.dataset).toBe(MAIN_DATASET_ID);
    expect(summary.nodes).toEqual({ ...zero, unchanged: summary.nodes.unchanged });
    expect(summary.relationships).toEqual({ ...zero, unchanged: summary.relationships.unchanged });
    const own = await graphChecksum(db, catalog, MAIN_DATASET_ID);
    expect(summary.nodes.unchanged).toBe(own.nodes);
    expect(summary.relationships.unchanged).toBe(own.relationships);
  });
});

describe('a malformed dataset changes nothing', () => {
  const cases: [string, (files: ReturnType<typeof smallDataset>, slug: string) => void, RegExp][] = [
    ['a missing key', (f) => delete (f['meetings.yaml'].nodes[0] as { key?: string }).key, /meetings\.yaml › #1 › key/],
    ['a dangling reference', (f, s) => (f['meetings.yaml'].relationships[0]!.to = `meeting:${s}-gone`), /dangling reference: to "meeting:t\w+-gone"/],
    ['a bad date', (f) => (f['meetings.yaml'].nodes[0]!.props.established = '2008-13'), /"2008-13" is not a valid date/],
    [
      'a duplicate key',
      (f) => f['meetings.yaml'].nodes.push({ ...f['organisations.yaml'].nodes[1]!, props: { kind: 'BUREAU' } } as never),
      /duplicate key \(first defined in meetings\.yaml\)/,
    ],
  ];

  it.each(cases)('%s is rejected with a clear message and the graph checksum unchanged', async (_what, breakIt, message) => {
    const slug = uniqueSlug();
    const id = newDatasetId();
    const files = smallDataset(slug);
    breakIt(files, slug);
    const before = await graphChecksum(db, catalog);
    const error = await loadDataset(db, catalog, writeDataset(id, files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as Error).message).toMatch(message);
    expect(await graphChecksum(db, catalog)).toEqual(before);
    expect((await graphChecksum(db, catalog, id)).nodes).toBe(0);
  });
});

describe('the versions every reader compares (src/neo4j/consistency.ts)', () => {
  /** Loads a new throw-away dataset and checks its version is published, equal to the (:Dataset) nodes. */
  async function loadAndExpectPublished(options?: Parameters<typeof loadDataset>[4]): Promise<void> {
    const id = newDatasetId();
    await loadDataset(db, catalog, writeDataset(id, smallDataset(uniqueSlug())), () => undefined, options);
    const after = await fenceAndScannedVersions(db, catalog);
    expect(after.published).toBe(true);
    expect(after.fence).toContain(`${id}@`);
    expect(after.fence).toBe(after.scanned);
  }

  it('are published on the fence node in the commit of a load, one transaction or in parts, equal to the (:Dataset) nodes', async () => {
    await loadAndExpectPublished();
    await loadAndExpectPublished({ singleTransactionLimit: 1, bulkTransactionSize: 2 });
  });

  it('are read from the (:Dataset) nodes in a store loaded before they were published, until a load publishes them', async () => {
    const before = await fenceAndScannedVersions(db, catalog);
    await db.write("MATCH (f:LoadFence {id: 'global'}) REMOVE f.versions", {});
    const old = await fenceAndScannedVersions(db, catalog);
    expect(old.published).toBe(false);
    expect(old.fence).toBe(before.fence);
    expect(old.fence).toBe(old.scanned);
    await loadAndExpectPublished();
  });
});

describe('a throw-away dataset', () => {
  it('is created, reloaded unchanged, updated, and loses exactly the record it no longer lists', async () => {
    const slug = uniqueSlug();
    const id = newDatasetId();
    const mainBefore = await graphChecksum(db, catalog, MAIN_DATASET_ID);

    const files = smallDataset(slug);
    const first = await loadDataset(db, catalog, writeDataset(id, files));
    expect(first).toEqual({ dataset: id, nodes: { ...zero, created: 3 }, relationships: { ...zero, created: 2 } });

    const again = await loadDataset(db, catalog, writeDataset(id, files));
    expect(again).toEqual({ dataset: id, nodes: { ...zero, unchanged: 3 }, relationships: { ...zero, unchanged: 2 } });

    // An edited property is an update, written in place.
    files['organisations.yaml'].nodes[0]!.props.established = '2001-02';
    const edited = await loadDataset(db, catalog, writeDataset(id, files));
    expect(edited.nodes).toEqual({ ...zero, updated: 1, unchanged: 2 });
    const [stored] = await db.read('MATCH (n:Entity {key: $key}) RETURN n.established AS established, n.dataset AS dataset', {
      key: `organisation:${slug}-ministry`,
    });
    expect(stored).toEqual({ established: '2001-02', dataset: id });

    // Dropping the bureau (and its PART_OF, which would dangle) removes those two records and nothing else.
    files['organisations.yaml'].nodes.splice(1, 1);
    files['organisations.yaml'].relationships = [];
    const before = await graphChecksum(db, catalog, id);
    const removed = await loadDataset(db, catalog, writeDataset(id, files));
    expect(removed).toEqual({ dataset: id, nodes: { ...zero, unchanged: 2, removed: 1 }, relationships: { ...zero, unchanged: 1, removed: 1 } });
    const after = await graphChecksum(db, catalog, id);
    expect([after.nodes, after.relationships]).toEqual([before.nodes - 1, before.relationships - 1]);
    const left = await db.read('MATCH (n:Entity {dataset: $id}) RETURN n.key AS key ORDER BY key', { id });
    expect(left.map((r) => r.key)).toEqual([`meeting:${slug}-council`, `organisation:${slug}-ministry`]);

    expect(await graphChecksum(db, catalog, MAIN_DATASET_ID)).toEqual(mainBefore);
  });

  it('re-points a relationship and drops an extra label on update', async () => {
    const slug = uniqueSlug();
    const id = newDatasetId();
    const files = {
      'x.yaml': {
        nodes: [
          { key: `office:${slug}-a`, label: 'Office', extraLabels: ['Minister'], name: 'A', props: { kind: 'MINISTER' }, source: { section: '1' } },
          { key: `meeting:${slug}-m1`, label: 'Meeting', name: 'M1', props: { kind: 'CONFERENCE' }, source: { section: '1' } },
          { key: `meeting:${slug}-m2`, label: 'Meeting', name: 'M2', props: { kind: 'CONFERENCE' }, source: { section: '1' } },
        ],
        relationships: [
          { key: `chairs:${slug}`, type: 'CHAIRS', from: `office:${slug}-a`, to: `meeting:${slug}-m1`, props: { role: 'CHIEF' }, source: { section: '1' } },
        ],
      },
    };
    await loadDataset(db, catalog, writeDataset(id, files));
    files['x.yaml'].relationships[0]!.to = `meeting:${slug}-m2`;
    delete (files['x.yaml'].nodes[0] as { extraLabels?: string[] }).extraLabels;
    const summary = await loadDataset(db, catalog, writeDataset(id, files));
    expect(summary.relationships).toEqual({ ...zero, updated: 1 });
    expect(summary.nodes).toEqual({ ...zero, updated: 1, unchanged: 2 });
    const rows = await db.read('MATCH (o:Entity {key: $o})-[r:CHAIRS]->(m) RETURN m.key AS to, labels(o) AS labels', { o: `office:${slug}-a` });
    expect(rows).toEqual([{ to: `meeting:${slug}-m2`, labels: expect.not.arrayContaining(['Minister']) }]);
  });

  it('may not take over a key that belongs to another dataset', async () => {
    const id = newDatasetId();
    const before = await graphChecksum(db, catalog);
    const dir = writeDataset(id, {
      'x.yaml': { nodes: [{ key: 'organisation:mof', label: 'Organisation', name: 'Not the MOF', props: { kind: 'MINISTRY' }, source: { section: '1' } }] },
    });
    const error = await loadDataset(db, catalog, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedLoadError);
    expect((error as Error).message).toContain('organisation:mof (japan-customs-2016)');
    expect(await graphChecksum(db, catalog)).toEqual(before);
  });

  it('rolls back completely when a statement fails part-way through the load', async () => {
    const slug = uniqueSlug();
    const id = newDatasetId();
    const files = smallDataset(slug);
    await loadDataset(db, catalog, writeDataset(id, files));
    const before = await graphChecksum(db, catalog);

    // The same statements, except that writing relationships fails at run time (after the nodes were written).
    const cypherDir = mkdtempSync(path.join(tmpdir(), 'seed-cypher-'));
    cpSync(fileURLToPath(new URL('../../cypher', import.meta.url)), cypherDir, { recursive: true });
    writeFileSync(path.join(cypherDir, 'seed', 'update-relationships.cypher'), 'UNWIND $rows AS row RETURN sum(1 / 0) AS written');
    const broken = await CypherCatalog.load(cypherDir);

    files['organisations.yaml'].nodes[0]!.name = 'Renamed ministry';
    files['meetings.yaml'].relationships[0]!.props.from = '2010';
    const error = await loadDataset(db, broken, writeDataset(id, files)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/by zero/);
    expect(await graphChecksum(db, catalog)).toEqual(before);
    const [row] = await db.read('MATCH (n:Entity {key: $key}) RETURN n.name AS name', { key: `organisation:${slug}-ministry` });
    expect(row?.name).toBe(`Ministry ${slug}`);
  });
});

describe('first load of a large dataset, committed in parts', () => {
  // The limits are lowered so that a small dataset takes the path a million-record one takes.
  const inParts = { singleTransactionLimit: 1, bulkTransactionSize: 2 };

  it('creates exactly what one transaction would, and reloads through the one-transaction path', async () => {
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    const single = newDatasetId();
    const parts = newDatasetId();
    await loadDataset(db, catalog, writeDataset(single, files));
    const lines: string[] = [];
    const summary = await loadDataset(db, catalog, writeDataset(parts, smallDataset(`${slug}-p`)), (l) => lines.push(l), inParts);
    expect(lines.some((l) => /committing every 2/.test(l))).toBe(true);
    const own = await graphChecksum(db, catalog, parts);
    expect(summary.nodes.created).toBe(own.nodes);
    expect(summary.relationships.created).toBe(own.relationships);
    expect(own.nodes).toBe((await graphChecksum(db, catalog, single)).nodes);
    expect(own.relationships).toBe((await graphChecksum(db, catalog, single)).relationships);
    // Present now, so a reload is the ordinary merge: nothing changes.
    const again = await loadDataset(db, catalog, writeDataset(parts, smallDataset(`${slug}-p`)), () => undefined, inParts);
    expect(again.nodes).toEqual({ ...zero, unchanged: own.nodes });
  });

  it('removes every part it committed when a later part fails', async () => {
    const id = newDatasetId();
    const before = await graphChecksum(db, catalog);
    const cypherDir = mkdtempSync(path.join(tmpdir(), 'seed-cypher-'));
    cpSync(fileURLToPath(new URL('../../cypher', import.meta.url)), cypherDir, { recursive: true });
    writeFileSync(path.join(cypherDir, 'seed', 'create-relationships.cypher'), 'UNWIND $rows AS row RETURN sum(1 / 0) AS written');
    const broken = await CypherCatalog.load(cypherDir);
    const error = await loadDataset(db, broken, writeDataset(id, smallDataset(uniqueSlug())), () => undefined, inParts).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/by zero/);
    expect(await graphChecksum(db, catalog)).toEqual(before);
  });
});
