/**
 * The cost estimate (src/graphql/cost.ts) over a graph's statistics written by hand: lists count what the graph
 * holds, pages what their label or filter holds, analyst roots their own bounds, introspection exactly what it
 * answers; and the guard fails closed. No database.
 */
import { getIntrospectionQuery, getNamedType, getNullableType, graphql, isListType, isObjectType, parse, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { costPlugin, estimateCost, MAX_ESTIMATE_STEPS, NotEstimable, type Estimate } from '../../src/graphql/cost.js';
import { hasRule } from '../../src/graphql/cost-bounds.js';
import { costRefusal } from '../../src/graphql/cost-messages.js';
import type { GraphStats } from '../../src/neo4j/graph-stats.js';
import { statsFixture } from './stats-fixture.js';

const schema = buildSchema();
const stats = statsFixture({
  'Organisation PART_OF in Organisation *': [
    [7, 1],
    [2, 3],
  ],
  'Organisation PART_OF in * *': [
    [9, 1],
    [2, 3],
  ],
  'Organisation PART_OF out Organisation *': [[1, 19]],
  'Organisation * * * *': [[12, 20]],
  'Meeting * * * *': [
    [22, 1],
    [5, 9],
  ],
  'Country * * * *': [[40, 1]],
});

function estimate(query: string, variables: Record<string, unknown> = {}, over: Partial<{ stats: GraphStats | undefined; maxItems: number }> = {}): Estimate {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return estimateCost({ schema, document, operation: operation as never, variables, bounds: { stats, maxItems: 10_000, analystMaxRows: 1_000, ...over } });
}
const cost = (query: string, variables?: Record<string, unknown>) => estimate(query, variables).cost;

/** Objects' fields and list items of an answer: what the estimate bounds. */
function items(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((n: number, v) => n + items(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + 1 + items(v), 0);
  return 0;
}

describe('lists count what the loaded graph holds', () => {
  it('an unpaginated list counts its field measured maximum, not a guess', () => {
    // node 1 + units (1 + 7 × (item 1 + name 1))
    expect(cost('{ node(id: "organisation:mof") { ... on Organisation { units { name } } } }')).toBe(16);
    // Another graph, another maximum.
    const other = statsFixture({ 'Organisation PART_OF in Organisation *': [[40, 1]], 'Organisation PART_OF in * *': [[40, 1]] });
    expect(estimate('{ node(id: "organisation:mof") { ... on Organisation { units { name } } } }', {}, { stats: other }).cost).toBe(1 + 1 + 40 * 2);
  });

  it('a page of 100 over 12 items counts 12: a kind filter holds its kinds only', () => {
    const q = '{ agreements(first: 100, filter: { kinds: [CMAA] }) { edges { node { name } } } }';
    expect(cost(q)).toBe(1 + 1 + 12 * (1 + 1 + 1));
    // Without the filter, every agreement (37); without `first`, the default page (20).
    expect(cost('{ agreements(first: 100) { edges { node { name } } } }')).toBe(1 + 1 + 37 * 3);
    expect(cost('{ agreements { edges { node { name } } } }')).toBe(1 + 1 + 20 * 3);
    // A page size from a variable counts its value.
    expect(cost('query ($n: Int) { agreements(first: $n) { edges { node { name } } } }', { n: 5 })).toBe(1 + 1 + 5 * 3);
  });

  it('a page of distinct nodes holds at most their largest lists together, not the page times the largest', () => {
    // 3 countries: Japan's 30 agreements and the next two's 2 each, not 3 × 30.
    const q = '{ countries(first: 3) { edges { node { agreements { name } } } } }';
    const perCountry = (30 + 2 + 2) / 3;
    expect(cost(q)).toBeCloseTo(1 + 1 + 3 * (1 + 1 + 1 + perCountry * 2), 6);
    // One country by id may be Japan: its largest.
    expect(cost('{ node(id: "country:us") { ... on Country { agreements { name } } } }')).toBe(1 + 1 + 30 * 2);
  });

  it('a tree is walked level by level: the units of distinct units are distinct', () => {
    const q = '{ node(id: "organisation:mof") { ... on Organisation { units { units { name } } } } }';
    // The 7 units of the largest, then the 7 largest lists of units together (7 + 2 + 2 + 2 + 0 + 0 + 0), not 7 × 7.
    const below = (7 + 2 + 2 + 2) / 7;
    expect(cost(q)).toBeCloseTo(1 + 1 + 7 * (1 + 1 + below * 2), 6);
  });

  it('without statistics, every list counts MAX_RESULT_ITEMS, the most a response may hold', () => {
    const none = estimate('{ node(id: "organisation:mof") { ... on Organisation { units { name } } } }', {}, { stats: undefined, maxItems: 500 });
    expect(none.cost).toBe(1 + 1 + 500 * 2);
    expect(none.largest[0]?.bound.source).toBe('unmeasured');
  });

  it('every list field of the schema has a rule (a new one cannot fall back to a guess unnoticed)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type)) || getNamedType(field.type).name.endsWith('Connection');
        if (list && !getNamedType(field.type).name.endsWith('Connection') && !hasRule(type.name, field.name)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('roots bounded by first or limit count their bound', () => {
  it('search(first: 50) counts 50 hits, or what the searched labels hold', () => {
    expect(cost('{ search(text: "customs", first: 50) { score } }')).toBe(1 + 50 * 2);
    expect(cost('{ search(text: "customs", first: 50, types: [COUNTRY]) { score } }')).toBe(1 + 8 * 2);
  });

  it('timeline(limit:) counts its limit, or the dated facts the graph holds', () => {
    expect(cost('{ timeline(limit: 30) { events { kind } } }')).toBe(1 + 1 + 30 * 2);
    // 40 dates + 20 dated relationships + 37 agreements + 2 revisions.
    expect(cost('{ timeline { events { kind } } }')).toBe(1 + 1 + 99 * 2);
  });

  it('neighbourhood(limit:) and shortestPath(maxHops:, limit:) count their bounds', () => {
    expect(cost('{ neighbourhood(id: "meeting:x", limit: 10) { nodes { distance } } }')).toBe(1 + 1 + 10 * 2);
    const paths = cost('{ shortestPath(from: "a:1", to: "b:2", all: true, maxHops: 3, limit: 4) { paths { nodes { name } } } }');
    expect(paths).toBe(1 + 1 + 4 * (1 + 1 + 4 * 2));
    // One path when not all.
    expect(cost('{ shortestPath(from: "a:1", to: "b:2", maxHops: 3) { paths { nodes { name } } } }')).toBe(1 + 1 + 1 * (1 + 1 + 4 * 2));
  });

  it('introspection counts exactly what it answers (GraphiQL query)', async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true });
    const answer = await graphql({ schema, source: query });
    expect(answer.errors).toBeUndefined();
    expect(cost(query)).toBe(items(answer.data));
    expect(cost('{ __type(name: "Office") { fields { name type { name } } } }')).toBe(
      items((await graphql({ schema, source: '{ __type(name: "Office") { fields { name type { name } } } }' })).data),
    );
  });
});

const FAN_OUT = 'agreements { parties { ... on Country { agreements { parties { ... on Country { agreements { parties { ... on Country { name } } } } } } } } }';

describe('the guard fails closed (issue 27, defect 2)', () => {
  it('a null for a nullable variable with a default, in a non-null argument of a branch never taken, does not hide the fan-out', () => {
    const q = `query ($d: PartialDate = "2000") { node(id: "country:japan") { ... on Agreement { inForce(asOf: $d) } ... on Country { ${FAN_OUT} } } }`;
    const fanOut = cost(`{ node(id: "country:japan") { ... on Country { ${FAN_OUT} } } }`);
    expect(fanOut).toBeGreaterThan(25_000);
    expect(cost(q, { d: null })).toBeGreaterThanOrEqual(fanOut);
  });

  it('fragments doubling 10,000+ selections do not hide the fan-out', () => {
    const fragments = Array.from({ length: 16 }, (_, k) => `fragment P${k + 1} on Query { ...P${k} ...P${k} }`).join('\n');
    const q = `query { ...P16 }\nfragment P0 on Query { node(id: "country:japan") { ... on Country { ${FAN_OUT} } } }\n${fragments}`;
    expect(cost(q)).toBeGreaterThan(25_000);
  });

  it('an operation that expands past the walk limit is not estimable', () => {
    let fragments = 'fragment F0 on Organisation { name }';
    for (let k = 1; k <= 9; k++) fragments += `\nfragment F${k} on Organisation { parent { ...F${k - 1} } units { ...F${k - 1} } posts { organisation { ...F${k - 1} } } }`;
    expect(3 ** 9).toBeGreaterThan(MAX_ESTIMATE_STEPS);
    expect(() => cost(`{ node(id: "organisation:mof") { ...F9 } }\n${fragments}`)).toThrow(NotEstimable);
  });

  const plugin = (over: Partial<Parameters<typeof costPlugin>[0]> = {}) =>
    costPlugin({
      maxCost: 25_000,
      maxItems: 10_000,
      analystMaxRows: 1_000,
      stats: async () => stats,
      tooCostly: costRefusal,
      notEstimable: (reason) => new GraphQLError(`not estimable: ${reason}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } }),
      actual: () => 0,
      ...over,
    });
  async function resolve(p: ReturnType<typeof plugin>, query: string): Promise<unknown> {
    const listener = await p.requestDidStart!({} as never);
    const document = parse(query);
    const ctx = { schema, document, request: { variables: {} }, operation: document.definitions[0], contextValue: { query: {} } };
    try {
      await listener!.didResolveOperation!(ctx as never);
      return ctx.contextValue.query;
    } catch (error) {
      return error;
    }
  }

  it('an estimate that throws refuses the operation with a clear error and a code', async () => {
    const failing = plugin({ stats: async () => Promise.reject(new Error('the statistics broke')) });
    const error = (await resolve(failing, '{ __typename }')) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', http: { status: 400 } });
    // An operation it can estimate goes through, with its estimate for the compiler.
    expect(await resolve(plugin(), '{ __typename }')).toEqual({ estimatedCost: 1 });
  });

  it('a refusal names the largest lists, their measured sizes, and what to ask instead', async () => {
    const error = (await resolve(plugin(), `{ node(id: "country:japan") { ... on Country { ${FAN_OUT} } } }`)) as GraphQLError;
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 });
    expect(error.message).toMatch(/^The operation is estimated to cost [\d.e+]+; the cost limit is 25000 \(MAX_COST\)\. The largest lists: /);
    expect(error.message).toContain('node.agreements.parties.agreements.parties.agreements.parties (Agreement.parties: up to 12 per agreement, measured in the loaded graph');
    expect(error.message).toMatch(/Ask for fewer nested lists/);
    const largest = error.extensions['largest'] as { path: string; each: number; source: string }[];
    expect(largest.length).toBeGreaterThanOrEqual(2);
    expect(largest[0]).toMatchObject({ path: 'node.agreements.parties.agreements.parties.agreements.parties', each: 12, source: 'measured' });
  });
});
