/**
 * `npm run seed -- --remove <dataset>`: removes a loaded dataset: its nodes, its relationships and its
 * (:Dataset) node, so its version leaves every ETag and every reader's fence reads (loading the dataset
 * empty removed its records but kept that node). Other datasets are never touched: a dataset's
 * relationships join its own nodes only (the seed format refuses any other reference).
 *
 * Readers are kept out while it runs (the load fence, src/seed/fence.ts). A dataset of up to
 * SINGLE_TRANSACTION_LIMIT records goes in one transaction (all or nothing); a larger one in parts, the
 * (:Dataset) node last: one that fails part-way is finished by running the command again.
 */
import type { Database, Row } from '../neo4j/database.js';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import { loadFence } from './fence.js';
import { SEED_TIMEOUT_MS, SeedLoadError, SINGLE_TRANSACTION_LIMIT } from './loader.js';

const STATEMENTS = [
  'seed/dataset-size',
  'seed/delete-dataset-chunk',
  'seed/delete-dataset-node',
  'seed/fence-up',
  'seed/fence-down',
  'seed/publish-versions',
  'dataset/versions',
] as const;

/** Nodes deleted (with their relationships) per statement of a removal in parts. */
const CHUNK = 10_000;

export interface RemoveSummary {
  dataset: string;
  nodes: number;
  relationships: number;
}

const count = (rows: Row[], field: string) => Number(rows[0]?.[field] ?? 0);

export interface RemoveOptions {
  /** Records above which the removal goes in parts (default SINGLE_TRANSACTION_LIMIT). */
  singleTransactionLimit?: number;
  /** Nodes deleted per part (default 10,000). */
  partSize?: number;
}

export async function removeDataset(
  db: Database,
  catalog: CypherCatalog,
  id: string,
  log: (msg: string) => void = () => undefined,
  options: RemoveOptions = {},
): Promise<RemoveSummary> {
  const q = catalog.require(STATEMENTS);
  const ctx = { operationName: `seed:remove:${id}`, timeoutMs: SEED_TIMEOUT_MS };
  const [size] = await db.read(q['seed/dataset-size'], { dataset: id }, ctx);
  const nodes = Number(size?.['nodes'] ?? 0);
  const relationships = Number(size?.['relationships'] ?? 0);
  if (size?.['registered'] !== true && nodes === 0 && relationships === 0) {
    const loaded = (await db.read(q['dataset/versions'], {}, ctx)).map((r) => String(r['id']));
    throw new SeedLoadError(`no dataset "${id}" is loaded; loaded: ${loaded.length > 0 ? loaded.join(', ') : 'none'}.`);
  }
  log(`removing ${id}: ${nodes} nodes, ${relationships} relationships`);
  const fence = loadFence(db, { up: q['seed/fence-up'], down: q['seed/fence-down'] }, id);
  const params = { dataset: id, limit: options.partSize ?? CHUNK };
  try {
    if (nodes + relationships <= (options.singleTransactionLimit ?? SINGLE_TRANSACTION_LIMIT)) {
      await db.writeTx(ctx, async (tx) => {
        await tx.run(q['seed/delete-dataset-chunk'], { ...params, limit: nodes });
        await tx.run(q['seed/delete-dataset-node'], params);
        await fence.raise();
        await tx.run(q['seed/publish-versions']);
      });
    } else {
      await fence.raise(SEED_TIMEOUT_MS + 60_000);
      while (count(await db.write(q['seed/delete-dataset-chunk'], params, ctx), 'deleted') > 0) await fence.raise(SEED_TIMEOUT_MS + 60_000);
      await db.writeTx(ctx, async (tx) => {
        await tx.run(q['seed/delete-dataset-node'], params);
        await tx.run(q['seed/publish-versions']);
      });
    }
  } finally {
    await fence.lower();
  }
  return { dataset: id, nodes, relationships };
}
