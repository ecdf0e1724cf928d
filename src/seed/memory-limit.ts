/**
 * Neo4j's memory limit for one transaction (`db.memory.transaction.max`; the local Neo4j's `neo4j.tx.memory.mb`,
 * 256 MiB): a load that outgrows it is rolled back whole, so the loader can retry it in smaller parts
 * (src/seed/loader.ts) or refuse it with a message that says which setting to raise.
 */

/** Neo4j refused a transaction for outgrowing `db.memory.transaction.max` (not the shared pool, which frees up). */
export function isTransactionMemoryLimit(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /(^|[^\w.])db\.memory\.transaction\.max\b/.test(message);
}

/** What to tell whoever loads: `what` outgrew the limit, nothing changed, and what to do instead. */
export function memoryLimitMessage(dataset: string, what: string, error: unknown): string {
  return (
    `loading ${dataset}: ${what} outgrew the database's memory limit for one transaction (db.memory.transaction.max; ` +
    `the local Neo4j's is 256 MiB), so nothing was changed (${error instanceof Error ? error.message : String(error)}). ` +
    'Raise db.memory.transaction.max on the Neo4j server, or load the dataset into a database without it, where a first load commits in parts.'
  );
}
