/**
 * Every request limit answers with a clear error: the limit, its setting, the number found and a
 * code, with an HTTP status that says "your request", never a 500. The saved operations against the
 * defaults, with the graph statistics the loader stored: the last test here.
 */
import path from 'node:path';
import { getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/http/server.js';
import { appDeps } from '../../src/http/wiring.js';
import { armor } from '../../src/graphql/limits.js';
import { operationCost } from '../../src/graphql/cost.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { GraphStatsRepository } from '../../src/repositories/stats-repository.js';
import { GRAPH_STATS_OPERATION } from '../../src/graphql/graph-stats-cache.js';
import { savedOperations } from '../../bench/load.js';
import { OPERATIONS_DIR } from '../../src/http/ide.js';
import { createLogger } from '../../src/logger.js';
import { Database, createDriver, type QueryContext } from '../../src/neo4j/database.js';
import { neo4jSettings, testDb } from '../support/db.js';
import { startTestServer, useTestServer } from '../support/server.js';

interface ErrorBody {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(url: string, body: unknown, raw = false): Promise<{ status: number; type: string | null; body: ErrorBody }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body: JSON.parse(text) as ErrorBody };
}

function nestParents(levels: number): string {
  // organisations > edges > node is 3 levels; each parent one more; `name` the last.
  return `{ organisations(first: 1) { edges { node { ${'parent { '.repeat(levels)}name${' }'.repeat(levels)} } } } }`;
}

const server = useTestServer();

