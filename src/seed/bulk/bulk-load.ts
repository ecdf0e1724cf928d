/**
 * `npm run seed -- --bulk`: a first (or whole-database) load through Neo4j's offline bulk importer, for the
 * local Neo4j. Steps, each timed:
 *
 *   1. validate the dataset and build the loader's own rows (same properties, provenance, content hashes);
 *   2. write them as CSV files and import them into a staging store beside the data folder (the live store is
 *      not touched: a bad dataset or a failing import leaves it exactly as it was);
 *   3. when a store exists, start it and refuse if it holds nodes of any other dataset (a bulk load replaces
 *      the whole database), then stop it; this also refuses a data folder another Neo4j has open;
 *   4. swap the imported store in (the old one is moved aside), start it, check the node and relationship
 *      counts, create the constraints and indexes (src/neo4j/migrate.ts) and wait for them, and write the
 *      dataset's version last (src/seed/fence.ts), as the transactional loader does;
 *   5. on any failure in 4 the new store is stopped and the old one put back; on success the old one is deleted.
 *
 * No API can be reading meanwhile: the engine holds its data folder's lock, so the store is swapped only while
 * this process alone owns it, and readers first see it with its version written.
 */
import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import path from 'node:path';
import { createLogger } from '../../logger.js';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../local-neo4j/local-neo4j.js';
import { CypherCatalog } from '../../neo4j/cypher-catalog.js';
import { createDriver, Database, type Neo4jSettings } from '../../neo4j/database.js';
import { applySchema } from '../../neo4j/migrate.js';
import { readDataset } from '../format.js';
import { datasetVersion, publishVersions, writeVersionAndStats } from '../fence.js';
import { GRAPH_STATS_STATEMENTS, runIn } from '../../neo4j/graph-stats.js';
import { SeedLoadError, type LoadSummary } from '../loader.js';
import { nodeRow, relationshipRow } from '../rows.js';
import { AFTER_IMPORT_STATEMENTS, setEmptyLists } from './after-import.js';
import { writeImportFiles, type ImportFiles } from './csv-files.js';
import { IMPORT_DATABASE, runImportTool } from './import-tool.js';
import { bulkPreflight } from './preflight.js';
import { hasStore, swapStore } from './store-swap.js';

export interface BulkTimings {
  validateMs: number;
  csvMs: number;
  importMs: number;
  /** Checking the old store, swapping, starting the new one and checking its counts. */
  swapMs: number;
  /** Setting the empty lists, creating the constraints and indexes and waiting until they are online. */
  schemaMs: number;
  /** Everything after validation: what a rate is computed from. */
  writeMs: number;
}

export interface BulkLoadResult {
  summary: LoadSummary;
  timings: BulkTimings;
}

/** Test hooks: a failing import or a new store that fails after the swap, without a broken engine. */
export interface BulkHooks {
  afterCsv?: (files: ImportFiles) => Promise<void>;
  afterSwap?: () => Promise<void>;
}

export interface BulkLoadOptions {
  local: LocalNeo4jOptions;
  queryTimeoutMs?: number;
  progress?: (line: string) => void;
  hooks?: BulkHooks;
}

export interface BulkConnection {
  db: Database;
  driver: Driver;
  local: LocalNeo4j;
  close(): Promise<void>;
}

async function open(options: BulkLoadOptions): Promise<BulkConnection> {
  const local = await startLocalNeo4j(options.local);
  const settings: Neo4jSettings = {
    uri: local.uri,
    username: 'neo4j',
    password: '',
    database: IMPORT_DATABASE,
    queryTimeoutMs: options.queryTimeoutMs ?? 600_000,
  };
  const driver = createDriver(settings);
  const db = new Database(driver, settings, createLogger('silent'));
  return {
    db,
    driver,
    local,
    close: async () => {
      await db.close().catch(() => undefined);
      await local.stop();
    },
  };
}

async function rowsOf(dir: string) {
  const dataset = await readDataset(dir);
  const id = dataset.id;
  const sourceDate = dataset.source.asOf ?? null;
  return { id, nodeRows: dataset.nodes.map((n) => nodeRow(id, n, sourceDate)), relRows: dataset.relationships.map((r) => relationshipRow(id, r, sourceDate)) };
}

