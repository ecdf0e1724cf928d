/**
 * The vocabulary (src/domain/vocabulary.ts) against what must agree with it, without a database: the GraphQL
 * schema of schema/, the Cypher of cypher/ (the full-text index, the per-type name index, the date filter), the
 * seed format and the seed data. Adding an entity type that misses one of these fails here, not silently.
 */
import { readFileSync } from 'node:fs';
import { isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AGREEMENT_KINDS,
  CONNECTION_LABELS,
  ENDPOINTS,
  AGREEMENT_LIFE,
  ENTITY_TYPES,
  NODE_LABELS,
  OPENING_DATE_PROPERTIES,
  RELATIONSHIP_TYPES,
  SEARCHABLE_LABELS,
} from '../../src/domain/vocabulary.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { CHOSEN_STYLE, NODE_STYLE } from '../../src/explorer/page/node-style.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { declaredIndex, schemaStatements } from '../../src/neo4j/migrate.js';
import { NODE_PROPS, RELATIONSHIP_PROPS, readDataset } from '../../src/seed/format.js';
import { ENTITY_ROOTS } from '../../src/services/filters.js';
import { MAIN_DATASET_DIR } from '../seed/helpers.js';

/** The properties a strict zod object of the seed format lists. */
const shapeOf = (type: unknown): Record<string, unknown> => (type as { shape: Record<string, unknown> }).shape;

let schema: GraphQLSchema;
let catalog: CypherCatalog;

beforeAll(async () => {
  schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
  catalog = await CypherCatalog.load();
});

const enumValues = (name: string): string[] => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`schema has no enum ${name}`);
  return type.getValues().map((v) => v.name);
};

