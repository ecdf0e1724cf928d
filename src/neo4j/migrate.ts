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
 * `{{label}}` runs once per such label, with `{{label_snake}}` its snake_case (`MeasureCategory` → `measure_category`);
 * one with `{{type}}` runs once per relationship type, with `{{type_snake}}` its lower case (`MEMBER_OF` → `member_of`).
 */
import { RELATIONSHIP_TYPES, SEARCHABLE_LABELS } from '../domain/vocabulary.js';
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
    if (text.includes('{{type}}')) {
      const snakes = RELATIONSHIP_TYPES.map((t) => t.toLowerCase());
      return RELATIONSHIP_TYPES.map((type) => ({
        name: `${name}[${type}]`,
        cypher: spliceIdentifiers(text, { type: RELATIONSHIP_TYPES, type_snake: snakes }, { type, type_snake: type.toLowerCase() }),
      }));
    }
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
 * How long each migration statement may take: as long as it waits for the indexes (`db.awaitIndexes(300)`),
 * not the request timeout of the Database it runs on (QUERY_TIMEOUT_MS), which a new database's indexes
 * outlast on a busy machine.
 */
const MIGRATION_TIMEOUT_MS = 300_000;

export async function applySchema(db: Database, catalog: CypherCatalog): Promise<string[]> {
  const statements = schemaStatements(catalog);
  const declared = statements.map((s) => declaredIndex(s.cypher));
  const ctx = (operationName: string) => ({ operationName, timeoutMs: MIGRATION_TIMEOUT_MS });
  const rows = await db.readTx(ctx('migration/indexes'), async (tx) => (await tx.run(catalog.get('migration/indexes'))).records.map((r) => r.toObject()));
  const existing = new Map(rows.map((r) => [r['name'] as string, r as unknown as IndexDefinition]));
  const names = declared.flatMap((d) => (d ? [d.name] : []));
  for (const [i, { name, cypher }] of statements.entries()) {
    const want = declared[i];
    const have = want ? existing.get(want.name) : undefined;
    if (want && have && !sameIndex(want, have)) {
      const drop = spliceIdentifiers(catalog.get('migration/drop-index'), { index: names }, { index: want.name });
      await db.write(drop, {}, ctx(`migration/drop-index ${want.name}`));
    }
    // Schema statements cannot share a transaction with each other's writes, so each runs alone.
    await db.write(cypher, {}, ctx(`schema/${name}`)).catch((error: unknown) => {
      throw new Error(`cypher/schema/${name}.cypher: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  await db.write('CALL db.awaitIndexes(300)', {}, ctx('schema/await-indexes'));
  return statements.map((s) => s.name);
}
