/**
 * No N+1: the database round trips of a list do not grow with the list; and what one field level
 * reads, whatever relationships it follows, travels in one round trip.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntityRepository } from '../../src/repositories/entity-repository.js';
import { withAgreementAssembly } from '../../src/repositories/agreement-repository.js';
import { testDb } from '../support/db.js';
import { useTestServer } from '../support/server.js';

// The field resolvers' batching (the fallback of the compiled path): tests/compiler/ asserts the
// compiled path's one round trip per operation.
const api = useTestServer({ EXECUTION: 'resolvers' });
// The compiled path, as the API runs by default (the analyst roots below).
const compiled = useTestServer({ EXECUTION: 'compiled' });

async function roundTrips(query: string, variables: Record<string, unknown>, server = api): Promise<number> {
  const res = await server.gql(query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.extensions!.roundTrips!;
}

describe('round trips', () => {
  it('meetings with their chairs and members: the same count for 1 and for all meetings', async () => {
    const q = `query M($n: Int, $f: MeetingFilter) { meetings(first: $n, filter: $f) { edges { node { name chief { name organisation { name } }
      chairs { role office { name } } members { ... on Office { name organisation { name } } ... on Organisation { name } } } } } }`;
    // One meeting that has a chief, deputies and members, against every meeting there is.
    const one = await roundTrips(q, { n: 1, f: { nameContains: 'prevent drug abuse', kinds: ['PROMOTION_MEETING'] } });
    const all = await roundTrips(q, { n: 100 });
    expect(all).toBeLessThanOrEqual(one);
    // The page; every meeting's chairs and members (one statement); the posts' organisations.
    expect(all).toBeLessThanOrEqual(3);
  });

  it('every agreement with its parties: constant', async () => {
    const q = `query A($n: Int) { agreements(first: $n) { edges { node { name parties { name ... on Country { kind } } } } } }`;
    expect(await roundTrips(q, { n: 100 })).toBeLessThanOrEqual(await roundTrips(q, { n: 2 }));
  });

  it('countries with their agreements and those agreements’ partners: constant', async () => {
    const q = `query C($n: Int) { countries(first: $n) { edges { node { name agreements { kind partners { name } } } } } }`;
    expect(await roundTrips(q, { n: 100 })).toBeLessThanOrEqual(await roundTrips(q, { n: 3 }));
  });

  it('navigation fields of one level share one round trip, whatever their relationship types', async () => {
    // chief, deputies, chairs (CHAIRS in), members (MEMBER_OF in), plansAdopted (ADOPTED out),
    // parent (PART_OF out), predecessor (SUPERSEDES out): one round trip after the page.
    const q = `query M($f: MeetingFilter) { meetings(first: 100, filter: $f) { edges { node { name chief { name } deputies { name } chairs { role }
      members { __typename } plansAdopted { plan { name } } parent { name } predecessor { older { name } } } } } }`;
    expect(await roundTrips(q, { f: { nameContains: 'prevent drug abuse', kinds: ['PROMOTION_MEETING'] } })).toBe(2);
    expect(await roundTrips(q, {})).toBe(2);
  });
});

/** The analyst roots on the compiled path: one round trip each, whatever navigation their selection nests (docs/architecture.md). */
describe('round trips of the compiled analyst roots', () => {
  const around = (nodeSelection: string) =>
    `{ neighbourhood(id: "meeting:firearms-promotion", depth: 2) { centre { name } nodes { node { id ${nodeSelection} } } relationships { id start { name } end { id } } } }`;

  it('neighbourhood: one, with any navigation on its nodes and relationships', async () => {
    expect(await roundTrips(around(''), {}, compiled)).toBe(1);
    expect(await roundTrips(around('... on Meeting { chief { name } }'), {}, compiled)).toBe(1);
    expect(await roundTrips(around('... on Meeting { chief { organisation { parent { name } } } }'), {}, compiled)).toBe(1);
  });

  it('timeline and commonMembers: one, with any navigation on their entities, agreements and memberships', async () => {
    expect(await roundTrips('{ timeline { events { subject { id } } } }', {}, compiled)).toBe(1);
    expect(await roundTrips('{ timeline { events { subject { id ... on Organisation { parent { name } } } } } }', {}, compiled)).toBe(1);
    expect(
      await roundTrips('{ timeline { events { subject { id ... on Meeting { chief { organisation { parent { name } } } } } related { name } agreement { name parties { name } } } } }', {}, compiled),
    ).toBe(1);
    const meetings = '["meeting:firearms-promotion", "meeting:drug-abuse-promotion"]';
    expect(await roundTrips(`{ commonMembers(meetings: ${meetings}) { member { id } } }`, {}, compiled)).toBe(1);
    expect(await roundTrips(`{ commonMembers(meetings: ${meetings}) { member { id ... on Office { organisation { name } } } } }`, {}, compiled)).toBe(1);
    expect(
      await roundTrips(`{ commonMembers(meetings: ${meetings}) { member { id ... on Office { organisation { parent { name } } } } memberships { meeting { chief { name } } via { organisation { name } } } } }`, {}, compiled),
    ).toBe(1);
  });

  it('commonGround: one (its ends with their neighbours), with any navigation on them and on the relationships', async () => {
    expect(await roundTrips('{ commonGround(a: "country:us", b: "country:china") { a { id } neighbours { node { id } } } }', {}, compiled)).toBe(1);
    expect(
      await roundTrips(
        `{ commonGround(a: "organisation:japan-customs", b: "organisation:npa") { a { id ... on Organisation { parent { name } } }
          neighbours { node { id ... on Meeting { chief { organisation { parent { name } } } } } viaA { start { name } } viaB { end { id } } } } }`,
        {},
        compiled,
      ),
    ).toBe(1);
  });
});

