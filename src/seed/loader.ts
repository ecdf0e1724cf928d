/**
 * Loads a validated seed dataset into Neo4j in ONE write transaction: records are merged on their keys,
 * records this dataset loaded before but no longer lists are removed, other datasets are never touched.
 * A record whose content hash is unchanged is not written at all, so a reload is a no-op.
 *
 * The loader knows, before writing, which records are new and which changed: new ones are CREATEd (no
 * per-row lookup of an existing record), changed ones are rewritten in place. Every statement reaches a
 * record through the entity_key index, never by scanning, so a load's cost grows with its own size only.
 *
 * One exception to "one transaction": the FIRST load of a dataset larger than SINGLE_TRANSACTION_LIMIT
 * records, or one that outgrows the database's per-transaction memory limit (`db.memory.transaction.max`; the
 * local Neo4j's is 256 MiB, which ~100k synthetic nodes with their relationships outgrow). Neo4j holds a
 * transaction's changes in its heap until the commit, so such a load commits in parts of at most
 * BULK_TRANSACTION_SIZE records; a part that still outgrows the limit is rolled back by Neo4j and retried in
 * halves. If any part fails otherwise, it deletes everything of the dataset it wrote before rethrowing: the end
 * state is still all or nothing, and the load fence (src/seed/fence.ts) keeps readers out meanwhile. A reload
 * (the dataset is present) stays one transaction, so that it can be undone by Neo4j alone; one whose changes
 * outgrow the limit is refused with a SeedLoadError that names the setting.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, Row } from '../neo4j/database.js';
import { CypherCatalog } from '../neo4j/cypher-catalog.js';
import { readDataset } from './format.js';
import { batches, nodeRow, relationshipRow, type NodeRow, type RelationshipRow } from './rows.js';
export { BATCH_SIZE, nodeHash, relationshipHash } from './rows.js';
export { graphChecksum, isDatabaseEmpty, staleDerivedCount, type GraphChecksum } from './inspect.js';
import { datasetVersion, loadFence, publishVersions, writeVersionAndStats } from './fence.js';
import { isTransactionMemoryLimit, memoryLimitMessage } from './memory-limit.js';
import { SeedLoadError, type ChangeCounts, type LoadSummary } from './load-summary.js';
import { GRAPH_STATS_STATEMENTS } from '../neo4j/graph-stats.js';

/** A load is one transaction; it may take longer than an API query, never forever (callers may allow more). */
export const SEED_TIMEOUT_MS = 300_000;
/**
 * Records (nodes + relationships) above which a first load commits in parts. Measured against the local Neo4j's
 * 256 MiB limit for one transaction: the 10k synthetic graph's 28,473 records fit in one, a part of 50,000 nodes did not.
 */
export const SINGLE_TRANSACTION_LIMIT = 30_000;
/** Records per transaction of a load in parts, at most (halved while a part outgrows the limit; 25,000 fit). */
export const BULK_TRANSACTION_SIZE = 20_000;

const STATEMENTS = [
  'seed/existing-nodes',
  'seed/existing-relationships',
  'seed/foreign-node-keys',
  'seed/foreign-relationship-keys',
  'seed/delete-relationships',
  'seed/delete-nodes',
  'seed/create-nodes',
  'seed/update-nodes',
  'seed/create-relationships',
  'seed/update-relationships',
  'seed/is-empty',
  'seed/dataset-present',
  'seed/delete-dataset-chunk',
  'seed/checksum-nodes',
  'seed/checksum-relationships',
  'seed/fence-up',
  'seed/fence-down',
  'seed/dataset-version',
  'seed/publish-versions',
  ...GRAPH_STATS_STATEMENTS,
] as const;
type Statements = { [K in (typeof STATEMENTS)[number]]: string };

export { SeedLoadError, type ChangeCounts, type LoadSummary } from './load-summary.js';

async function run(tx: ManagedTransaction, cypher: string, params: Row): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => r.toObject() as Row);
}

function counter(rows: Row[], field: string): number {
  return rows.reduce((sum, r) => sum + Number(r[field] ?? 0), 0);
}

