/** A connection to the test run's Neo4j (started by the global setup), one per test file. */
import { inject } from 'vitest';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { createLogger } from '../../src/logger.js';

export interface TestDb {
  db: Database;
  catalog: CypherCatalog;
}

let handle: Promise<TestDb> | undefined;

export function neo4jSettings() {
  return {
    uri: inject('neo4jUri'),
    username: inject('neo4jUsername'),
    password: inject('neo4jPassword'),
    database: inject('neo4jDatabase'),
    queryTimeoutMs: 20_000,
  };
}

export function testDb(): Promise<TestDb> {
  handle ??= (async () => {
    const settings = neo4jSettings();
    const db = new Database(createDriver(settings), settings, createLogger('silent'));
    return { db, catalog: await CypherCatalog.load() };
  })();
  return handle;
}

export async function closeTestDb(): Promise<void> {
  if (handle) await (await handle).db.close();
  handle = undefined;
}
