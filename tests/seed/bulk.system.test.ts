/**
 * `npm run seed -- --bulk`: the seed dataset through Neo4j's offline bulk importer into a local Neo4j of its
 * own, compared with the transactional load of the global setup (the test run's Neo4j): the same nodes,
 * relationships, properties and property types, the same dataset version, the same constraints and indexes,
 * and saved operations answering the same. Then a bad dataset, a failing import and a new store that fails
 * after the swap each leave that database's store as it was, byte for byte. Two Neo4j starts in all: the
 * first load's, and the check of the current store that the last failing load makes before its swap.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/support/free-port.js';
import { savedOperations } from '../../bench/load.js';
import { loadConfig } from '../../src/config.js';
import { readDatasetInfo } from '../../src/graphql/datasets.js';
import { createApp } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { READ_FENCE } from '../../src/neo4j/consistency.js';
import type { Database } from '../../src/neo4j/database.js';
import { createRepositories } from '../../src/repositories/index.js';
import { bulkLoad, type BulkConnection } from '../../src/seed/bulk/bulk-load.js';
import { BulkImportError } from '../../src/seed/bulk/import-tool.js';
import { STORE_PARTS } from '../../src/seed/bulk/store-swap.js';
import { SeedValidationError } from '../../src/seed/format.js';
import { graphChecksum } from '../../src/seed/loader.js';
import { closeTestDb, readsTestDatabase, testDb } from '../support/db.js';
import { MAIN_DATASET_DIR, MAIN_DATASET_ID, smallDataset, uniqueSlug, writeDataset } from './helpers.js';

readsTestDatabase();

const NODES = `MATCH (n:Entity {dataset: $dataset})
  RETURN n.key AS key, labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ':' + valueType(n[k])] AS types ORDER BY key`;
const RELATIONSHIPS = `MATCH (a)-[r]->(b) WHERE r.dataset = $dataset
  RETURN r.key AS key, type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props, [k IN keys(r) | k + ':' + valueType(r[k])] AS types
  ORDER BY key`;
const SCHEMA = `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state
  WHERE type <> 'LOOKUP' RETURN name, type, entityType, labelsOrTypes, properties, state ORDER BY name`;
/** Operations addressed by the seed's own keys (other test files add throw-away datasets to the shared database). */
const OPERATIONS = ['MeetingPage', 'WhoChairsTheFirearmsMeeting', 'PlanLineage', 'AgreementDetail'];

/**
 * The database's store and transaction-log files under a Neo4j home (the parts a bulk load swaps), each with
 * its SHA-256: the same map twice is the same store, byte for byte.
 */
function storeFiles(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of STORE_PARTS) {
    const base = path.join(home, part);
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      out[path.relative(home, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  }
  return out;
}

const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, labels: (r['labels'] as string[] | undefined)?.slice().sort(), types: (r['types'] as string[]).slice().sort() }));

let transactional: Database;
let catalog: CypherCatalog;
let bulk: BulkConnection;
let port: number;
let dataDir: string;
let root: string;

beforeAll(async () => {
  ({ db: transactional, catalog } = await testDb());
  root = mkdtempSync(path.join(tmpdir(), 'bulk-'));
  dataDir = path.join(root, 'data');
  port = await freePort();
  ({ connection: bulk } = await bulkLoad(MAIN_DATASET_DIR, { local: { port, dataDir, startTimeoutMs: 600_000, heapMb: 1024, pageCacheMb: 128 } }));
}, 900_000);

afterAll(async () => {
  await bulk?.close();
  await closeTestDb();
  rmSync(root, { recursive: true, force: true });
});

/** Posts each named GraphQL request body to an API over `db`; returns each response's data. */
async function post(db: Database, bodies: Record<string, string>): Promise<Record<string, unknown>> {
  const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', LOG_LEVEL: 'silent', PORT: '0', HTTP_CACHE: 'off' });
  const app = await createApp({ config, logger: createLogger('silent'), db, repos: createRepositories(db, catalog), datasets: readDatasetInfo([config.seed.dir]) });
  const { url } = await app.listen(0);
  try {
    const out: Record<string, unknown> = {};
    for (const [name, body] of Object.entries(bodies)) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      out[name] = ((await res.json()) as { data?: unknown }).data;
    }
    return out;
  } finally {
    await app.stop();
  }
}

function answers(db: Database, names: readonly string[]): Promise<Record<string, unknown>> {
  return post(db, Object.fromEntries(savedOperations().operations.filter((o) => names.includes(o.name)).map((o) => [o.name, o.body])));
}