/** Refuses (SeedLoadError) a dataset that lists keys another dataset, or no dataset, already owns. */
async function refuseForeignKeys(
  tx: ManagedTransaction,
  q: Statements,
  id: string,
  nodeRows: readonly NodeRow[],
  relRows: readonly RelationshipRow[],
): Promise<void> {
  const foreign = [
    ...(await run(tx, q['seed/foreign-node-keys'], { dataset: id, keys: nodeRows.map((r) => r.key) })),
    ...(await run(tx, q['seed/foreign-relationship-keys'], { dataset: id, keys: relRows.map((r) => r.key) })),
  ];
  if (foreign.length > 0) {
    throw new SeedLoadError(
      `dataset ${id} lists keys that belong to another dataset: ` +
        foreign.map((f) => `${String(f.key)} (${f.dataset == null ? 'no dataset' : String(f.dataset)})`).join(', '),
    );
  }
}

/**
 * Runs a create or update statement over rows in batches. A row that matches nothing (a relationship whose end is
 * missing) would vanish silently: it is refused, so the transaction rolls back.
 */
async function writeRows(tx: ManagedTransaction, statement: string, rows: readonly (NodeRow | RelationshipRow)[], what: string): Promise<void> {
  for (const batch of batches(rows)) {
    const written = counter(await run(tx, statement, { rows: batch }), 'written');
    if (written !== batch.length) throw new SeedLoadError(`wrote ${written} of ${batch.length} ${what}`);
  }
}

/** Validates the dataset folder, then loads it in one write transaction; returns what changed. */
export async function loadDataset(
  db: Database,
  catalog: CypherCatalog,
  dir: string,
  log: (msg: string) => void = () => undefined,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const dataset = await readDataset(dir);
  log(`validated ${dataset.id}: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships`);
  const { id } = dataset;
  const sourceDate = dataset.source.asOf ?? null;
  const nodeRows = dataset.nodes.map((n) => nodeRow(id, n, sourceDate));
  return loadRows(db, catalog, id, nodeRows, dataset.relationships.map((r) => relationshipRow(id, r, sourceDate)), log, options);
}

export interface LoadOptions {
  /** The bound on each transaction (default SEED_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Records above which a first load commits in parts (default SINGLE_TRANSACTION_LIMIT). */
  singleTransactionLimit?: number;
  /** Records per part (default BULK_TRANSACTION_SIZE). */
  bulkTransactionSize?: number;
}

/** Loads a dataset's rows (from its folder, or read from a database that holds it: src/seed/copy.ts); returns what changed. */
export async function loadRows(
  db: Database,
  catalog: CypherCatalog,
  id: string,
  nodeRows: NodeRow[],
  relRows: RelationshipRow[],
  log: (msg: string) => void = () => undefined,
  loadOptions: LoadOptions = {},
): Promise<LoadSummary> {
  const q = catalog.require(STATEMENTS);
  const options: Required<LoadOptions> = {
    timeoutMs: loadOptions.timeoutMs ?? SEED_TIMEOUT_MS,
    singleTransactionLimit: loadOptions.singleTransactionLimit ?? SINGLE_TRANSACTION_LIMIT,
    bulkTransactionSize: loadOptions.bulkTransactionSize ?? BULK_TRANSACTION_SIZE,
  };
  const { timeoutMs } = options;

  const version = datasetVersion(id, [...nodeRows, ...relRows]);
  const records = nodeRows.length + relRows.length;
  const present = async () => {
    const [row] = await db.read(q['seed/dataset-present'], { dataset: id }, { operationName: `seed:${id}` });
    return row?.['present'] === true;
  };
  if (records > options.singleTransactionLimit && !(await present())) {
    return loadFirstInParts(db, q, id, version, nodeRows, relRows, log, options, options.bulkTransactionSize);
  }

  // Readers are kept from straddling the commit (src/neo4j/consistency.ts).
  const fence = loadFence(db, { up: q['seed/fence-up'], down: q['seed/fence-down'] }, id);
  let outgrown: unknown;
  try {
    return await loadInOne(db, q, id, version, nodeRows, relRows, log, timeoutMs, () => fence.raise());
  } catch (error) {
    if (!isTransactionMemoryLimit(error)) throw error;
    outgrown = error;
  } finally {
    await fence.lower();
  }
  // Neo4j rolled the whole transaction back: nothing of it was written.
  if (await present()) throw new SeedLoadError(memoryLimitMessage(id, 'its changes', outgrown));
  log(`one transaction of ${records} records outgrew the database's memory limit for a transaction: loading in parts`);
  return loadFirstInParts(db, q, id, version, nodeRows, relRows, log, options, Math.min(options.bulkTransactionSize, Math.ceil(records / 2)));
}