describe('the GraphQL schema agrees with the vocabulary', () => {
  it('every label has an object type of its name; the Entity types are exactly the searchable labels', () => {
    for (const label of NODE_LABELS) expect(isObjectType(schema.getType(label)), `type ${label}`).toBe(true);
    const entities = schema.getPossibleTypes(schema.getType('Entity') as never).map((t) => t.name);
    expect([...entities].sort()).toEqual([...SEARCHABLE_LABELS].sort());
  });

  it("every kind the seed format accepts is a value of its type's kind enum (one the schema cannot represent answers 500)", () => {
    for (const label of NODE_LABELS) {
      const kind = schema.getType(label) && isObjectType(schema.getType(label)) ? (schema.getType(label) as never as { getFields(): Record<string, { type: unknown }> }).getFields()['kind'] : undefined;
      const accepted = shapeOf(NODE_PROPS[label])['kind'] as { options?: readonly string[] } | undefined;
      if (!kind || !accepted) continue;
      const enumName = String(kind.type).replace(/!$/, '');
      // A code of any spelling would pass the loader and break every answer that reaches it.
      expect(accepted.options, `${label}.kind: the seed format must list the ${enumName} values`).toBeDefined();
      const representable = enumValues(enumName);
      expect(accepted.options!.filter((k) => !representable.includes(k)), `${label}.kind values ${enumName} lacks`).toEqual([]);
    }
  });

  it('SearchableType lists the search value of every searchable label, and nothing else', () => {
    expect(enumValues('SearchableType').sort()).toEqual(SEARCHABLE_LABELS.map((l) => ENTITY_TYPES[l].search).sort());
  });

  it('each root of the vocabulary is a Query field returning <Type>Connection, with its <Type>Edge', () => {
    const query = schema.getQueryType()!.getFields();
    for (const label of CONNECTION_LABELS) {
      const root = ENTITY_TYPES[label].root!;
      expect(String(query[root]?.type), `Query.${root}`).toBe(`${label}Connection!`);
      expect(isObjectType(schema.getType(`${label}Edge`)), `${label}Edge`).toBe(true);
    }
    expect(Object.keys(ENTITY_ROOTS).sort()).toEqual(CONNECTION_LABELS.map((l) => ENTITY_TYPES[l].root).sort());
    for (const label of NODE_LABELS.filter((l) => ENTITY_TYPES[l].root === null)) expect(schema.getType(`${label}Connection`), label).toBeUndefined();
  });

  it('RelationshipType and AgreementKind list the vocabulary relationship types and agreement kinds', () => {
    expect(enumValues('RelationshipType').sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(enumValues('AgreementKind')).toEqual([...AGREEMENT_KINDS]);
  });
});

describe('cypher/ agrees with the vocabulary', () => {
  it('the entity_search full-text index covers exactly the searchable labels', () => {
    const search = schemaStatements(catalog)
      .map((s) => declaredIndex(s.cypher))
      .find((d) => d?.name === 'entity_search');
    expect(search?.type).toBe('FULLTEXT');
    expect([...search!.labelsOrTypes].sort()).toEqual([...SEARCHABLE_LABELS].sort());
  });

  it('every searchable label has a range index on its name (the unfiltered page starts inside it)', () => {
    const indexes = schemaStatements(catalog).flatMap((s) => declaredIndex(s.cypher) ?? []);
    for (const label of SEARCHABLE_LABELS) {
      expect(
        indexes.some((d) => d.type === 'RANGE' && d.labelsOrTypes.join() === label && d.properties.join() === 'name'),
        `${label}(name)`,
      ).toBe(true);
    }
  });

  it('every label whose seed format has a kind has a range index on its kind (the kinds filter starts inside it)', () => {
    const indexes = schemaStatements(catalog).flatMap((s) => declaredIndex(s.cypher) ?? []);
    const withKind = NODE_LABELS.filter((l) => Object.hasOwn(shapeOf(NODE_PROPS[l]), 'kind'));
    expect(withKind.length).toBeGreaterThan(3);
    const missing = withKind.filter((l) => !indexes.some((d) => d.type === 'RANGE' && d.labelsOrTypes.join() === l && d.properties.join() === 'kind'));
    expect(missing, 'labels without a kind index (cypher/schema/040-entity-type-kind.cypher, applied per searchable label)').toEqual([]);
  });

  it('every relationship type has its key uniqueness constraint', () => {
    const text = schemaStatements(catalog).map((s) => s.cypher).join('\n');
    for (const type of RELATIONSHIP_TYPES) expect(text, type).toMatch(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) REQUIRE r\\.key IS UNIQUE`));
  });

  it('the date filter compares the opening date of the vocabulary, in order', () => {
    const filter = readFileSync(new URL('../../cypher/entity/filter.cypher', import.meta.url), 'utf8');
    const listed = /coalesce\(([^)]*)\)(?: END)? AS d/.exec(filter)?.[1]?.split(',').map((p) => p.trim().replace(/^n\./, ''));
    expect(listed).toEqual([...OPENING_DATE_PROPERTIES]);
  });

  it('the search indexes cover the searchable labels: entity_search on the phrases, entity_search_key on the exact keys', () => {
    const indexes = schemaStatements(catalog).flatMap((s) => declaredIndex(s.cypher) ?? []);
    const key = indexes.find((d) => d.name === 'entity_search_key');
    expect(key).toMatchObject({ type: 'FULLTEXT', properties: ['searchKeys'] });
    expect([...key!.labelsOrTypes].sort()).toEqual([...SEARCHABLE_LABELS].sort());
    expect(indexes.find((d) => d.name === 'entity_search')?.properties).toEqual(['searchText']);
  });
});

describe('the seed format and data agree with the vocabulary', () => {
  it('the format has properties for every label and relationship type, endpoints only of known labels', () => {
    expect(Object.keys(NODE_PROPS).sort()).toEqual([...NODE_LABELS].sort());
    expect(Object.keys(RELATIONSHIP_PROPS).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    for (const pairs of Object.values(ENDPOINTS)) {
      for (const end of pairs.flat()) expect([...NODE_LABELS, '*']).toContain(end);
    }
  });

  it("every label's life opens and closes on date properties of its own, and the one opening order keeps each label's", () => {
    for (const label of NODE_LABELS) {
      const { opens, closes } = ENTITY_TYPES[label].life;
      const own = Object.keys(shapeOf(NODE_PROPS[label]));
      for (const p of [...opens, ...closes]) expect(own, `${label}.${p}`).toContain(p);
      // A node's opening date is coalesce(OPENING_DATE_PROPERTIES): that must pick the label's first present one.
      expect(OPENING_DATE_PROPERTIES.filter((p) => own.includes(p)), label).toEqual([...opens]);
    }
    expect(Object.keys(shapeOf(RELATIONSHIP_PROPS.AGREEMENT))).toEqual(expect.arrayContaining([...AGREEMENT_LIFE.opens]));
  });

  it('key prefixes are distinct, and every seed node key starts with its label prefix', async () => {
    const prefixes = NODE_LABELS.map((l) => ENTITY_TYPES[l].keyPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const ds = await readDataset(MAIN_DATASET_DIR);
    const wrong = ds.nodes.filter((n) => !n.key.startsWith(`${ENTITY_TYPES[n.label].keyPrefix}:`)).map((n) => n.key);
    expect(wrong).toEqual([]);
  });
});

describe('the explorer agrees with the vocabulary', () => {
  it('every label it draws (the searchable ones) has a look of its own, and every chosen look is of such a label', () => {
    expect(SEARCHABLE_LABELS.filter((l) => !Object.hasOwn(NODE_STYLE, l)), 'labels without a style in src/explorer/page/node-style.ts').toEqual([]);
    expect(Object.keys(CHOSEN_STYLE).filter((t) => !SEARCHABLE_LABELS.includes(t as never))).toEqual([]);
    // Two types drawn alike could not be told apart: neither colour nor shape is shared.
    const looks = Object.values(NODE_STYLE);
    expect(new Set(looks.map(([c]) => c)).size).toBe(looks.length);
    expect(new Set(looks.map(([, s]) => s)).size).toBe(looks.length);
  });
});
