 
/**
 * Analyst queries through GraphQL, against the seed graph: graph walks (shortest paths, neighbourhoods, common
 * ground; history and aggregates are in history.test.ts). Expected answers come from the source
 * text (sections 1.(2), 1.(3) and 2.(5)), not from the seed files.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, type TestServer } from '../support/server.js';

const api = useTestServer();

const data: TestServer['data'] = (query, variables) => api.data(query, variables);

const errorOf: TestServer['error'] = (query, variables) => api.error(query, variables);

const PATH = `query Path($from: ID!, $to: ID!, $maxHops: Int, $all: Boolean, $types: [RelationshipType!], $limit: Int) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops, all: $all, relationshipTypes: $types, limit: $limit) {
    maxHops truncated
    paths { length nodes { id name } relationships { id type startId endId direction properties provenance { section } } }
  }
}`;

describe('shortestPath', () => {
  it('links the Prime Minister to the firearms meeting through the Ministerial Meeting (chief of it; the firearms meeting sits under it)', async () => {
    const d = await data(PATH, { from: 'office:prime-minister', to: 'meeting:firearms-promotion' });
    expect(d.shortestPath.maxHops).toBe(6);
    expect(d.shortestPath.paths).toHaveLength(1);
    const [path] = d.shortestPath.paths;
    expect(path.length).toBe(2);
    expect(path.nodes.map((n: any) => n.id)).toEqual(['office:prime-minister', 'meeting:ministerial-crime', 'meeting:firearms-promotion']);
    expect(path.relationships.map((r: any) => [r.type, r.direction])).toEqual([
      ['CHAIRS', 'FORWARD'],
      ['PART_OF', 'BACKWARD'],
    ]);
    expect(path.relationships[0]).toMatchObject({ startId: 'office:prime-minister', endId: 'meeting:ministerial-crime', properties: { role: 'CHIEF' } });
    expect(path.relationships[0].provenance.section).toBe('1.(1)');
  });

  it('respects maxHops: nothing within 1 hop', async () => {
    const d = await data(PATH, { from: 'office:prime-minister', to: 'meeting:firearms-promotion', maxHops: 1 });
    expect(d.shortestPath.paths).toEqual([]);
  });

  it('refuses a hop bound above 10 or below 1, saying what is accepted', async () => {
    for (const maxHops of [11, 0]) {
      const e = await errorOf(PATH, { from: 'office:prime-minister', to: 'meeting:firearms-promotion', maxHops });
      expect(e.extensions?.code).toBe('BAD_USER_INPUT');
      expect(e.message).toMatch(/maxHops.*1 to 10/);
    }
  });

  it('filters by relationship type', async () => {
    const chairsOnly = await data(PATH, { from: 'office:prime-minister', to: 'meeting:firearms-promotion', types: ['CHAIRS'] });
    expect(chairsOnly.shortestPath.paths).toEqual([]);
    const both = await data(PATH, { from: 'office:prime-minister', to: 'meeting:firearms-promotion', types: ['CHAIRS', 'PART_OF'] });
    expect(both.shortestPath.paths[0].length).toBe(2);
  });

  it('all shortest paths: Australia and Canada meet through Japan over every pair of their agreements, capped by limit', async () => {
    // Australia: intergovernmental (Jun. 2003), EPA (Jan. 2015), TPP; Canada: intergovernmental (Jun. 2005), TPP.
    const all = await data(PATH, { from: 'country:australia', to: 'country:canada', all: true });
    expect(all.shortestPath.paths).toHaveLength(6);
    expect(all.shortestPath.truncated).toBe(false);
    for (const p of all.shortestPath.paths) expect(p.nodes.map((n: any) => n.id)).toEqual(['country:australia', 'country:japan', 'country:canada']);
    const capped = await data(PATH, { from: 'country:australia', to: 'country:canada', all: true, limit: 4 });
    expect(capped.shortestPath.paths).toHaveLength(4);
    expect(capped.shortestPath.truncated).toBe(true);
    const one = await data(PATH, { from: 'country:australia', to: 'country:canada' });
    expect(one.shortestPath.paths).toHaveLength(1);
  });

  it('an unknown id is NOT_FOUND', async () => {
    const e = await errorOf(PATH, { from: 'office:nobody', to: 'meeting:firearms-promotion' });
    expect(e.extensions?.code).toBe('NOT_FOUND');
  });
});

const HOOD = `query Hood($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
  neighbourhood(id: $id, depth: $depth, relationshipTypes: $types, limit: $limit) {
    centre { id } depth truncated
    nodes { distance node { id __typename } }
    relationships { id type startId endId direction properties }
  }
}`;

describe('neighbourhood', () => {
  it('depth 1 around the firearms meeting: its chief, 16 member posts, predecessor, parent, both administrators, its 2016 plan', async () => {
    const d = await data(HOOD, { id: 'meeting:firearms-promotion' });
    const n = d.neighbourhood;
    expect(n.truncated).toBe(false);
    expect(n.nodes[0]).toEqual({ distance: 0, node: { id: 'meeting:firearms-promotion', __typename: 'Meeting' } });
    const ids = n.nodes.map((x: any) => x.node.id);
    for (const id of ['office:npsc-chair', 'meeting:firearms-hq', 'meeting:ministerial-crime', 'organisation:npa', 'organisation:cabinet-secretariat', 'plan:firearms-2016']) {
      expect(ids).toContain(id);
    }
    expect(n.nodes.slice(1).every((x: any) => x.distance === 1)).toBe(true);
    const chief = n.relationships.find((r: any) => r.type === 'CHAIRS');
    expect(chief).toMatchObject({ startId: 'office:npsc-chair', endId: 'meeting:firearms-promotion', direction: 'BACKWARD', properties: { role: 'CHIEF' } });
    const moved = n.relationships.find((r: any) => r.type === 'ADMINISTERED_BY' && r.endId === 'organisation:npa');
    expect(moved.properties).toEqual({ from: '2012-12' });
    // Every relationship links two nodes of the neighbourhood.
    for (const r of n.relationships) {
      expect(ids).toContain(r.startId);
      expect(ids).toContain(r.endId);
    }
  });

  it('depth 2 reaches further; relationship types filter the walk', async () => {
    const one = await data(HOOD, { id: 'meeting:firearms-promotion', depth: 1 });
    const two = await data(HOOD, { id: 'meeting:firearms-promotion', depth: 2 });
    expect(two.neighbourhood.nodes.length).toBeGreaterThan(one.neighbourhood.nodes.length);
    expect(Math.max(...two.neighbourhood.nodes.map((x: any) => x.distance))).toBe(2);
    const chairs = await data(HOOD, { id: 'meeting:firearms-promotion', types: ['CHAIRS'] });
    expect(chairs.neighbourhood.nodes.map((x: any) => x.node.id)).toEqual(['meeting:firearms-promotion', 'office:npsc-chair']);
    expect(chairs.neighbourhood.relationships.map((r: any) => r.type)).toEqual(['CHAIRS']);
  });

  it('is bounded in size: limit cuts it short and says so', async () => {
    const d = await data(HOOD, { id: 'country:japan', depth: 2, limit: 5 });
    expect(d.neighbourhood.nodes).toHaveLength(5);
    expect(d.neighbourhood.truncated).toBe(true);
  });

  it('refuses a depth above 3 and a limit above 500', async () => {
    const deep = await errorOf(HOOD, { id: 'country:japan', depth: 4 });
    expect(deep.extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.message).toMatch(/depth.*1 to 3/);
    const big = await errorOf(HOOD, { id: 'country:japan', limit: 501 });
    expect(big.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.message).toMatch(/limit.*1 to 500/);
  });
});

describe('common ground', () => {
  it('who sits on both the drug-abuse and the firearms meetings', async () => {
    const d = await data(`query Both {
      commonMembers(meetings: ["meeting:drug-abuse-promotion", "meeting:firearms-promotion"]) {
        member { __typename id }
        memberships { meeting { id } type role via { id } provenance { section } }
      }
    }`);
    const members = d.commonMembers;
    const offices = members.filter((m: any) => m.member.__typename === 'Office');
    // 1.(2): Deputy Chiefs: Chair of the National Public Safety Commission, …; 1.(3): Chief: Chair of the NPSC.
    expect(offices.map((m: any) => m.member.id)).toEqual(['office:npsc-chair']);
    const roles = Object.fromEntries(offices[0].memberships.map((m: any) => [m.meeting.id, [m.type, m.role]]));
    expect(roles).toEqual({
      'meeting:drug-abuse-promotion': ['CHAIRS', 'DEPUTY'],
      'meeting:firearms-promotion': ['CHAIRS', 'CHIEF'],
    });
    // Ministries whose ministers sit on the drug-abuse meeting and whose bureaus' directors-general
    // (or chair, for the NPSC) sit on the firearms meeting.
    const organisations = members.filter((m: any) => m.member.__typename === 'Organisation').map((m: any) => m.member.id);
    expect(organisations.sort()).toEqual(
      ['organisation:npsc', 'organisation:moj', 'organisation:mof', 'organisation:mic', 'organisation:mofa', 'organisation:meti', 'organisation:mlit'].sort(),
    );
    const moj = members.find((m: any) => m.member.id === 'organisation:moj');
    const via = moj.memberships.map((m: any) => m.via.id).sort();
    expect(via).toEqual(['office:dg-moj-criminal-affairs-bureau', 'office:dg-moj-immigration-bureau', 'office:minister-of-justice']);
  });

  it('refuses ids that are not meetings', async () => {
    const e = await errorOf(`{ commonMembers(meetings: ["office:prime-minister"]) { member { id } } }`);
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('partners with more than one kind of agreement', async () => {
    const d = await data(`query Multi { partnersWithMultipleAgreementKinds { partner { id } kinds agreements { id } } }`);
    const byId = Object.fromEntries(d.partnersWithMultipleAgreementKinds.map((p: any) => [p.partner.id, p.kinds]));
    // TPP signatories with another agreement: Australia, NZ, Canada (intergovernmental), U.S. (CMAA).
    expect(byId).toEqual({
      'country:australia': ['INTERGOVERNMENTAL', 'EPA'],
      'country:canada': ['INTERGOVERNMENTAL', 'EPA'],
      'country:new-zealand': ['INTERGOVERNMENTAL', 'EPA'],
      'country:us': ['CMAA', 'EPA'],
    });
    const australia = d.partnersWithMultipleAgreementKinds.find((p: any) => p.partner.id === 'country:australia');
    expect(australia.agreements).toHaveLength(3);
  });

  it('commonGround: two partners share Japan; two deputy chiefs share the drug-abuse meeting', async () => {
    const d = await data(`query Shared {
      partners: commonGround(a: "country:us", b: "country:australia") { neighbours { node { id } viaA { type direction } } truncated }
      deputies: commonGround(a: "office:npsc-chair", b: "office:minister-of-justice", relationshipTypes: [CHAIRS]) { neighbours { node { id } viaA { type properties } } }
    }`);
    expect(d.partners.neighbours.map((n: any) => n.node.id)).toEqual(['country:japan']);
    expect(d.partners.neighbours[0].viaA.every((r: any) => r.type === 'AGREEMENT' && r.direction === 'BACKWARD')).toBe(true);
    expect(d.deputies.neighbours.map((n: any) => n.node.id)).toEqual(['meeting:drug-abuse-promotion']);
  });
});
