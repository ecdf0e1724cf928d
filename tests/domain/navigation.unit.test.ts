/**
 * Every navigation field has one declaration (src/domain/navigation.ts), and both paths derive their handler
 * from it: the resolver map a resolver, the compiler a projection in the same statement. A field of an entity
 * type that reads entities but is not declared (the "forgotten line": it used to answer `null` on both paths,
 * silently) fails here and stops the schema from being built at all. No database.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getNamedType, isCompositeType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OperationCompiler } from '../../src/compiler/compiler.js';
import { explainOperation } from '../../src/compiler/explain.js';
import { NAVIGATION } from '../../src/domain/navigation.js';
import { NODE_LABELS } from '../../src/domain/vocabulary.js';
import { navigationProblems } from '../../src/graphql/navigation-check.js';
import { buildSchema, loadTypeDefs } from '../../src/graphql/schema.js';
import type { Database } from '../../src/neo4j/database.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createRepositories, type Repositories } from '../../src/repositories/index.js';
import { resolvers } from '../../src/resolvers/index.js';
import { NODE_PROPS, RELATIONSHIP_PROPS } from '../../src/seed/schemas.js';

const executable = (extra: string[] = []): GraphQLSchema =>
  makeExecutableSchema({ typeDefs: [...loadTypeDefs(), ...extra], resolvers: resolvers as never, inheritResolversFromInterfaces: true });

const declared: [string, string][] = Object.entries(NAVIGATION).flatMap(([type, fields]) => Object.keys(fields).map((f): [string, string] => [type, f]));

describe('navigation declarations', () => {
  let schema: GraphQLSchema;
  let repos: Repositories;
  beforeAll(async () => {
    schema = buildSchema();
    repos = createRepositories({} as Database, await CypherCatalog.load());
  });

  it('every field of the schema that reads entities from an entity, an agreement or an edge is declared, and every declaration is a field', () => {
    expect(navigationProblems(executable())).toEqual([]);
    // The declarations cover the vocabulary's types that have navigation, the agreement and the edge objects.
    expect(declared.length).toBeGreaterThan(40);
  });

  it('a field added without its declaration is reported, and the schema is not built (the silent null is gone)', () => {
    const problems = navigationProblems(
      executable([
        'extend type Organisation { customsOffice: Organisation }',
        'extend type Meeting { hostings: [HostingEdge!]! }',
        'type CustomsEdge { office: Office } extend type Plan { customs: [CustomsEdge!]! }',
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Organisation\.customsOffice reads Organisation from the graph but has no declaration/),
      expect.stringMatching(/^Meeting\.hostings reads HostingEdge from the graph but has no declaration/),
      expect.stringMatching(/^Plan\.customs reads CustomsEdge from the graph but has no declaration/),
      expect.stringMatching(/^CustomsEdge\.office reads Office from the graph but has no declaration/),
    ]);
  });

  it('every other field of an entity type or an agreement answers a property the seed format stores, so a field whose declaration is deleted fails even when it returns no record (Country.agreementKinds)', () => {
    const stored = (shape: z.ZodType): string[] => Object.keys((shape as z.ZodObject).shape);
    const properties: [string, string[]][] = [
      ...NODE_LABELS.map((label): [string, string[]] => [label, ['key', 'name', ...stored(NODE_PROPS[label])]]),
      ['Agreement', ['key', ...stored(RELATIONSHIP_PROPS.AGREEMENT)]],
    ];
    const unanswered = properties.flatMap(([name, props]) => {
      const type = schema.getType(name);
      if (!isObjectType(type)) return [`${name} is not an object type`];
      return Object.values(type.getFields())
        .filter((f) => !f.resolve && !props.includes(f.name))
        .map((f) => `${name}.${f.name}`);
    });
    expect(unanswered).toEqual([]);
  });

  it.each(declared)('%s.%s: the resolver map has the resolver its declaration derives', (type, field) => {
    const own = (resolvers as Record<string, Record<string, unknown> | undefined>)[type]?.[field];
    expect(typeof own).toBe('function');
    const def = schema.getType(type);
    expect(isObjectType(def) && typeof def.getFields()[field]?.resolve).toBe('function');
  });

  /** An operation that reaches `type.field` from `node(id:)`, under the alias `probe`. */
  function reaching(type: string, field: string): string {
    const def = schema.getType(type);
    if (!isObjectType(def)) throw new Error(`${type} is not an object type`);
    const target = getNamedType(def.getFields()[field]!.type);
    const probe = `probe: ${field}${isCompositeType(target) ? ' { __typename }' : ''}`;
    if ((NODE_LABELS as readonly string[]).includes(type)) return `{ node(id: "x:y") { ... on ${type} { ${probe} } } }`;
    if (type === 'Agreement') return `{ node(id: "agreement:x") { ... on Agreement { ${probe} } } }`;
    // An edge object: through a declared field of an entity type that returns it.
    for (const [owner, fields] of Object.entries(NAVIGATION)) {
      const ownerType = schema.getType(owner);
      if (!isObjectType(ownerType) || !(NODE_LABELS as readonly string[]).includes(owner)) continue;
      for (const name of Object.keys(fields)) {
        if (getNamedType(ownerType.getFields()[name]!.type).name === type) return `{ node(id: "x:y") { ... on ${owner} { ${name} { ${probe} } } } }`;
      }
    }
    throw new Error(`no declared field returns ${type}`);
  }

  it.each(declared)('%s.%s: the compiler projects it in the statement of the operation that asks for it', (type, field) => {
    const compiler = new OperationCompiler({} as Database, repos);
    const [statement] = explainOperation(compiler, schema, parse(reaching(type, field)), {}, repos);
    expect(statement!.cypher).toContain('`probe`: ');
  });
});
