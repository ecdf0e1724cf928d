/**
 * What the imported store still lacks once it runs, so that it reads exactly like a transactional load: the
 * empty lists a CSV field cannot carry (a node's `aliases` is not one of them: no load stores an empty one).
 */
import type { Database } from '../../neo4j/database.js';
import { SeedLoadError } from '../loader.js';
import type { ImportFiles } from './csv-files.js';

export const AFTER_IMPORT_STATEMENTS = ['bulk/empty-node-lists', 'bulk/empty-relationship-lists'] as const;
type Statements = { [K in (typeof AFTER_IMPORT_STATEMENTS)[number]]: string };

const BATCH = 10_000;

/** Other empty lists, by key: needs the entity_key constraint, so after the schema. */
export async function setEmptyLists(db: Database, q: Statements, dataset: string, empty: ImportFiles['emptyLists']): Promise<void> {
  const ctx = { operationName: `seed:${dataset}` };
  const parts = [
    [q['bulk/empty-node-lists'], empty.nodes, 'nodes'],
    [q['bulk/empty-relationship-lists'], empty.relationships, 'relationships'],
  ] as const;
  for (const [statement, rows, what] of parts) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const [row] = await db.write(statement, { rows: batch }, ctx);
      if (Number(row?.['written']) !== batch.length) throw new SeedLoadError(`set the empty lists of ${String(row?.['written'])} of ${batch.length} ${what}`);
    }
  }
}
