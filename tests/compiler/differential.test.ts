/**
 * The compiled path (EXECUTION=compiled) answers exactly as the field resolvers do: the saved
 * operations with their default variables, then generated operations over the schema (fast-check,
 * fixed seed), compared as JSON (data and errors, messages and codes).
 *
 * The generated part is the same on every run: DIFFERENTIAL_RUNS operations (250 by default) from
 * DIFFERENTIAL_SEED (1313), whatever the machine's load; the first ones start with each root field
 * of the schema in turn, and the run must have compared answers holding every node label of the
 * vocabulary. It prints what it covered. A long run: DIFFERENTIAL_RUNS=5000 (and another seed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { getNamedType, isEnumType, isInputObjectType, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOTS as COMPILED_ROOTS } from '../../src/compiler/roots.js';
import { NODE_LABELS } from '../../src/domain/vocabulary.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { operationCost } from '../../src/graphql/cost.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { OperationGenerator, type Pools } from './generate.js';

/** Saved operations whose root fields are not all compiled yet (docs/architecture.md says why): none. */
const MORE_ROUND_TRIPS: Record<string, number> = {};
const RUNS = Number(process.env['DIFFERENTIAL_RUNS'] ?? 250);
const SEED = Number(process.env['DIFFERENTIAL_SEED'] ?? 1313);
/** Planning a new statement on a busy 2-core machine can take seconds: timeouts are not under test here. */
const SLOW_MACHINE = { QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' };
const OPERATIONS = new URL('../../operations/', import.meta.url);

let compiled: TestServer;
let resolvers: TestServer;
let pools: Pools;

beforeAll(async () => {
  [compiled, resolvers] = await Promise.all([startTestServer({ ...SLOW_MACHINE, EXECUTION: 'compiled' }), startTestServer({ ...SLOW_MACHINE, EXECUTION: 'resolvers' })]);
  const ids: string[] = ['nothing:here', 'agreement:none', 'meeting:firearms-promotion'];
  const cursors: string[] = [];
  // Every root connection of the schema (a new root list is in the pool), each also read in another order than
  // its default (by date where it can be, else by name) for cursors of that order.
  for (const { list, other } of connectionRoots(buildSchema())) {
    const pages = await resolvers.data<Record<string, { edges: { cursor: string; node?: { id: string } }[] }>>(
      `{ a: ${list}(first: 100) { edges { cursor node { id } } } b: ${list}(first: 3, orderBy: { field: ${other}, direction: DESC }) { edges { cursor } } }`,
    );
    pages['a']!.edges.forEach((edge, i) => {
      ids.push(edge.node!.id);
      if (i % 7 === 2) cursors.push(edge.cursor);
    });
    cursors.push(...pages['b']!.edges.map((e) => e.cursor));
  }
  pools = { ids, cursors };
});

afterAll(async () => {
  await Promise.all([compiled?.stop(), resolvers?.stop()]);
});

/** The root fields that page a `…Connection`, with a sort field of their `orderBy` other than the default. */
function connectionRoots(schema: GraphQLSchema): { list: string; other: string }[] {
  return Object.values(schema.getQueryType()!.getFields()).flatMap((root) => {
    if (!getNamedType(root.type).name.endsWith('Connection')) return [];
    const order = getNamedType(root.args.find((a) => a.name === 'orderBy')?.type ?? null);
    const field = isInputObjectType(order) ? getNamedType(order.getFields()['field']!.type) : null;
    const values = isEnumType(field) ? field.getValues().map((v) => v.name) : [];
    return [{ list: root.name, other: ['DATE', 'NAME'].find((v) => values.includes(v))! }];
  });
}

async function both(query: string, variables: Record<string, unknown> = {}) {
  const [a, b] = await Promise.all([compiled.gql(query, variables), resolvers.gql(query, variables)]);
  const strip = (r: typeof a) => ({ status: r.status, data: r.body.data, errors: r.body.errors });
  return { compiled: strip(a), resolvers: strip(b), roundTrips: a.body.extensions?.roundTrips };
}

describe('compiled and resolver paths give the same JSON', () => {
  const saved = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));

  it.each(saved)('saved operation %s: same JSON, one round trip', async (file) => {
    const { compiled: a, resolvers: b, roundTrips } = await both(readFileSync(new URL(file, OPERATIONS), 'utf8'));
    expect(a.errors).toBeUndefined();
    expect(a).toEqual(b);
    expect(roundTrips).toBe(MORE_ROUND_TRIPS[file] ?? 1);
  });

  // stateAsOf is compiled too (src/compiler/state-root.ts): dates of every precision, before, inside
  // and after the periods of the seed graph, aliases with different selections, deeper navigation and a
  // date that is refused.
  it.each(['1950', '2005', '2010-04', '2012-11', '2013-06-01', '2016', '2030', '2012-13'])('stateAsOf(%s): same JSON, one round trip', async (date) => {
    const query = `query($date: PartialDate!) { stateAsOf(date: $date) { date { value precision }
      meetings { meeting { id name chief { name } } since { value precision } administeredBy { organisation { id name parent { name } } meeting { id } from { value } until { value } provenance { section } }
        boss: parent { id name } }
      agreements { id name kind enacted { value } parties { __typename id name } }
      first: agreements { id }
      hostings { host { __typename id name } hosted { id name kind } from { value } until { value } } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, { date });
    expect(a).toEqual(b);
    if (!a.errors) expect(roundTrips).toBe(1);
  });

  // search is compiled too (src/compiler/search-root.ts): typos, aliases, types, sizes, nested
  // navigation on the hits, and texts the resolver must refuse or answer itself.
  it.each([
    ['firarms', {}],
    ['customs', { types: ['ORGANISATION', 'OFFICE'], first: 3 }],
    ['NPA', {}],
    ['drug abuse', { first: 50 }],
    ['   ', {}],
    ['x'.repeat(201), {}],
    ['police', { first: 0 }],
  ] as const)('search(%s, %j): same JSON, one round trip', async (text, extra) => {
    const query = `query($text: String!, $types: [SearchableType!], $first: Int) {
      search(text: $text, types: $types, first: $first) { score matched
        node { __typename id name aliases ... on Meeting { chief { name } } ... on Organisation { parent { id } } } }
      again: search(text: $text, first: 2) { node { id } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, { text, ...extra });
    expect(a).toEqual(b);
    if (!a.errors && text.trim() !== '') expect(roundTrips).toBe(1);
  });

  // shortestPath is compiled too (src/compiler/analyst-roots.ts): endpoints of several types, nested
  // navigation on the path's nodes and ends, relationship types, allShortestPaths, and arguments the
  // resolver must refuse or answer itself (unknown ids, an observation, the same id twice, bad hops).
  it.each([
    ['office:prime-minister', 'meeting:firearms-promotion', {}],
    ['meeting:drug-abuse-promotion', 'country:china', { maxHops: 8 }],
    ['office:prime-minister', 'meeting:firearms-promotion', { all: true, limit: 2 }],
    ['office:prime-minister', 'meeting:firearms-promotion', { relationshipTypes: ['CHAIRS', 'MEMBER_OF'] }],
    ['office:prime-minister', 'nothing:here', {}],
    ['office:prime-minister', 'office:prime-minister', {}],
    ['office:prime-minister', 'meeting:firearms-promotion', { maxHops: 11 }],
  ] as const)('shortestPath(%s, %s, %j): same JSON, one round trip', async (from, to, extra) => {
    const query = `query($from: ID!, $to: ID!, $maxHops: Int, $all: Boolean, $limit: Int, $relationshipTypes: [RelationshipType!]) {
      shortestPath(from: $from, to: $to, maxHops: $maxHops, all: $all, limit: $limit, relationshipTypes: $relationshipTypes) {
        maxHops truncated from { __typename id name } to { id ... on Meeting { chief { name } } ... on Country { agreements { id name } } }
        paths { length nodes { __typename id name ... on Meeting { chief { id name } members { id } } ... on Office { organisation { name } } }
          relationships { id type direction startId endId properties provenance { section } } }
        again: paths { nodes { id } } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, { from, to, ...extra });
    expect(a).toEqual(b);
    if (!a.errors && from !== to) expect(roundTrips).toBe(1);
  });

  // neighbourhood, timeline and commonMembers are compiled too (src/compiler/neighbourhood-root.ts,
  // analyst-lists.ts): nested navigation on their entities, relationships' ends, agreements and
  // memberships, depths, limits that cut, relationship types, and arguments the resolver must refuse or
  // answer itself (unknown ids, an observation, a centre that is not there, ids that are not meetings).
  it.each([
    [{ id: 'meeting:firearms-promotion', depth: 2 }],
    [{ id: 'meeting:drug-abuse-promotion', depth: 3, limit: 20 }],
    [{ id: 'organisation:npa', depth: 2, relationshipTypes: ['PART_OF', 'CHAIRS'] }],
    [{ id: 'office:prime-minister', depth: 1, limit: 1 }],
    [{ id: 'nothing:here' }],
    [{ id: 'meeting:firearms-promotion', depth: 4 }],
  ])('neighbourhood(%j): same JSON, one round trip', async (variables) => {
    const query = `query($id: ID!, $depth: Int, $limit: Int, $relationshipTypes: [RelationshipType!]) {
      neighbourhood(id: $id, depth: $depth, limit: $limit, relationshipTypes: $relationshipTypes) { depth truncated
        centre { __typename id name ... on Meeting { members { ... on Office { name } } } }
        nodes { distance node { __typename id name ... on Meeting { chief { name organisation { parent { name } } } }
          ... on Country { agreements { id name parties { name } } } ... on Office { organisation { name } } } }
        relationships { id type direction startId endId properties provenance { section } start { id name } to: end { __typename id ... on Organisation { parent { name } } } } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, variables);
    expect(a).toEqual(b);
    if (!a.errors) expect(roundTrips).toBe(1);
  });

  it.each([
    [{}],
    [{ from: '2005', to: '2013-06', limit: 7 }],
    [{ kinds: ['ENACTED', 'REVISED'] }],
    [{ kinds: ['ADOPTED', 'REORGANISED'], limit: 3 }],
    [{ from: '2012-13' }],
  ])('timeline(%j): same JSON, one round trip', async (variables) => {
    const query = `query($from: PartialDate, $to: PartialDate, $kinds: [TimelineEventKind!], $limit: Int) {
      timeline(from: $from, to: $to, kinds: $kinds, limit: $limit) { truncated
        events { kind date { value precision } description provenance { section }
          subject { __typename id name ... on Meeting { chief { name organisation { parent { name } } } } ... on Organisation { parent { name } } }
          related { id name ... on Office { organisation { name } } }
          agreement { id name kind parties { __typename name } } again: agreement { id } } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, variables);
    expect(a).toEqual(b);
    if (!a.errors) expect(roundTrips).toBe(1);
  });

  it.each([
    [['meeting:firearms-promotion', 'meeting:drug-abuse-promotion']],
    [['meeting:firearms-promotion']],
    [['meeting:firearms-promotion', 'meeting:firearms-promotion']],
    [['meeting:firearms-promotion', 'office:prime-minister']],
    [['meeting:firearms-promotion', 'nothing:here']],
    [[]],
  ])('commonMembers(%j): same JSON, one round trip', async (meetings) => {
    const query = `query($meetings: [ID!]!) { commonMembers(meetings: $meetings) {
      member { __typename id name ... on Office { organisation { name parent { name } } } ... on Organisation { parent { id } } }
      memberships { type role provenance { section } meeting { id name chief { name } } via { id organisation { name } } }
      again: memberships { meeting { id } } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, { meetings });
    expect(a).toEqual(b);
    if (!a.errors) expect(roundTrips).toBe(1);
  });

  it.each([
    [{ a: 'organisation:japan-customs', b: 'organisation:npa' }],
    [{ a: 'country:us', b: 'country:china', limit: 2 }],
    [{ a: 'meeting:firearms-promotion', b: 'meeting:drug-abuse-promotion', relationshipTypes: ['MEMBER_OF'] }],
    [{ a: 'organisation:npa', b: 'organisation:npa' }],
    [{ a: 'organisation:npa', b: 'nothing:here' }],
    [{ a: 'organisation:npa', b: 'organisation:japan-customs', limit: 0 }],
  ])('commonGround(%j): same JSON, one round trip', async (variables) => {
    const query = `query($a: ID!, $b: ID!, $limit: Int, $relationshipTypes: [RelationshipType!]) {
      commonGround(a: $a, b: $b, limit: $limit, relationshipTypes: $relationshipTypes) { truncated
        a { __typename id name ... on Organisation { parent { name } } } b { id ... on Meeting { chief { name } } }
        neighbours { node { __typename id name ... on Meeting { chief { name organisation { parent { name } } } } ... on Office { organisation { name } } }
          viaA { id type direction startId endId properties provenance { section } start { id name } }
          viaB { id direction end { __typename id ... on Organisation { parent { name } } } } } } }`;
    const { compiled: a, resolvers: b, roundTrips } = await both(query, variables);
    expect(a).toEqual(b);
    if (!a.errors) expect(roundTrips).toBe(1);
  });

  it(`${RUNS} generated operations from seed ${SEED} (every root field, every node label; fields, nesting, aliases, fragments, filters, pages)`, async () => {
    const generator = new OperationGenerator(buildSchema(), pools);
    const costSchema = buildSchema();
    const roots = new Map(generator.roots.map((r) => [r, { compared: 0, answered: 0 }]));
    const types = new Map<string, number>(NODE_LABELS.map((l) => [l, 0]));
    let answered = 0;
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        // The first operations begin with each root field in turn; the others pick theirs at random.
        const { query, variables, roots: asked } = generator.operation(g, generator.roots[ran]);
        const { compiled: a, resolvers: b, roundTrips } = await both(query, variables);
        ran += 1;
        expect(a, query).toEqual(b);
        if (a.data) answered += 1;
        for (const root of asked) {
          roots.get(root)!.compared += 1;
          if (a.data) roots.get(root)!.answered += 1;
        }
        for (const typename of JSON.stringify(a.data ?? null).matchAll(/"__typename":"(\w+)"/g)) {
          if (types.has(typename[1]!)) types.set(typename[1]!, types.get(typename[1]!)! + 1);
        }
        // However deep the nesting and however many compiled roots (src/compiler/roots.ts): one
        // transaction (refused arguments and a lineage step's supersedes/supersededBy go through the
        // resolvers: docs/architecture.md). An operation whose estimated worst case exceeds the result
        // budget runs field by field too, and so do the roots that are not compiled.
        const costly = operationCost({ schema: costSchema, document: parse(query), variables }) > 10_000;
        const notCompiled = asked.some((root) => !Object.hasOwn(COMPILED_ROOTS, root));
        const fallsBack = costly || notCompiled || a.errors !== undefined || (query.includes('lineage') && /\bsupersede(s|dBy) \{/.test(query));
        if (!fallsBack) expect(roundTrips ?? 0, query).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    process.stdout.write(
      `differential: ${ran} generated operations compared (seed ${SEED}), ${answered} answered with data\n` +
        `  root fields (compared/answered): ${[...roots].map(([k, v]) => `${k} ${v.compared}/${v.answered}`).join(', ')}\n` +
        `  node labels (objects in the compared answers): ${[...types].map(([k, n]) => `${k} ${n}`).join(', ')}\n`,
    );
    expect(ran).toBe(RUNS);
    expect([...roots].filter(([, v]) => v.compared === 0).map(([k]) => k)).toEqual([]);
    expect([...types].filter(([, n]) => n === 0).map(([k]) => k)).toEqual([]);
    // Most generated operations are valid and answered, not refused.
    expect(answered).toBeGreaterThan(ran / 2);
  }, 600_000);
});
