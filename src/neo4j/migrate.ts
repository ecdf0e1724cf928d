/** Applies the constraints and indexes of `cypher/schema/` (idempotent: every statement says IF NOT EXISTS). */
import type { CypherCatalog } from './cypher-catalog.js';
import type { Database } from './database.js';

export async function applySchema(db: Database, catalog: CypherCatalog): Promise<string[]> {
  const names = catalog.namesUnder('schema');
  for (const name of names) {
    // Schema statements cannot share a transaction with each other's writes, so each runs alone.
    await db.write(catalog.get(name), {}, { operationName: `schema/${name}` });
  }
  await db.write('CALL db.awaitIndexes(300)', {}, { operationName: 'schema/await-indexes' });
  return names;
}
