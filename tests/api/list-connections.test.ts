/**
 * The paginated forms of the lists a partner can hold thousands of (issue 22): `Country.agreementsConnection`
 * and `Country.organisationsConnection` page what `agreements` and `organisations` list, in the same order, with
 * cursors and totals, so a question too large for one answer can still be asked a page at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; kind?: string } }[];
}

describe('Country.agreementsConnection', () => {
  it('pages Japan’s agreements in the order of `agreements`, with the total (Japan is party to every one)', async () => {
    const { node } = await api.data<{ node: { agreements: { id: string }[] } }>('{ node(id: "country:japan") { ... on Country { agreements { id } } } }');
    const all = node.agreements.map((a) => a.id);
    expect(all.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const data: { node: { agreementsConnection: Page } } = await api.data(
        'query P($after: String) { node(id: "country:japan") { ... on Country { agreementsConnection(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }',
        { after },
      );
      const page = data.node.agreementsConnection;
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('takes the same kinds and asOf as `agreements`', async () => {
    const query = `{ node(id: "country:japan") { ... on Country {
      agreements(kinds: [CMAA], asOf: "2008") { id }
      agreementsConnection(first: 100, kinds: [CMAA], asOf: "2008") { totalCount edges { node { id kind } } } } } }`;
    const { node } = await api.data<{ node: { agreements: { id: string }[]; agreementsConnection: Page } }>(query);
    expect(node.agreements.length).toBeGreaterThan(0);
    expect(node.agreementsConnection.edges.map((e) => e.node.id)).toEqual(node.agreements.map((a) => a.id));
    expect(node.agreementsConnection.edges.every((e) => e.node.kind === 'CMAA')).toBe(true);
    expect(node.agreementsConnection.totalCount).toBe(node.agreements.length);
  });
});

describe('Country.organisationsConnection', () => {
  it('pages the bodies located in a country, as `organisations` lists them', async () => {
    const query = `{ node(id: "country:china") { ... on Country { organisations { id } organisationsConnection(first: 10) { totalCount edges { node { id } } } } } }`;
    const { node } = await api.data<{ node: { organisations: { id: string }[]; organisationsConnection: Page } }>(query);
    // The Beijing Customs Office hosts the RILO for Asia and the Pacific (source 2.(5).a).
    expect(node.organisations.map((o) => o.id)).toContain('organisation:beijing-customs-office');
    expect(node.organisationsConnection.edges.map((e) => e.node.id).sort()).toEqual(node.organisations.map((o) => o.id).sort());
    expect(node.organisationsConnection.totalCount).toBe(node.organisations.length);
  });

  it('a page is estimated by its page size, however many the plain list could hold', async () => {
    const res = await api.gql('{ countries(first: 100) { edges { node { organisationsConnection(first: 1) { edges { node { name } } } } } } }');
    expect(res.body.errors).toBeUndefined();
    const cost = res.body.extensions?.['cost'] as { estimated: number; actual: number };
    expect(cost.estimated).toBeGreaterThanOrEqual(cost.actual);
  });
});
