/**
 * The loader's side of consistent reads (src/neo4j/consistency.ts): the dataset's version, and the load
 * fence that keeps readers from straddling a commit. `raise` commits the fence in its own transaction (call
 * it just before the load's commit, or before the first part of a load in parts, and again to renew the
 * lease); `lower` clears it once the commit has returned or failed.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../neo4j/database.js';
import { readGraphStats, refreshGraphStats, type GraphStatsStatements, type RunStatement } from '../neo4j/graph-stats.js';

/** How long a raised fence holds if the loader dies before lowering it. */
export const COMMIT_LEASE_MS = 60_000;

/** The dataset's version: a hash of every record's content hash, in key order. */
export function datasetVersion(id: string, records: readonly { key: string; props: Record<string, unknown> }[]): string {
  const hash = createHash('sha256').update(`${id}\n`);
  for (const r of [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) hash.update(`${r.key} ${String(r.props['contentHash'])}\n`);
  return hash.digest('hex');
}

export interface LoadFence {
  raise(leaseMs?: number): Promise<void>;
  lower(): Promise<void>;
}

export function loadFence(db: Database, statements: { up: string; down: string }, dataset: string): LoadFence {
  let raised = false;
  const ctx = { operationName: `seed:${dataset}:fence` };
  return {
    async raise(leaseMs = COMMIT_LEASE_MS) {
      raised = true;
      await db.write(statements.up, { dataset, leaseMs }, ctx);
    },
    async lower() {
      if (!raised) return;
      // Readers wait while it is up: try hard to lower it (the lease ends it anyway).
      for (let attempt = 1; ; attempt++) {
        try {
          await db.write(statements.down, {}, ctx);
          raised = false;
          return;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    },
  };
}

/**
 * Publishes every dataset's version on the fence node (cypher/seed/publish-versions.cypher), where the readers'
 * fence read finds them in one seek: through `run`, in the transaction that writes or deletes a (:Dataset) node,
 * after the fence was raised for its commit (raising it takes the same node, from another transaction).
 */
export async function publishVersions(run: RunStatement, statement: string): Promise<void> {
  await run(statement, {});
}

/**
 * The last writes of a load, through `run` (one write transaction): the dataset's version, then the graph's
 * statistics counted over what that transaction sees (src/neo4j/graph-stats.ts), so that both commit together.
 * The statistics are not counted again when nothing changed and the stored ones describe these versions.
 * Returns whether the version was the same as before.
 */
export async function writeVersionAndStats(
  run: RunStatement,
  q: GraphStatsStatements & { 'seed/dataset-version': string },
  dataset: string,
  version: string,
  changed: boolean,
): Promise<boolean> {
  const [row] = await run(q['seed/dataset-version'], { dataset, version });
  const same = row?.['same'] === true;
  if (!changed && same) {
    const stored = await readGraphStats(run, q);
    if (stored.stats !== undefined && stored.stats.versions === stored.current) return same;
  }
  await refreshGraphStats(run, q);
  return same;
}
