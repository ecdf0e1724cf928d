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
 * records. Neo4j holds a transaction's changes in its heap until the commit (a million nodes with two
 * million relationships need more than 10 GiB), so such a load commits every BULK_TRANSACTION_SIZE
 * records, and if any part fails it deletes everything of the dataset it wrote before rethrowing: the
 * end state is still all or nothing, and the load fence (src/seed/fence.ts) keeps readers out meanwhile.
 */
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, Row } from '../neo4j/database.js';
import { CypherCatalog } from '../neo4j/cypher-catalog.js';
import { readDataset, type Dataset, type PropValue, type SeedNode, type SeedRelationship } from './format.js';
import { datasetVersion, loadFence } from './fence.js';

export const BATCH_SIZE = 2_000;
/** A load is one transaction; it may take longer than an API query, never forever (callers may allow more). */
export const SEED_TIMEOUT_MS = 300_000;
/** Records (nodes + relationships) above which a first load commits in parts. */
export const SINGLE_TRANSACTION_LIMIT = 500_000;
/** Records per transaction of a load in parts. */
export const BULK_TRANSACTION_SIZE = 50_000;

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
] as const;
type Statements = { [K in (typeof STATEMENTS)[number]]: string };

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface LoadSummary {
  dataset: string;
  nodes: ChangeCounts;
  relationships: ChangeCounts;
}

/** Raised when the database state forbids the load (a key owned by another dataset, a write that went missing). */
export class SeedLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedLoadError';
  }
}

/** JSON with object keys sorted, so equal content always hashes equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of everything a node stores (not which file it came from: moving a record between files is no change). */
export function nodeHash(dataset: string, n: SeedNode): string {
  const { key, label, extraLabels, name, aliases, props, source } = n;
  return sha256(canonical({ dataset, key, label, extraLabels, name, aliases, props, source }));
}

export function relationshipHash(dataset: string, r: SeedRelationship): string {
  const { key, type, from, to, props, source } = r;
  return sha256(canonical({ dataset, key, type, from, to, props, source }));
}

export interface NodeRow {
  key: string;
  labels: string[];
  props: Record<string, PropValue | null>;
}

export interface RelationshipRow {
  key: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, PropValue | null>;
}

export function nodeRow(dataset: string, n: SeedNode): NodeRow {
  return {
    key: n.key,
    labels: [n.label, ...n.extraLabels],
    props: {
      ...n.props,
      key: n.key,
      name: n.name,
      aliases: n.aliases,
      // Full-text indexes read string properties only: the aliases are searchable through this one.
      aliasesText: n.aliases.join(' | '),
      dataset,
      sourceSection: n.source.section,
      sourceQuote: n.source.quote,
      inferred: n.source.reading !== null,
      reading: n.source.reading,
      contentHash: nodeHash(dataset, n),
    },
  };
}

export function relationshipRow(dataset: string, r: SeedRelationship): RelationshipRow {
  return {
    key: r.key,
    type: r.type,
    from: r.from,
    to: r.to,
    props: {
      ...r.props,
      key: r.key,
      dataset,
      sourceSection: r.source.section,
      sourceQuote: r.source.quote,
      inferred: r.source.reading !== null,
      reading: r.source.reading,
      contentHash: relationshipHash(dataset, r),
    },
  };
}

function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
  const q = catalog.require(STATEMENTS);
  const dataset = await readDataset(dir);
  log(`validated ${dataset.id}: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships`);
  return loadValidated(db, q, dataset, log, {
    timeoutMs: options.timeoutMs ?? SEED_TIMEOUT_MS,
    singleTransactionLimit: options.singleTransactionLimit ?? SINGLE_TRANSACTION_LIMIT,
    bulkTransactionSize: options.bulkTransactionSize ?? BULK_TRANSACTION_SIZE,
  });
}

export interface LoadOptions {
  /** The bound on each transaction (default SEED_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Records above which a first load commits in parts (default SINGLE_TRANSACTION_LIMIT). */
  singleTransactionLimit?: number;
  /** Records per part (default BULK_TRANSACTION_SIZE). */
  bulkTransactionSize?: number;
}

