/**
 * Applies the constraints and indexes of `cypher/schema/`, in file order, to a new or an existing database.
 *
 * Every statement says IF NOT EXISTS (or IF EXISTS for a drop), so a second run changes nothing. An index
 * whose definition changed (its type, labels, relationship types or properties: a label added to the
 * full-text index, say) would be kept as it is by IF NOT EXISTS, so before each `CREATE … INDEX name IF NOT
 * EXISTS` the definition is compared with the database's index of that name (SHOW INDEXES), and a different
 * one is dropped first: editing a definition in cypher/schema/ is a migration that existing databases apply.
 *
 * Slots filled from the vocabulary (src/domain/vocabulary.ts), so adding an entity type needs no Cypher edit:
 * `{{searchableLabels}}` is every label the API shows as an Entity, joined by `|`; a statement with
 * `{{label}}` runs once per such label, with `{{label_snake}}` its snake_case (`MeasureCategory` → `measure_category`).
 */
import { SEARCHABLE_LABELS } from '../domain/vocabulary.js';
import { spliceIdentifiers, type CypherCatalog } from './cypher-catalog.js';
import type { Database } from './database.js';

export interface IndexDefinition {
  name: string;
  type: string;
  entityType: 'NODE' | 'RELATIONSHIP';
  labelsOrTypes: string[];
  properties: string[];
}

const snake = (label: string): string => label.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The statements of `cypher/schema/` with the vocabulary's slots filled, in the order they run. */
export function schemaStatements(catalog: CypherCatalog): { name: string; cypher: string }[] {
  const searchableLabels = SEARCHABLE_LABELS.join('|');
  return catalog.namesUnder('schema').flatMap((name) => {
    const text = catalog.get(name).replaceAll('{{searchableLabels}}', searchableLabels);
    if (!text.includes('{{label}}')) return [{ name, cypher: text }];
    return SEARCHABLE_LABELS.map((label) => ({
      name: `${name}[${label}]`,
      cypher: spliceIdentifiers(text, { label: SEARCHABLE_LABELS, label_snake: SEARCHABLE_LABELS.map(snake) }, { label, label_snake: snake(label) }),
    }));
  });
}

const CREATE_INDEX =
  /CREATE\s+(?:(RANGE|TEXT|POINT|FULLTEXT|VECTOR)\s+)?INDEX\s+(\w+)\s+IF\s+NOT\s+EXISTS\s+FOR\s+(?:\(\s*\w*\s*:\s*([\w|]+)\s*\)|\(\s*\)\s*<?-\s*\[\s*\w*\s*:\s*([\w|]+)\s*\]\s*->?\s*\(\s*\))\s+ON\s+(?:EACH\s+)?[[(]([^\])]*)[\])]/i;

/** The index a `CREATE … INDEX name IF NOT EXISTS` statement declares, or null for any other statement. */
export function declaredIndex(cypher: string): IndexDefinition | null {
  const code = cypher
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const m = CREATE_INDEX.exec(code);
  if (!m) return null;
  return {
    name: m[2]!,
    type: (m[1] ?? 'RANGE').toUpperCase(),
    entityType: m[3] ? 'NODE' : 'RELATIONSHIP',
    labelsOrTypes: (m[3] ?? m[4]!).split('|'),
    properties: m[5]!.split(',').map((p) => p.trim().replace(/^\w+\./, '')),
  };
}

/** Whether an index in the database has the definition a statement declares (labels in any order). */
export function sameIndex(declared: IndexDefinition, existing: IndexDefinition): boolean {
  const set = (xs: readonly string[]) => [...xs].sort().join('|');
  return (
    declared.type === existing.type &&
    declared.entityType === existing.entityType &&
    set(declared.labelsOrTypes) === set(existing.labelsOrTypes) &&
    declared.properties.join(',') === existing.properties.join(',')
  );
}

/**
 * Schema work is not a query: on a busy machine creating an index and waiting for it to come online can take
 * longer than QUERY_TIMEOUT_MS (a start-up failed so at a load average of 20). It gets this long, as
 * `db.awaitIndexes(300)` asks.
 */
const SCHEMA_TIMEOUT_MS = 310_000;

export async function applySchema(db: Database, catalog: CypherCatalog): Promise<string[]> {
  const statements = schemaStatements(catalog);
  const declared = statements.map((s) => declaredIndex(s.cypher));
  const rows = await db.readTx({ operationName: 'migration/indexes', timeoutMs: SCHEMA_TIMEOUT_MS }, async (tx) => (await tx.run(catalog.get('migration/indexes'))).records.map((r) => r.toObject()));
  const existing = new Map(rows.map((r) => [r['name'] as string, r as unknown as IndexDefinition]));
  const names = declared.flatMap((d) => (d ? [d.name] : []));
  for (const [i, { name, cypher }] of statements.entries()) {
    const want = declared[i];
    const have = want ? existing.get(want.name) : undefined;
    if (want && have && !sameIndex(want, have)) {
      const drop = spliceIdentifiers(catalog.get('migration/drop-index'), { index: names }, { index: want.name });
      await db.write(drop, {}, { operationName: `migration/drop-index ${want.name}`, timeoutMs: SCHEMA_TIMEOUT_MS });
    }
    // Schema statements cannot share a transaction with each other's writes, so each runs alone.
    await db.write(cypher, {}, { operationName: `schema/${name}`, timeoutMs: SCHEMA_TIMEOUT_MS }).catch((error: unknown) => {
      throw new Error(`cypher/schema/${name}.cypher: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  await db.write('CALL db.awaitIndexes(300)', {}, { operationName: 'schema/await-indexes', timeoutMs: SCHEMA_TIMEOUT_MS });
  return statements.map((s) => s.name);
}
