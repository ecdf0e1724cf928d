/**
 * Union and interface positions nested three deep in one compiled statement. The compiler bound each entity's
 * labels once (`[l IN [labels(p)] | p {…}][0]`); three such levels nested (Japan › agreements › parties ›
 * agreements › parties › agreements › parties) made Neo4j 5.26 fail with its own NullPointerException
 * ("Cannot invoke VirtualNodeValue.id() because value is null", Neo.DatabaseError.Statement.ExecutionFailed),
 * within 20 ms once the plan was cached: the question was not answered, and the error-status test's timeout case
 * failed whenever the exception came before Neo4j's clock.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.js';

// Three levels cost more than the default MAX_COST (25,000) allows, and are estimated over MAX_RESULT_ITEMS (which
// sends a question down the field-by-field path): an operator may raise both.
const api = useTestServer({ MAX_COST: '10000000', MAX_RESULT_ITEMS: '10000000' });

type Level = { agreements: { parties: ({ name: string } & Partial<Level>)[] }[] };

function nested(levels: number): string {
  const open = 'agreements(kinds: [INTERGOVERNMENTAL]) { parties { ... on Country { name '.repeat(levels);
  return `{ node(id: "country:japan") { ... on Country { ${open}${'} } } '.repeat(levels)}} } }`;
}

describe('union positions nested three deep', () => {
  it("Japan's intergovernmental agreements, their parties' and theirs again: answered in one statement", async () => {
    const res = await api.gql<{ node: Level }>(nested(3));
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.body.extensions?.roundTrips).toBe(1);
    const japan = res.body.data!.node;
    // "Intergovernmental Agreements: Australia (Jun. 2003), NZ (Apr. 2004, Jun. 2014, revised), Canada (Jun. 2005),
    // Hong Kong (Jan. 2008), Macao (Sept. 2008), France (Jun. 2012), U.K. (Jun. 2013)": seven, each with Japan.
    const partners = japan.agreements.map((a) => a.parties.map((p) => p.name));
    expect(partners).toHaveLength(7);
    for (const parties of partners) expect(parties).toContain('Japan');
    expect(partners.flat()).toEqual(expect.arrayContaining(['Australia', 'New Zealand', 'Canada', 'Hong Kong', 'Macao', 'France', 'United Kingdom']));
    // Every level down asks the same question again: Japan's own list, two levels in, is the first level's.
    const level2 = japan.agreements[0]!.parties.find((p) => p.name === 'Japan')!;
    const level3 = level2.agreements![0]!.parties.find((p) => p.name === 'Japan')!;
    expect(level3.agreements!.map((a) => a.parties.map((p) => p.name))).toEqual(partners);
  });
});
