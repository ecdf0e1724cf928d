/**
 * The mock server (`npm run mock`) is as strict and as coherent as the API: side by side with the real API on the
 * test graph, the same operations get the same answers (the saved operations, pages, filters, lookups, paths,
 * the state as of a date) and the same refusals (`first: 500`, bad dates, the depth and alias limits), and every
 * entity it answers is one of the seed's, read through the seed's own validation, with its type and name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleOperations } from '../../src/http/ide.js';
import { mockDataset, startMockServer } from '../../scripts/mock-server.js';
import { tryParsePartialDate } from '../../src/services/dates.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { closeTestDb, testDb } from '../support/db.js';
import { GraphStatsRepository } from '../../src/repositories/stats-repository.js';
import { MemoryGraph } from '../../scripts/mock/memory-graph.js';
import { memoryGraphStats } from '../../scripts/mock/memory-stats.js';

let api: TestServer;
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  api = await startTestServer({ QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' });
  mock = await startMockServer(0);
});
afterAll(async () => {
  await mock?.stop();
  await api?.stop();
  await closeTestDb();
});

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
async function ask(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: Body }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Body & { extensions?: unknown };
  delete body.extensions; // the API's roundTrips: not part of the answer
  return { status: res.status, body };
}
const both = async (query: string, variables?: Record<string, unknown>) => Promise.all([ask(api.url, query, variables), ask(mock.url, query, variables)]);

/** Every object of an answer that names its type and id. */
function entities(value: unknown, out: { __typename: string; id: string; name?: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) entities(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['__typename'] === 'string' && typeof o['id'] === 'string') out.push(o as never);
    for (const v of Object.values(o)) entities(v, out);
  }
  return out;
}

// The search ranking is the full-text index's own: the mock matches the same words, not in the same order.
const sameAsApi = loadExampleOperations().filter((e) => e.name !== 'search');