async function loadValidated(
  db: Database,
  q: Statements,
  dataset: Dataset,
  log: (msg: string) => void,
  options: Required<LoadOptions>,
): Promise<LoadSummary> {
  const { timeoutMs } = options;
  const id = dataset.id;
  const nodeRows = dataset.nodes.map((n) => nodeRow(id, n));
  const relRows = dataset.relationships.map((r) => relationshipRow(id, r));

  const version = datasetVersion(id, [...nodeRows, ...relRows]);
  if (nodeRows.length + relRows.length > options.singleTransactionLimit) {
    const [row] = await db.read(q['seed/dataset-present'], { dataset: id }, { operationName: `seed:${id}` });
    if (row?.['present'] !== true) return loadFirstInParts(db, q, id, version, nodeRows, relRows, log, options);
  }

  // Readers are kept from straddling the commit (src/neo4j/consistency.ts).
  const fence = loadFence(db, { up: q['seed/fence-up'], down: q['seed/fence-down'] }, id);
  try {
    return await loadInOne(db, q, id, version, nodeRows, relRows, log, timeoutMs, () => fence.raise());
  } finally {
    await fence.lower();
  }
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

    // The last write: the dataset's version; then the fence goes up, and the driver commits.
    const [versionRow] = await run(tx, q['seed/dataset-version'], { dataset: id, version });
    const changed = nodeCreates.length + nodeUpdates.length + nodeRemovals.length + relCreates.length + relUpdates.length + relDeletes.length > 0;
    if (changed || versionRow?.['same'] !== true) await beforeCommit();
    return { dataset: id, nodes, relationships: rels };
  });
}

/**
 * The first load of a large dataset, committed every BULK_TRANSACTION_SIZE records (see the header). Nothing of
 * the dataset is in the database yet, so every record is created; on any failure the dataset's nodes and
 * relationships are deleted again, in parts, and the error is rethrown.
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
): Promise<LoadSummary> {
  const ctx = { operationName: `seed:${id}`, timeoutMs: options.timeoutMs };
  const size = options.bulkTransactionSize;
  await db.readTx(ctx, (tx) => refuseForeignKeys(tx, q, id, nodeRows, relRows));
  log(`first load of ${nodeRows.length + relRows.length} records: committing every ${size}`);
  // Readers stay out for the whole load: the fence is up before the first part commits, renewed before each.
  const fence = loadFence(db, { up: q['seed/fence-up'], down: q['seed/fence-down'] }, id);
  const lease = options.timeoutMs + 60_000;
  const part = async (statement: string, rows: readonly (NodeRow | RelationshipRow)[], what: string) => {
    for (const chunk of batches(rows, size)) {
      await fence.raise(lease);
      await db.writeTx(ctx, (tx) => writeRows(tx, statement, chunk, what));
    }
  };
  try {
    await part(q['seed/create-nodes'], nodeRows, 'new nodes');
    log(`nodes: ${nodeRows.length} created`);
    await part(q['seed/create-relationships'], relRows, 'new relationships (an end node is missing)');
    log(`relationships: ${relRows.length} created`);
    await fence.raise(lease);
    await db.write(q['seed/dataset-version'], { dataset: id, version }, ctx);
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

/** True when the database holds no Entity node at all (a fresh database). The catalog defaults to `cypher/`. */
export async function isDatabaseEmpty(db: Database, catalog?: CypherCatalog): Promise<boolean> {
  const cypher = (catalog ?? (await CypherCatalog.load())).get('seed/is-empty');
  const [row] = await db.read(cypher, {});
  return row?.empty === true;
}

export interface GraphChecksum {
  checksum: string;
  nodes: number;
  relationships: number;
}

/**
 * A deterministic fingerprint of the graph (or one dataset of it): every Entity node's key, labels and content
 * hash, every relationship's key, type, ends and content hash, plus the counts. Equal checksums, equal graphs
 * (as far as the seeds are concerned). The catalog defaults to `cypher/`.
 */
export async function graphChecksum(db: Database, catalog?: CypherCatalog, dataset: string | null = null): Promise<GraphChecksum> {
  const q = (catalog ?? (await CypherCatalog.load())).require(['seed/checksum-nodes', 'seed/checksum-relationships'] as const);
  return db.readTx({ operationName: 'seed:checksum' }, async (tx) => {
    const nodes = await run(tx, q['seed/checksum-nodes'], { dataset });
    const rels = await run(tx, q['seed/checksum-relationships'], { dataset });
    const hash = createHash('sha256');
    hash.update(`nodes:${nodes.length};relationships:${rels.length}\n`);
    for (const n of nodes) {
      const labels = (n.labels as string[]).slice().sort().join(',');
      hash.update(`N ${String(n.key)} ${labels} ${String(n.contentHash)}\n`);
    }
    for (const r of rels) hash.update(`R ${String(r.key)} ${String(r.type)} ${String(r.from)} ${String(r.to)} ${String(r.contentHash)}\n`);
    return { checksum: hash.digest('hex'), nodes: nodes.length, relationships: rels.length };
  });
}