async function loadInOne(
  db: Database,
  q: Statements,
  id: string,
  version: string,
  nodeRows: NodeRow[],
  relRows: RelationshipRow[],
  log: (msg: string) => void,
  timeoutMs: number,
  beforeCommit: () => Promise<void>,
): Promise<LoadSummary> {
  return db.writeTx({ operationName: `seed:${id}`, timeoutMs }, async (tx) => {
    await refuseForeignKeys(tx, q, id, nodeRows, relRows);

    const existingNodes = new Map(
      (await run(tx, q['seed/existing-nodes'], { dataset: id })).map((r) => [String(r.key), r.contentHash as string | null]),
    );
    const existingRels = new Map(
      (await run(tx, q['seed/existing-relationships'], { dataset: id })).map((r) => [
        String(r.key),
        { type: String(r.type), from: String(r.from), to: String(r.to), hash: r.contentHash as string | null },
      ]),
    );

    const nodes: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
    const rels: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };

    const nodeCreates: NodeRow[] = [];
    const nodeUpdates: NodeRow[] = [];
    for (const row of nodeRows) {
      const before = existingNodes.get(row.key);
      if (before === undefined) {
        nodes.created++;
        nodeCreates.push(row);
      } else if (before === row.props.contentHash) {
        nodes.unchanged++;
      } else {
        nodes.updated++;
        nodeUpdates.push(row);
      }
    }
    const listedNodes = new Set(nodeRows.map((r) => r.key));
    const nodeRemovals = [...existingNodes.keys()].filter((k) => !listedNodes.has(k));

    const relCreates: RelationshipRow[] = [];
    const relUpdates: RelationshipRow[] = [];
    // A relationship whose type or ends changed cannot be rewritten in place: delete it, then create it.
    const relDeletes: { key: string; from: string }[] = [];
    for (const row of relRows) {
      const before = existingRels.get(row.key);
      const moved = before !== undefined && (before.type !== row.type || before.from !== row.from || before.to !== row.to);
      if (before === undefined) {
        rels.created++;
        relCreates.push(row);
      } else if (before.hash === row.props.contentHash && !moved) {
        rels.unchanged++;
      } else {
        rels.updated++;
        if (moved) {
          relDeletes.push({ key: row.key, from: before.from });
          relCreates.push(row);
        } else {
          relUpdates.push(row);
        }
      }
    }
    const listedRels = new Set(relRows.map((r) => r.key));
    for (const [k, before] of existingRels) {
      if (!listedRels.has(k)) {
        rels.removed++;
        relDeletes.push({ key: k, from: before.from });
      }
    }

    for (const batch of batches(relDeletes)) await run(tx, q['seed/delete-relationships'], { dataset: id, rows: batch });
    for (const batch of batches(nodeRemovals)) {
      nodes.removed += counter(await run(tx, q['seed/delete-nodes'], { dataset: id, keys: batch }), 'deleted');
    }
    await writeRows(tx, q['seed/create-nodes'], nodeCreates, 'new nodes');
    await writeRows(tx, q['seed/update-nodes'], nodeUpdates, 'changed nodes');
    if (nodeCreates.length + nodeUpdates.length > 0) log(`nodes: ${nodeCreates.length} created, ${nodeUpdates.length} rewritten`);
    await writeRows(tx, q['seed/create-relationships'], relCreates, 'new relationships (an end node is missing)');
    await writeRows(tx, q['seed/update-relationships'], relUpdates, 'changed relationships (an end node is missing)');
    if (relCreates.length + relUpdates.length > 0) log(`relationships: ${relCreates.length} created, ${relUpdates.length} rewritten`);

    // The last writes: the dataset's version and the graph's statistics; then the fence goes up, the versions are
    // published on it, and the driver commits.
    const changed = nodeCreates.length + nodeUpdates.length + nodeRemovals.length + relCreates.length + relUpdates.length + relDeletes.length > 0;
    const same = await writeVersionAndStats((c, p) => run(tx, c, p), q, id, version, changed);
    if (changed || !same) await beforeCommit();
    await publishVersions((c, p) => run(tx, c, p), q['seed/publish-versions']);
    return { dataset: id, nodes, relationships: rels };
  });
}