describe('the mock server next to the API', () => {
  it.each(sameAsApi.map((e) => [e.name, e.query] as const))('answers %s exactly as the API does', async (_name, query) => {
    const [real, mocked] = await both(query);
    expect(real.body.errors).toBeUndefined();
    expect(mocked.body).toEqual(real.body);
  });

  it('pages, counts, filters and sorts as the API does, cursors included', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query($f: MeetingFilter) { meetings(first: 3, filter: $f) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }', { f: { asOf: '2005' } }],
      ['{ agreements(first: 5, orderBy: { field: ENACTED, direction: DESC }, filter: { kinds: [EPA] }) { totalCount edges { node { id name kind enacted { value precision earliest latest } parties { id } } } } }', {}],
      ['{ capabilities(last: 2, orderBy: { field: DATE }) { totalCount edges { node { id name introduced { value precision } } } pageInfo { hasPreviousPage } } }', {}],
      // Backward pages in date order end with the undated ones, as the forward walk does.
      ['{ meetings(last: 3, orderBy: { field: DATE, direction: DESC }) { edges { cursor node { id } } pageInfo { hasPreviousPage startCursor } } }', {}],
      ['{ agreements(last: 3, orderBy: { field: ENACTED }) { edges { cursor node { id enacted { value } } } pageInfo { hasPreviousPage startCursor } } }', {}],
      ['{ offices(first: 100, filter: { isMinister: true }) { totalCount edges { node { id name isMinister organisation { id } } } } }', {}],
      ['{ countries(filter: { agreementKinds: [MOU, INTERGOVERNMENTAL] }) { totalCount edges { node { id name agreementKinds } } } }', {}],
      ['{ neighbourhood(id: "organisation:rilo-ap", depth: 2) { nodes { distance node { id } } relationships { id type startId endId direction } truncated } }', {}],
      ['{ graphStats { nodes relationships labels { name count } relationshipTypes { name count } } }', {}],
      ['{ agreementStats { total undated byKind { kind count } byYear { year count } } }', {}],
    ];
    for (const [query, variables] of cases) {
      const [real, mocked] = await both(query, variables);
      expect(real.body.errors, query).toBeUndefined();
      expect(mocked.body, query).toEqual(real.body);
    }
    // The next page through the cursor the mock gave.
    const first = await ask(mock.url, '{ plans(first: 2) { edges { node { id } } pageInfo { endCursor } } }');
    const after = (first.body.data as any).plans.pageInfo.endCursor;
    const [real, mocked] = await both('query($after: String) { plans(first: 2, after: $after) { edges { node { id } } } }', { after });
    expect(mocked.body).toEqual(real.body);
  });

  it('refuses what the API refuses, with the same error: first: 500, a bad date, too deep, too many aliases, too costly', async () => {
    const bad: [string, string][] = [
      ['{ agreements(first: 500) { totalCount } }', 'first'],
      ['{ meetings(first: 5, filter: { asOf: "June 2005" }) { totalCount } }', 'filter.asOf'],
      ['{ stateAsOf(date: "2005-13") { date { value } } }', 'date'],
      [`{ node(id: "meeting:drug-abuse-promotion") { ... on Meeting { ${'parent { '.repeat(12)}id${' }'.repeat(12)} } } }`, 'depth'],
      [`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`, 'aliases'],
      // Refused by the cost estimate, from the same measured statistics (the message names the same lists).
      ['{ node(id: "country:japan") { ... on Country { agreements { parties { ... on Country { agreements { parties { ... on Country { agreements { name } } } } } } } } } }', 'cost'],
    ];
    for (const [query, what] of bad) {
      const [real, mocked] = await both(query);
      expect(real.body.errors?.length, what).toBeGreaterThan(0);
      expect(mocked.status, what).toBe(real.status);
      expect(mocked.body, what).toEqual(real.body);
    }
    const [, page] = await both('{ agreements(first: 500) { totalCount } }');
    expect(page.body.errors?.[0]).toMatchObject({ message: 'first: 500 is out of range; a page holds 1 to 100 items (default 20).', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('what the mock cannot answer without the database', () => {
  it('is MOCK_UNSUPPORTED, saying to ask the API, never a masked internal error', async () => {
    for (const query of ['{ timeline(limit: 3) { events { date { value } } } }', '{ commonGround(a: "organisation:japan-customs", b: "organisation:npa") { truncated } }']) {
      const res = await ask(mock.url, query);
      expect(res.body.errors?.[0]?.extensions, query).toEqual({ code: 'MOCK_UNSUPPORTED' });
      expect(res.body.errors?.[0]?.message, query).toMatch(/not served by the mock server .*ask the API \(npm start\)/);
    }
  });
});

describe("the mock's data", () => {
  it("bound the cost estimate as the API's statistics do: the seed's statistics counted in memory equal what the loader stored", async () => {
    const { db, catalog } = await testDb();
    const { stats: stored } = await new GraphStatsRepository(db, catalog).read({});
    expect(stored).toBeDefined();
    const { versions: _stored, ...measured } = stored!;
    const { versions: _memory, ...counted } = await memoryGraphStats(new MemoryGraph(await mockDataset()));
    expect(counted).toEqual(measured);
  });

  it("are the seed's, read through its own validation: every entity answered is a seed node with that type and name", async () => {
    const seed = await mockDataset();
    const byKey = new Map(seed.nodes.map((n) => [n.key, n]));
    const agreementNames = new Map(seed.relationships.filter((r) => r.type === 'AGREEMENT').map((r) => [String(r.props['agreementKey']), String(r.props['name'])]));
    const seen = [];
    for (const op of loadExampleOperations()) {
      const { body } = await ask(mock.url, op.query);
      expect(body.errors, op.name).toBeUndefined();
      for (const e of entities(body.data)) {
        seen.push(e);
        if (e.__typename === 'Agreement') {
          expect(agreementNames.has(e.id), e.id).toBe(true);
          if (e.name !== undefined) expect(e.name, e.id).toBe(agreementNames.get(e.id));
        } else {
          expect(byKey.get(e.id)?.label, e.id).toBe(e.__typename);
          if (e.name !== undefined) expect(e.name, e.id).toBe(byKey.get(e.id)!.name);
        }
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(40);
  });

  it('dates carry their own precision, and totalCount counts every edge a client can page through', async () => {
    const { body } = await ask(mock.url, '{ agreements(first: 100) { totalCount edges { node { enacted { value precision earliest latest } revisions { value precision } } } pageInfo { hasNextPage } } }');
    const page = (body.data as any).agreements;
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.totalCount).toBe(page.edges.length);
    for (const date of page.edges.flatMap((e: any) => [e.node.enacted, ...e.node.revisions]).filter(Boolean)) {
      const parsed = tryParsePartialDate(date.value)!;
      expect(date.precision, date.value).toBe(parsed.precision);
      if (date.earliest) expect([date.earliest, date.latest]).toEqual([parsed.earliest, parsed.latest]);
    }
  });
});
