/**
 * A fresh local Neo4j for one benchmark step: an empty data folder under .bench/, the project's schema
 * (constraints and indexes) applied, the shipped seed graph loaded (as the API does on a fresh database; it
 * also warms the JVM and the planner, so a synthetic load after it runs at the steady rate, not the first
 * minute of a cold JVM), and one Database handle. Stopping it deletes the folder, so a
 * million-node step leaves no gigabytes behind.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../src/logger.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createDriver, Database, type Neo4jSettings } from '../../src/neo4j/database.js';
import { applySchema } from '../../src/neo4j/migrate.js';
import { loadDataset } from '../../src/seed/loader.js';

const SEED_DIR = fileURLToPath(new URL('../../seeds/japan-customs-2016', import.meta.url));

export interface BenchNeo4jOptions {
  port: number;
  dataDir: string;
  /** JVM heap: a load is one transaction, and a million-node transaction lives in the heap. */
  heapMb: number;
  pageCacheMb: number;
  progress?: (line: string) => void;
}

export interface BenchNeo4j {
  local: LocalNeo4j;
  settings: Neo4jSettings;
  db: Database;
  catalog: CypherCatalog;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(options: BenchNeo4jOptions): Promise<BenchNeo4j> {
  await rm(options.dataDir, { recursive: true, force: true });
  const local = await startLocalNeo4j({
    port: options.port,
    dataDir: options.dataDir,
    // A busy machine (a shared CI host) can take minutes to start a JVM.
    startTimeoutMs: 600_000,
    heapMb: options.heapMb,
    pageCacheMb: options.pageCacheMb,
    progress: options.progress ?? (() => undefined),
  });
  // Loads of a million records take minutes; queries keep a generous timeout so a slow one is measured, not cut.
  const settings: Neo4jSettings = { uri: local.uri, username: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000 };
  const db = new Database(createDriver(settings), settings, createLogger('silent'));
  const catalog = await CypherCatalog.load();
  try {
    await applySchema(db, catalog);
    await loadDataset(db, catalog, SEED_DIR);
  } catch (error) {
    await db.close();
    await local.stop();
    throw error;
  }
  return {
    local,
    settings,
    db,
    catalog,
    stop: async () => {
      await db.close().catch(() => undefined);
      await local.stop();
      await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}
