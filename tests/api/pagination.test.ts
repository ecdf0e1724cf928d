/** Relay connections: keyset cursors, both directions, filters and sort orders. */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.js';

const api = useTestServer();

const data = (query: string, variables?: Record<string, unknown>): Promise<any> => api.data(query, variables);

const ORGS = `query Orgs($first: Int, $after: String, $last: Int, $before: String, $order: EntityOrder) {
  organisations(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key name } } } }`;

async function walkForward(order?: Record<string, string>): Promise<{ keys: string[]; total: number }> {
  const keys: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < 100; page++) {
    const d = await data(ORGS, { first: 7, after, order });
    total = d.organisations.totalCount;
    keys.push(...d.organisations.edges.map((e: any) => e.node.key));
    if (!d.organisations.pageInfo.hasNextPage) break;
    after = d.organisations.pageInfo.endCursor;
  }
  return { keys, total };
}

describe('connections', () => {
  it('walking every page forwards yields each item exactly once, in order', async () => {
    const { keys, total } = await walkForward();
    const all = await data(ORGS, { first: 100 });
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    expect(keys).toEqual(all.organisations.edges.map((e: any) => e.node.key));
    const names = all.organisations.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('walking backwards from the end yields the same items in the same order', async () => {
    const keys: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 100; page++) {
      const d = await data(ORGS, { last: 6, before });
      keys.unshift(...d.organisations.edges.map((e: any) => e.node.key));
      if (!d.organisations.pageInfo.hasPreviousPage) break;
      before = d.organisations.pageInfo.startCursor;
    }
    expect(keys).toEqual((await walkForward()).keys);
  });

  it('descending order by key walks the reverse of ascending', async () => {
    const asc = await walkForward({ field: 'KEY', direction: 'ASC' });
    const desc = await walkForward({ field: 'KEY', direction: 'DESC' });
    expect(desc.keys).toEqual([...asc.keys].reverse());
  });

  it('an unfiltered page (read from the name index) walks the same order as a filtered one (the general statement)', async () => {
    // No filter: the page starts at the cursor inside the label's name index. A filter that keeps every
    // organisation goes through the general statement instead; both must give the same pages.
    const kinds = (await data(`{ __type(name: "OrganisationKind") { enumValues { name } } }`)).__type.enumValues.map((v: any) => v.name);
    const FILTERED = ORGS.replace('$order: EntityOrder)', '$order: EntityOrder, $kinds: [OrganisationKind!])').replace(
      'orderBy: $order)',
      'orderBy: $order, filter: { kinds: $kinds })',
    );
    for (const order of [{ field: 'NAME', direction: 'DESC' }, { field: 'KEY', direction: 'ASC' }]) {
      const unfiltered = await data(ORGS, { first: 5, order });
      const filtered = await data(FILTERED, { first: 5, order, kinds });
      expect(unfiltered.organisations.edges.map((e: any) => e.node.key)).toEqual(filtered.organisations.edges.map((e: any) => e.node.key));
      const next = await data(ORGS, { first: 5, order, after: unfiltered.organisations.pageInfo.endCursor });
      const nextFiltered = await data(FILTERED, { first: 5, order, kinds, after: filtered.organisations.pageInfo.endCursor });
      expect(next.organisations.edges.map((e: any) => e.node.key)).toEqual(nextFiltered.organisations.edges.map((e: any) => e.node.key));
      expect(unfiltered.organisations.totalCount).toBe(filtered.organisations.totalCount);
    }
  });

  it('a cursor stays valid: the next page starts right after the item it names', async () => {
    const first = await data(ORGS, { first: 3 });
    const cursor = first.organisations.edges[1].cursor;
    const next = await data(ORGS, { first: 2, after: cursor });
    expect(next.organisations.edges[0].node.key).toBe(first.organisations.edges[2].node.key);
    expect(next.organisations.pageInfo.hasPreviousPage).toBe(true);
  });

  it('totalCount is the same whether the first page holds every match or not', async () => {
    // A first page shorter than its bound takes its size as the total; a full one counts (src/compiler/roots.ts).
    const query = (first: number) => data(`{ meetings(first: ${first}, filter: { asOf: "2010" }) { totalCount edges { node { key } } } }`);
    const all = await query(100);
    expect(all.meetings.totalCount).toBe(all.meetings.edges.length);
    expect(all.meetings.totalCount).toBeGreaterThan(1);
    const one = await query(1);
    expect(one.meetings.edges).toHaveLength(1);
    expect(one.meetings.totalCount).toBe(all.meetings.totalCount);
  });

  it('default page size is 20 and totalCount counts across pages', async () => {
    const d = await data(`{ offices { totalCount edges { node { key } } } }`);
    expect(d.offices.edges).toHaveLength(Math.min(20, d.offices.totalCount));
    expect(d.offices.totalCount).toBeGreaterThan(20);
  });
});

describe('filters', () => {
  it('agreements enacted in 2008: the source lists six', async () => {
    const d = await data(`{ agreements(filter: { enacted: { from: "2008", to: "2008" } }) { totalCount edges { node { id enacted { value } } } } }`);
    // EU (Feb. 2008) CMAA; Hong Kong (Jan. 2008), Macao (Sept. 2008) intergovernmental;
    // Indonesia (Jul. 2008), Brunei (Jul. 2008), Philippines (Dec. 2008) EPAs.
    expect(d.agreements.totalCount).toBe(6);
    expect(d.agreements.edges.map((e: any) => e.node.enacted.value)).toEqual(['2008-01', '2008-02', '2008-07', '2008-07', '2008-09', '2008-12']);
  });

  it('agreements by kind and by party; countries by agreement kind', async () => {
    const d = await data(`{
      cmaa: agreements(filter: { kinds: [CMAA] }) { totalCount }
      ig: agreements(filter: { kinds: [INTERGOVERNMENTAL] }) { totalCount }
      epa: agreements(filter: { kinds: [EPA] }) { totalCount }
      australia: agreements(filter: { party: "country:australia" }) { edges { node { kind } } }
      multi: agreements(filter: { multilateral: true }) { edges { node { id } } }
      inForce2005: agreements(filter: { asOf: "2005-12", kinds: [CMAA] }) { totalCount }
      withCmaa: countries(filter: { agreementKinds: [CMAA] }) { totalCount } }`);
    expect(d.cmaa.totalCount).toBe(10);
    expect(d.ig.totalCount).toBe(7);
    expect(d.epa.totalCount).toBe(13);
    expect(d.australia.edges.map((e: any) => e.node.kind).sort()).toEqual(['EPA', 'EPA', 'INTERGOVERNMENTAL']);
    expect(d.multi.edges.map((e: any) => e.node.id)).toEqual(['agreement:tpp']);
    // U.S. (Jun. 1997), South Korea (Dec. 2004).
    expect(d.inForce2005.totalCount).toBe(2);
    // The ten CMAA partners, and Japan, which is party to all of them.
    expect(d.withCmaa.totalCount).toBe(11);
  });

  it('meetings as of a date: the headquarters before 2008, the promotion meetings after', async () => {
    const d = await data(`{
      y2000: meetings(filter: { asOf: "2000", kinds: [HEADQUARTERS, PROMOTION_MEETING] }) { edges { node { key } } }
      y2010: meetings(filter: { asOf: "2010", kinds: [HEADQUARTERS, PROMOTION_MEETING] }) { edges { node { key } } } }`);
    expect(d.y2000.edges.map((e: any) => e.node.key).sort()).toEqual(['meeting:drug-abuse-hq', 'meeting:firearms-hq']);
    expect(d.y2010.edges.map((e: any) => e.node.key).sort()).toEqual(['meeting:drug-abuse-promotion', 'meeting:firearms-promotion']);
  });

  it('plans adopted in a range, offices by ministry and cabinet level, name search', async () => {
    const d = await data(`{
      plans(filter: { adopted: { from: "1998", to: "2003-12" } }) { edges { node { key } } }
      mof: offices(filter: { organisation: "organisation:mof" }) { edges { node { key } } }
      ministers: offices(filter: { isMinister: true }, first: 100) { totalCount }
      named: organisations(filter: { nameContains: "customs" }, first: 100) { totalCount } }`);
    expect(d.plans.edges.map((e: any) => e.node.key).sort()).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2']);
    expect(d.mof.edges.map((e: any) => e.node.key)).toContain('office:minister-of-finance');
    expect(d.ministers.totalCount).toBe(11);
    expect(d.named.totalCount).toBeGreaterThanOrEqual(5);
  });
});