/** The saved operations (operations/*.graphql) with their default variables. */
describe('round trips of the saved operations', () => {
  const saved = (file: string) => readFileSync(new URL(`../../operations/${file}.graphql`, import.meta.url), 'utf8');

  it('MeetingPage: one round trip (the meeting and everything its page navigates, read together)', async () => {
    expect(await roundTrips(saved('meeting-page'), {})).toBe(1);
    expect(await roundTrips(saved('meeting-page'), { id: 'meeting:firearms-promotion' })).toBe(1);
  });

  it('PlanLineage: three round trips (the plan and its neighbours; the lineage and the next generation; the last generation)', async () => {
    expect(await roundTrips(saved('plan-lineage'), {})).toBe(3);
    expect(await roundTrips(saved('plan-lineage'), { id: 'plan:drug-strategy-1' })).toBe(3);
  });

  it.each([
    ['search', 1],
    ['agreement-detail', 1],
    ['agreements-table', 1],
    ['partner-agreements', 1],
    ['shortest-path', 1],
    ['state-as-of', 1],
    ['structure-as-of', 1],
    // The meeting and its chairs; then the posts' organisations.
    ['who-chairs-firearms', 2],
  ] as const)('%s: at most %i', async (file, most) => {
    expect(await roundTrips(saved(file), {})).toBeLessThanOrEqual(most);
  });
});

/** The batched statements start from the keys asked for (an index seek) and expand from there. */
describe('plans of the batched statements', () => {
  async function operators(name: string, params: Record<string, unknown>): Promise<string[]> {
    const { db, catalog } = await testDb();
    const session = db.driver.session({ database: db.name });
    try {
      // entity/related and the agreement statements run with their slots filled by the repository (the navigation
      // rules of src/domain/navigation.ts, the agreement assembly of src/domain/agreements.ts).
      const text = name === 'entity/related' ? new EntityRepository(db, catalog).relatedStatement : withAgreementAssembly(catalog.get(name));
      const result = await session.run(`EXPLAIN ${text}`, params);
      const out: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }) => {
        out.push(plan.operatorType.replace(/@.*$/, ''));
        for (const child of plan.children) walk(child as typeof plan);
      };
      walk(result.summary.plan as never);
      return out;
    } finally {
      await session.close();
    }
  }

  it.each([
    [
      'entity/related',
      {
        requests: [
          { id: '1', key: 'meeting:firearms-promotion', type: 'CHAIRS', outgoing: false, labels: ['Office'], role: 'CHIEF', asOf: null, order: null },
          { id: '2', key: 'plan:drug-strategy-4', type: 'SUPERSEDES', outgoing: true, labels: null, role: null, asOf: ['2005-01-01', '2005-12-31'], order: 'ordinal' },
        ],
      },
    ],
    [
      'agreement/of-parties',
      {
        requests: [
          { id: '1', key: 'country:spain', kinds: null, asOf: null },
          { id: '2', key: 'country:japan', kinds: ['EPA'], asOf: ['2005-01-01', '2005-12-31'] },
        ],
      },
    ],
    ['agreement/by-keys', { keys: ['agreement:tpp'] }],
  ])('%s: no scan', async (name, params) => {
    const ops = await operators(name, params);
    expect(ops.some((op) => /Seek/.test(op)), ops.join(' ')).toBe(true);
    expect(ops.filter((op) => /Scan/.test(op)), ops.join(' ')).toEqual([]);
  });
});