/**
 * The first load of a large dataset, committed every `firstSize` records, halved while a part outgrows the memory
 * limit (see the header). Nothing of the dataset is in the database yet, so every record is created; on any
 * failure the dataset's nodes and relationships are deleted again, in parts, and the error is rethrown.
 */
async function loadFirstInParts(
  db: Database,
  q: Statements,
  id: string,
  version: string,
  nodeRows: NodeRow[],
  relRows: RelationshipRow[],
  log: (msg: string) => void,
  options: Required<LoadOptions>,
  firstSize: number,
): Promise<LoadSummary> {
  const ctx = { operationName: `seed:${id}`, timeoutMs: options.timeoutMs };
  let size = Math.max(1, firstSize);
  await db.readTx(ctx, (tx) => refuseForeignKeys(tx, q, id, nodeRows, relRows));
  log(`first load of ${nodeRows.length + relRows.length} records in parts: committing every ${size}`);
  // Readers stay out for the whole load: the fence is up before the first part commits, renewed before each.
  const fence = loadFence(db, { up: q['seed/fence-up'], down: q['seed/fence-down'] }, id);
  const lease = options.timeoutMs + 60_000;
  const part = async (statement: string, rows: readonly (NodeRow | RelationshipRow)[], what: string) => {
    for (let i = 0; i < rows.length; ) {
      const chunk = rows.slice(i, i + size);
      await fence.raise(lease);
      try {
        await db.writeTx(ctx, (tx) => writeRows(tx, statement, chunk, what));
        i += chunk.length;
      } catch (error) {
        // Rolled back by Neo4j: the same rows again, in a smaller part.
        if (!isTransactionMemoryLimit(error)) throw error;
        if (chunk.length === 1) throw new SeedLoadError(memoryLimitMessage(id, `one record (${chunk[0]!.key})`, error));
        size = Math.ceil(chunk.length / 2);
        log(`a part of ${chunk.length} records outgrew the database's memory limit for a transaction: committing every ${size}`);
      }
    }
  };
  try {
    await part(q['seed/create-nodes'], nodeRows, 'new nodes');
    log(`nodes: ${nodeRows.length} created`);
    await part(q['seed/create-relationships'], relRows, 'new relationships (an end node is missing)');
    log(`relationships: ${relRows.length} created; counting the graph's statistics (src/neo4j/graph-stats.ts)`);
    await fence.raise(lease);
    await db.writeTx(ctx, async (tx) => {
      await writeVersionAndStats((c, p) => run(tx, c, p), q, id, version, true);
      await publishVersions((c, p) => run(tx, c, p), q['seed/publish-versions']);
    });
  } catch (error) {
    log(`load failed part-way; removing what it wrote of ${id}`);
    try {
      for (;;) {
        const [row] = await db.write(q['seed/delete-dataset-chunk'], { dataset: id, limit: 10_000 }, ctx);
        if (Number(row?.['deleted'] ?? 0) === 0) break;
      }
    } catch (cleanup) {
      throw new SeedLoadError(
        `loading ${id} failed part-way (${error instanceof Error ? error.message : String(error)}), and removing what it wrote failed too ` +
          `(${cleanup instanceof Error ? cleanup.message : String(cleanup)}): remove the nodes whose dataset is "${id}", then load it again.`,
      );
    }
    throw error;
  } finally {
    await fence.lower();
  }
  const none = { updated: 0, unchanged: 0, removed: 0 };
  return { dataset: id, nodes: { created: nodeRows.length, ...none }, relationships: { created: relRows.length, ...none } };
}