/** Bulk-loads the dataset in `dir` into the local Neo4j of `options.local`; resolves with it running (close it). */
export async function bulkLoad(dir: string, options: BulkLoadOptions): Promise<BulkLoadResult & { connection: BulkConnection }> {
  const log = options.progress ?? (() => undefined);
  const started = performance.now();
  const catalog = await CypherCatalog.load();
  const q = catalog.require(['bulk/foreign-datasets', 'bulk/counts', 'seed/dataset-version', 'seed/publish-versions', ...AFTER_IMPORT_STATEMENTS, ...GRAPH_STATS_STATEMENTS] as const);
  // The parsed records are not kept past this line (a million of them weigh gigabytes): only their rows.
  const { id, nodeRows, relRows } = await rowsOf(dir);
  const version = datasetVersion(id, [...nodeRows, ...relRows]);
  const validated = performance.now();
  log(`validated ${id}: ${nodeRows.length} nodes, ${relRows.length} relationships`);

  // The data folder in use, or the port taken, is said now, not after the CSV files and the import.
  await bulkPreflight(options.local);
  const live = path.resolve(options.local.dataDir);
  const staging = `${live}.bulk`;
  await rm(staging, { recursive: true, force: true });
  try {
    const files = await writeImportFiles(path.join(staging, 'csv'), nodeRows, relRows);
    const written = performance.now();
    log(`wrote ${files.nodes.length} node and ${files.relationships.length} relationship CSV files in ${((written - validated) / 1000).toFixed(1)} s`);
    await options.hooks?.afterCsv?.(files);
    await runImportTool({ home: path.join(staging, 'home'), files, progress: log });
    const imported = performance.now();
    log(`imported into a staging store in ${((imported - written) / 1000).toFixed(1)} s`);

    if (hasStore(live)) {
      log('checking the current database before replacing it');
      const current = await open(options);
      try {
        const others = await current.db.read(q['bulk/foreign-datasets'], { dataset: id });
        if (others.length > 0) {
          const names = others.map((r) => (r['dataset'] == null ? 'nodes of no dataset' : String(r['dataset']))).join(', ');
          throw new SeedLoadError(
            `the database holds other data (${names}); a bulk load replaces the whole database, so it was not done: load without --bulk.`,
          );
        }
      } finally {
        await current.close();
      }
    }

    const swapped = await swapStore(live, path.join(staging, 'home'), path.join(staging, 'previous'));
    let connection: BulkConnection | undefined;
    try {
      await options.hooks?.afterSwap?.();
      connection = await open(options);
      const [counts] = await connection.db.read(q['bulk/counts'], {});
      if (Number(counts?.['nodes']) !== nodeRows.length || Number(counts?.['relationships']) !== relRows.length) {
        throw new SeedLoadError(
          `the imported store holds ${String(counts?.['nodes'])} nodes and ${String(counts?.['relationships'])} relationships, ` +
            `not the dataset's ${nodeRows.length} and ${relRows.length}`,
        );
      }
      const swappedAt = performance.now();
      log('creating the constraints and indexes');
      await applySchema(connection.db, catalog);
      await setEmptyLists(connection.db, q, id, files.emptyLists);
      // Last, as the transactional loader does: the version readers compare (src/neo4j/consistency.ts), with the
      // graph's statistics (src/neo4j/graph-stats.ts), and published on the fence node.
      log('counting the graph\'s statistics');
      await connection.db.writeTx({ operationName: `seed:${id}` }, async (tx) => {
        await writeVersionAndStats(runIn(tx), q, id, version, true);
        await publishVersions(runIn(tx), q['seed/publish-versions']);
      });
      const done = performance.now();
      await swapped.discard();
      log(`bulk load of ${id} done in ${((done - validated) / 1000).toFixed(1)} s`);
      const none = { updated: 0, unchanged: 0, removed: 0 };
      return {
        connection,
        summary: { dataset: id, nodes: { created: nodeRows.length, ...none }, relationships: { created: relRows.length, ...none } },
        timings: {
          validateMs: validated - started,
          csvMs: written - validated,
          importMs: imported - written,
          swapMs: swappedAt - imported,
          schemaMs: done - swappedAt,
          writeMs: done - validated,
        },
      };
    } catch (error) {
      await connection?.close();
      await swapped.restore();
      log('the new store was not kept: the previous one is back in place');
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