describe('limits on what an operation may ask for', () => {
  it('depth: 12 levels pass, 13 are refused with GRAPHQL_VALIDATION_FAILED and the numbers', async () => {
    const ok = await server.gql(nestParents(8));
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const deep = await server.gql(nestParents(9));
    expect(deep.status).toBe(400);
    expect(deep.body.data).toBeUndefined();
    const error = deep.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 12, found: 13 });
    expect(error?.message).toMatch(/13 levels deep; the depth limit is 12 \(MAX_DEPTH\)/);
  });

  it('depth through fragments counts too', async () => {
    const query = `query Deep { organisations(first: 1) { edges { node { ...P } } } }
      fragment P on Organisation { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } }`;
    const res = await server.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ limit: 'depth' });
  });

  it('cost: a heavy operation is refused before anything runs', async () => {
    // Every partner's agreements' parties, and each party's agreements' parties again: Japan is party to all of them.
    const page = `countries(first: 100) { edges { node { name agreements { name parties { name } } } } }`;
    const heavy = `{ countries(first: 100) { edges { node { agreements { parties { ... on Country { agreements { parties { name } } } } } } } } }`;
    const res = await server.gql(heavy);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 });
    expect(res.body.errors?.[0]?.message).toMatch(/estimated to cost \d+; the cost limit is 25000 \(MAX_COST\)/);
    expect(res.body.extensions?.['roundTrips'] ?? 0).toBe(0);
    // One such page is fine.
    const one = await server.gql(`{ ${page} }`);
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
  });

  it('aliases: 30 pass, 31 are refused', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await server.gql(aliased(30))).status).toBe(200);
    const res = await server.gql(aliased(31));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 30, found: 31 });
    expect(res.body.errors?.[0]?.message).toMatch(/MAX_ALIASES/);
  });

  it('directives: 20 pass, 21 are refused', async () => {
    // @include is not repeatable on one field: one inline fragment per directive.
    const directed = (n: number) => `{ ${'... @include(if: true) { __typename } '.repeat(n)}}`;
    expect((await server.gql(directed(20))).status).toBe(200);
    const res = await server.gql(directed(21));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives', max: 20, found: 21 });
  });

  it('tokens: parsing stops after 5000 tokens with a 400 GRAPHQL_PARSE_FAILED (not a 500)', async () => {
    const res = await server.gql(`{ ${'__typename '.repeat(5001)}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens', max: 5000 });
    expect(res.body.errors?.[0]?.message).toMatch(/more than 5000 tokens.*MAX_TOKENS/);
    // An ordinary syntax error stays a 400 too.
    const bad = await server.gql('{ offices(first: ) }');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it("every saved example operation and every explorer operation (operations/, operations/explorer/) is well inside the default limits", async () => {
    const defaults = loadConfig({}).limits;
    const rules = armor(defaults, true).validationRules;
    const schema = buildSchema();
    const explorer = savedOperations(path.join(OPERATIONS_DIR, 'explorer')).operations;
    // The explorer's common ground was refused by its own API (estimated 35,701) before its relationships were
    // bounded by the degree of the node they start from.
    expect(explorer.map((o) => o.name)).toContain('ExplorerCommonGround');
    const operations = [...savedOperations().operations, ...explorer];
    expect(operations.length).toBeGreaterThan(10);
    // The graph's statistics the API estimates with (stored by the loader).
    const { db, catalog } = await testDb();
    const { stats } = await new GraphStatsRepository(db, catalog).read({});
    expect(stats).toBeDefined();
    for (const op of operations) {
      const { query, variables } = JSON.parse(op.body) as { query: string; variables?: Record<string, unknown> };
      const document = parse(query, { maxTokens: defaults.maxTokens });
      expect(validate(schema, document, [...specifiedRules, ...rules]).map((e) => e.message), op.name).toEqual([]);
      // The cost estimate runs once the variables are known (an Apollo plugin, not a validation rule).
      expect(operationCost({ schema, document, variables: variables ?? {}, stats }), op.name).toBeLessThanOrEqual(defaults.maxCost / 4);
    }
  });

  it('the GraphiQL introspection query passes every limit', async () => {
    const res = await server.gql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('batches: up to 10 operations run, 11 are refused with BAD_REQUEST', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ query: `query B${i} { __typename }` }));
    const ok = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ten) });
    expect(ok.status).toBe(200);
    const results = (await ok.json()) as { data: unknown }[];
    expect(results).toHaveLength(10);
    expect(results[9]).toMatchObject({ data: { __typename: 'Query' } });
    const res = await post(server.url, [...ten, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'batch', max: 10, found: 11 });
    expect(res.body.errors?.[0]?.message).toMatch(/11 operations; the limit is 10 \(MAX_BATCH\)/);
  });

  it('batching can be turned off (MAX_BATCH=0)', async () => {
    const off = await startTestServer({ MAX_BATCH: '0' });
    try {
      const res = await post(off.url, [{ query: '{ __typename }' }]);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/turned off/);
    } finally {
      await off.stop();
    }
  });

  it('body size: more than 100kb is a 413 with a GraphQL-shaped error', async () => {
    const res = await post(server.url, { query: '{ __typename }', variables: { pad: 'x'.repeat(120 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.type).toMatch(/application\/json/);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'bodySize', max: '100kb' });
    expect(res.body.errors?.[0]?.message).toMatch(/larger than 100kb.*BODY_LIMIT/);
  });

  it('a mutation or subscription is a 400 validation error (the API is read-only), not an internal error', async () => {
    for (const query of ['mutation M { nodes }', 'subscription S { nodes(ids: []) { id } }']) {
      const res = await server.gql(query);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.errors?.[0]?.message).toMatch(/read-only/);
    }
  });

  it('malformed JSON is a 400 with a GraphQL-shaped error', async () => {
    const res = await post(server.url, '{"query": "{ __typename }"', true);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });
});

/** A database that takes its time before every transaction, and records the timeout it was given. */
class SlowDatabase extends Database {
  readonly timeouts: number[] = [];
  constructor(
    base: Database,
    /** Each transaction waits this long before it starts; mutable, so that a warm-up need not wait. */
    public delayMs: number,
  ) {
    super(base.driver, base.settings, createLogger('silent'));
  }
  // Every transaction of every read path (fenced compiled statements and batched resolver reads alike) starts here.
  protected override async attempt<T>(
    mode: 'READ' | 'WRITE',
    ctx: QueryContext,
    work: (tx: ManagedTransaction) => Promise<T>,
    cypher?: string,
    params?: Record<string, unknown>,
    autoCommit?: boolean,
  ): Promise<T> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    // The graph's statistics the cost estimate reads are no request's transaction (their timeout is QUERY_TIMEOUT_MS).
    if (ctx.operationName !== GRAPH_STATS_OPERATION) this.timeouts.push(ctx.timeoutMs ?? -1);
    return super.attempt(mode, ctx, work, cypher, params, autoCommit);
  }
}

describe('time limits', () => {
  it('a request past REQUEST_TIMEOUT_MS is answered with QUERY_TIMEOUT (503), and later transactions get at most what is left', async () => {
    const { catalog } = await testDb();
    const s = neo4jSettings();
    const base = new Database(createDriver(s), s, createLogger('silent'));
    const slow = new SlowDatabase(base, 0);
    const config = loadConfig({ NEO4J_URI: s.uri, LOG_LEVEL: 'silent', REQUEST_TIMEOUT_MS: '250', QUERY_TIMEOUT_MS: '5000' });
    const app = await createApp(appDeps(config, createLogger('silent'), slow, catalog));
    // As npm start does before /ready: the graph statistics the cost estimate reads are in memory then, so the
    // request below waits for no read of its own but those of its operation. The warm-up itself is not under
    // test: it runs at full speed (its 36 statements at 400 ms each took 27 s), the request below slowed.
    await app.warmUp();
    slow.delayMs = 400;
    slow.timeouts.length = 0;
    const { url } = await app.listen(0);
    try {
      const started = Date.now();
      const res = await post(url, { query: '{ offices(first: 2) { edges { node { name } } } }' });
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', limit: 'time', max: 250 });
      expect(res.body.errors?.[0]?.message).toMatch(/250 ms allowed \(REQUEST_TIMEOUT_MS\)/);
      expect(elapsed).toBeLessThan(2_000);
      // The transaction that started after the deadline got the 1 ms floor, not QUERY_TIMEOUT_MS.
      await new Promise((r) => setTimeout(r, 400));
      expect(slow.timeouts.length).toBeGreaterThan(0);
      expect(Math.max(...slow.timeouts)).toBeLessThanOrEqual(1);
      // The server stays healthy for the next request.
      const health = await fetch(new URL('/health', url));
      expect(health.status).toBe(200);
    } finally {
      await app.stop();
      await base.close();
    }
  });

  it('every transaction carries a timeout no longer than QUERY_TIMEOUT_MS', async () => {
    const { catalog } = await testDb();
    const s = neo4jSettings();
    const base = new Database(createDriver(s), s, createLogger('silent'));
    const slow = new SlowDatabase(base, 0);
    const config = loadConfig({ NEO4J_URI: s.uri, LOG_LEVEL: 'silent', QUERY_TIMEOUT_MS: '3000' });
    const app = await createApp(appDeps(config, createLogger('silent'), slow, catalog));
    const { url } = await app.listen(0);
    try {
      const res = await post(url, { query: '{ offices(first: 2) { edges { node { name organisation { name } } } } }' });
      expect(res.status).toBe(200);
      expect(slow.timeouts.length).toBeGreaterThan(0);
      for (const t of slow.timeouts) {
        expect(t).toBeGreaterThan(0);
        expect(t).toBeLessThanOrEqual(3000);
      }
    } finally {
      await app.stop();
      await base.close();
    }
  });
});
