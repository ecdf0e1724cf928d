/**
 * Agreement pages without a filter are read in order from a range index and group only the page's
 * agreements (cypher/agreement/page-unfiltered.cypher); with a filter they group every agreement
 * (cypher/agreement/page.cypher). A filter that keeps every agreement (all four kinds) goes the general
 * way, so both statements must walk the same pages, in every order and direction, on both execution
 * paths (the compiled statement and the field resolvers), with the same totalCount. The seed has undated
 * agreements (the MOUs), so the date order crosses from the index into the undated tail.
 */
import { describe, expect, it } from 'vitest';
import { AGREEMENT_KINDS } from '../../src/domain/vocabulary.js';
import { useTestServer, type TestServer } from '../support/server.js';

const compiled = useTestServer({ EXECUTION: 'compiled' });
const resolvers = useTestServer({ EXECUTION: 'resolvers' });

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $order: AgreementOrder, $filter: AgreementFilter) {
  agreements(first: $first, after: $after, last: $last, before: $before, orderBy: $order, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id name enacted { value } parties { id } } } } }`;

interface Walk {
  ids: string[];
  totals: number[];
  nodes: unknown[];
}

async function walk(server: TestServer, order: Record<string, string>, filter: Record<string, unknown> | null, backward = false): Promise<Walk> {
  const out: Walk = { ids: [], totals: [], nodes: [] };
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const variables = backward ? { last: 7, before: cursor, order, filter } : { first: 7, after: cursor, order, filter };
    const d = (await server.data(PAGE, variables)) as { agreements: { totalCount: number; pageInfo: Record<string, any>; edges: { node: any }[] } };
    const nodes = d.agreements.edges.map((e) => e.node);
    out.totals.push(d.agreements.totalCount);
    if (backward) {
      out.ids.unshift(...nodes.map((n) => n.id));
      out.nodes.unshift(...nodes);
      if (!d.agreements.pageInfo.hasPreviousPage) break;
      cursor = d.agreements.pageInfo.startCursor;
    } else {
      out.ids.push(...nodes.map((n) => n.id));
      out.nodes.push(...nodes);
      if (!d.agreements.pageInfo.hasNextPage) break;
      cursor = d.agreements.pageInfo.endCursor;
    }
  }
  return out;
}

const ORDERS = ['ENACTED', 'NAME', 'KEY'].flatMap((field) => ['ASC', 'DESC'].map((direction) => ({ field, direction })));

describe('agreement pages read from an index', () => {
  it.each(ORDERS)('walk the same pages as the general statement ($field $direction), both ways, compiled and field by field', async (order) => {
    const general = await walk(resolvers, order, { kinds: AGREEMENT_KINDS });
    const total = general.totals[0]!;
    expect(total).toBeGreaterThan(8);
    expect(general.ids).toHaveLength(total);
    expect(new Set(general.ids).size).toBe(total);
    for (const server of [compiled, resolvers]) {
      const indexed = await walk(server, order, null);
      expect(indexed.ids).toEqual(general.ids);
      expect(indexed.nodes).toEqual(general.nodes);
      expect(new Set(indexed.totals)).toEqual(new Set([total]));
    }
    const backward = await walk(compiled, order, null, true);
    expect(backward.ids).toEqual(general.ids);
  });

  it('an undated agreement sorts after every dated one, and the date order walks into them from a dated cursor', async () => {
    const all = await walk(compiled, { field: 'ENACTED', direction: 'ASC' }, null);
    const dates = (all.nodes as any[]).map((n) => n.enacted?.value ?? null);
    const firstUndated = dates.indexOf(null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(dates.slice(firstUndated).every((d) => d === null)).toBe(true);
    const descending = await walk(compiled, { field: 'ENACTED', direction: 'DESC' }, null);
    const descendingDates = (descending.nodes as any[]).map((n) => n.enacted?.value ?? null);
    expect(descendingDates.slice(descendingDates.indexOf(null)).every((d) => d === null)).toBe(true);
    expect(descendingDates.filter((d) => d !== null)).toEqual(dates.filter((d) => d !== null).reverse());
  });

  it('the last page in date order holds the undated agreements, as the forward walk ends with them, with a filter or without', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const forward = await walk(compiled, { field: 'ENACTED', direction }, null);
      for (const server of [compiled, resolvers]) {
        for (const filter of [null, { kinds: AGREEMENT_KINDS }]) {
          const d = (await server.data(PAGE, { last: 3, order: { field: 'ENACTED', direction }, filter })) as any;
          expect(d.agreements.edges.map((e: any) => e.node.id), `${direction} ${filter ? 'filtered' : 'unfiltered'}`).toEqual(forward.ids.slice(-3));
        }
      }
    }
  });
});