describe('a bulk load of the seed dataset reads exactly like the transactional load', () => {
  it('has the same nodes and relationships, with the same labels, properties and property types', async () => {
    for (const statement of [NODES, RELATIONSHIPS]) {
      const expected = sorted(await transactional.read(statement, { dataset: MAIN_DATASET_ID }));
      const actual = sorted(await bulk.db.read(statement, { dataset: MAIN_DATASET_ID }));
      expect(actual.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    }
    expect(await graphChecksum(bulk.db, catalog, MAIN_DATASET_ID)).toEqual(await graphChecksum(transactional, catalog, MAIN_DATASET_ID));
  });

  it('writes the same dataset version, and readers see it steady (no fence up)', async () => {
    const version = 'MATCH (d:Dataset {id: $dataset}) RETURN d.version AS version';
    const [expected] = await transactional.read(version, { dataset: MAIN_DATASET_ID });
    expect(await bulk.db.read(version, { dataset: MAIN_DATASET_ID })).toEqual([expected]);
    const [fence] = await bulk.db.read(READ_FENCE, {});
    expect(fence).toEqual({ loading: false, versions: `${MAIN_DATASET_ID}@${String(expected?.['version'])};` });
  });

  it('has every constraint and index of cypher/schema, online', async () => {
    const indexes = await bulk.db.read(SCHEMA, {});
    expect(indexes).toEqual(await transactional.read(SCHEMA, {}));
    expect(indexes.length).toBeGreaterThan(40);
    expect(indexes.every((i) => i['state'] === 'ONLINE')).toBe(true);
  });

  it('answers saved operations as the transactional load does', async () => {
    const expected = await answers(transactional, OPERATIONS);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(OPERATIONS));
    expect(await answers(bulk.db, OPERATIONS)).toEqual(expected);
  }, 300_000);

  it('stores no empty alias list (neither load does), and the API answers aliases: [] for an entity without aliases', async () => {
    const [row] = await bulk.db.read('MATCH (n:Entity {dataset: $dataset}) WHERE n.aliases IS NULL RETURN n.key AS key ORDER BY key LIMIT 1', { dataset: MAIN_DATASET_ID });
    expect(row?.['key']).toEqual(expect.any(String));
    const body = JSON.stringify({ query: 'query ($id: ID!) { node(id: $id) { id ... on Entity { aliases } } }', variables: { id: row!['key'] } });
    const expected = { node: { node: { id: row!['key'], aliases: [] } } };
    expect(await post(bulk.db, { node: body })).toEqual(expected);
    expect(await post(transactional, { node: body })).toEqual(expected);
  });
});

describe('a failed bulk load leaves the database as it was', () => {
  it('refuses a bad dataset, a failing import and a store that fails after the swap, and the store is as it was', async () => {
    await bulk.close();
    const local = { port, dataDir, startTimeoutMs: 600_000, heapMb: 1024, pageCacheMb: 128 };
    const stopped = storeFiles(dataDir);
    const slug = uniqueSlug();
    const files = smallDataset(slug);
    const good = writeDataset(`bulk-${slug}`, files);

    // A dataset that does not validate: nothing runs at all.
    const broken = smallDataset(slug);
    broken['meetings.yaml'].relationships[0]!.to = `meeting:${slug}-gone`;
    const bad = await bulkLoad(writeDataset(`bulk-${slug}`, broken), { local }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(SeedValidationError);
    expect(storeFiles(dataDir)).toEqual(stopped);

    // The importer refuses its input (a relationship between nodes that do not exist).
    const failing = await bulkLoad(good, {
      local,
      hooks: { afterCsv: async (f) => appendFileSync(f.relationships[0]!, '"no:such-node","no:other-node",PART_OF\n') },
    }).catch((e: unknown) => e);
    expect(failing).toBeInstanceOf(BulkImportError);
    expect((failing as Error).message).toMatch(/nothing was changed/);
    expect(storeFiles(dataDir)).toEqual(stopped);

    // The new store is in place when something fails: the old one is put back. Before the swap the load
    // starts the current store to check it holds this dataset only (the one Neo4j start of these cases: the
    // store still answers), then moves it aside; the hook records it there, as it was after that check.
    let checked: Record<string, string> | undefined;
    const late = await bulkLoad(MAIN_DATASET_DIR, {
      local,
      hooks: {
        afterSwap: () => {
          checked = storeFiles(path.join(`${dataDir}.bulk`, 'previous'));
          return Promise.reject(new Error('failed after the swap'));
        },
      },
    }).catch((e: unknown) => e);
    expect((late as Error).message).toBe('failed after the swap');
    expect(Object.keys(checked ?? {}).length).toBeGreaterThan(10);
    expect(storeFiles(dataDir)).toEqual(checked);
    expect(existsSync(`${dataDir}.bulk`)).toBe(false);
    expect(readdirSync(root)).toEqual(['data']);
  }, 900_000);
});
