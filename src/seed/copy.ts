/**
 * The analyst's copy of the public database: every dataset the public database holds, in the analyst's own
 * Neo4j, at the same version. Each round compares the datasets' versions on both sides (`(:Dataset {version})`,
 * written last by every load, transactional or bulk); a dataset whose version differs is read from the public
 * database (its nodes, relationships and version in ONE read transaction, bracketed by the load fence like
 * every read, so never half a load) and loaded into the copy by the loader itself (`loadRows`: records whose
 * content hash is unchanged are not written; the copy's commit is fenced, so analysts never read half of it);
 * a dataset the public database no longer holds is removed from the copy. Rows that do not hash to the version
 * the public database states are not loaded (the round is tried again). What a round costs the public side is
 * one small read of the versions, plus one read of each changed dataset's records. A dataset of more than
 * COPY_MAX_NODES nodes is not copied this way (its records would weigh on the API's heap): the copy is made
 * from the store files when the API next starts (src/seed/analyst-store.ts).
 *
 * Every transaction of the copy is named `seed:analyst-copy` (the watchdog does not stop them).
 */
import type { Database, QueryContext } from '../neo4j/database.js';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import { datasetVersion, loadFence } from './fence.js';
import { loadRows, SeedLoadError, type LoadSummary } from './loader.js';
import type { NodeRow, RelationshipRow } from './rows.js';

const STATEMENTS = [
  'dataset/versions',
  'copy/dataset-nodes',
  'copy/dataset-relationships',
  'copy/dataset-version',
  'copy/dataset-size',
  'copy/drop-dataset',
  'seed/delete-dataset-chunk',
  'seed/fence-up',
  'seed/fence-down',
  'seed/publish-versions',
] as const;
type Statements = { [K in (typeof STATEMENTS)[number]]: string };

export const COPY_OPERATION = 'seed:analyst-copy';
/** A dataset's records may take long to read and load; never longer than a load may. */
const COPY_TIMEOUT_MS = 300_000;
/**
 * The largest dataset copied while the API runs: its records pass through the API's heap (about 1 kB a record).
 * A larger one is copied from the store files when the API next starts (src/seed/analyst-store.ts).
 */
export const COPY_MAX_NODES = 50_000;

export interface CopySummary {
  loaded: LoadSummary[];
  removed: string[];
  unchanged: string[];
  /** Datasets whose records did not hash to their stated version (a load was under way): tried again next round. */
  deferred: string[];
  /** Datasets too large to copy while the API runs (COPY_MAX_NODES), with their node counts. */
  tooLarge: { dataset: string; nodes: number }[];
}

const context = (timeoutMs?: number): QueryContext => ({ operationName: COPY_OPERATION, ...(timeoutMs ? { timeoutMs } : {}) });

async function versions(db: Database, q: Statements): Promise<Map<string, string | null>> {
  const rows = await db.read(q['dataset/versions'], {}, context());
  return new Map(rows.map((r) => [String(r['id']), r['version'] == null ? null : String(r['version'])]));
}

/** A dataset's rows and stated version, read in one transaction of the source. */
async function readDataset(source: Database, q: Statements, dataset: string) {
  return source.readTx(context(COPY_TIMEOUT_MS), async (tx) => {
    const nodes = (await tx.run(q['copy/dataset-nodes'], { dataset })).records.map(
      (r): NodeRow => ({ key: String(r.get('key')), labels: r.get('labels') as string[], props: r.get('props') as NodeRow['props'] }),
    );
    const relationships = (await tx.run(q['copy/dataset-relationships'], { dataset })).records.map(
      (r): RelationshipRow => ({
        key: String(r.get('key')),
        type: String(r.get('type')),
        from: String(r.get('from')),
        to: String(r.get('to')),
        props: r.get('props') as RelationshipRow['props'],
      }),
    );
    const version = (await tx.run(q['copy/dataset-version'], { dataset })).records[0]?.get('version') as string | null | undefined;
    return { nodes, relationships, version: version ?? null };
  });
}

/** Removes a dataset from the copy, behind the load fence (analysts wait rather than read half of it). */
async function removeDataset(target: Database, q: Statements, dataset: string): Promise<void> {
  const fence = loadFence(target, { up: q['seed/fence-up'], down: q['seed/fence-down'] }, dataset);
  try {
    await fence.raise();
    for (;;) {
      const [row] = await target.write(q['seed/delete-dataset-chunk'], { dataset, limit: 10_000 }, context(COPY_TIMEOUT_MS));
      if (Number(row?.['deleted'] ?? 0) === 0) break;
      await fence.raise();
    }
    await target.writeTx(context(), async (tx) => {
      await tx.run(q['copy/drop-dataset'], { dataset });
      await tx.run(q['seed/publish-versions']);
    });
  } finally {
    await fence.lower();
  }
}

/** One round: makes `target` hold every dataset of `source` at its version, and no other. */
export async function copyDatasets(source: Database, target: Database, catalog: CypherCatalog, log: (msg: string) => void = () => undefined): Promise<CopySummary> {
  const q = catalog.require(STATEMENTS);
  const [wanted, held] = await Promise.all([versions(source, q), versions(target, q)]);
  const summary: CopySummary = { loaded: [], removed: [], unchanged: [], deferred: [], tooLarge: [] };
  for (const [dataset, version] of wanted) {
    if (held.get(dataset) === version) {
      summary.unchanged.push(dataset);
      continue;
    }
    const [size] = await source.read(q['copy/dataset-size'], { dataset }, context());
    const nodes = Number(size?.['nodes'] ?? 0);
    if (nodes > COPY_MAX_NODES) {
      summary.tooLarge.push({ dataset, nodes });
      continue;
    }
    const rows = await readDataset(source, q, dataset);
    if (rows.version === null || datasetVersion(dataset, [...rows.nodes, ...rows.relationships]) !== rows.version) {
      summary.deferred.push(dataset);
      continue;
    }
    const load = () => loadRows(target, catalog, dataset, rows.nodes, rows.relationships, log, { timeoutMs: COPY_TIMEOUT_MS });
    try {
      summary.loaded.push(await load());
    } catch (error) {
      // A reload too large for one transaction of the copy, or keys another dataset held: start the dataset afresh.
      if (!(error instanceof SeedLoadError)) throw error;
      log(`copy of ${dataset}: ${error.message}; loading it afresh`);
      await removeDataset(target, q, dataset);
      summary.loaded.push(await load());
    }
  }
  for (const dataset of held.keys()) {
    if (wanted.has(dataset)) continue;
    await removeDataset(target, q, dataset);
    summary.removed.push(dataset);
  }
  return summary;
}
