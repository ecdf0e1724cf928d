/**
 * The loader's side of consistent reads (src/neo4j/consistency.ts): the dataset's version, and the load
 * fence that keeps readers from straddling a commit. `raise` commits the fence in its own transaction (call
 * it just before the load's commit, or before the first part of a load in parts, and again to renew the
 * lease); `lower` clears it once the commit has returned or failed.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../neo4j/database.js';

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
