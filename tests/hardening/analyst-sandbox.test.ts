/**
 * Analyst Cypher as a hostile analyst would use it (issue 17): no file read, no URL fetch, no view
 * of other clients' transactions, no administration, no expression that Neo4j cannot stop; every
 * refusal FORBIDDEN with the reason, every mistake BAD_USER_INPUT, and Neo4j keeps answering the
 * public API while the bombs are sent. The local Neo4j refuses files and URLs on its own too.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jSettings, testDb } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

const TOKEN = 'analyst-token-for-the-sandbox-test';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CYPHER = 'query A($query: String!, $params: JSON) { cypher(query: $query, params: $params) { columns rows rowCount } }';

let api: TestServer;
let driver: Driver;
let fetched = 0;
let target: http.Server;
let targetUrl = '';

beforeAll(async () => {
  // On the test run's one Neo4j, as explicitly allowed: the analyst's own process is analyst-isolation.system.test.ts's.
  api = await startTestServer({ ANALYST_CYPHER_TOKEN: TOKEN, ANALYST_CYPHER_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000', ANALYST_CYPHER_ON_PUBLIC_DATABASE: 'true' });
  const s = neo4jSettings();
  driver = neo4j.driver(s.uri, neo4j.auth.basic(s.username, s.password), { disableLosslessIntegers: true });
  target = http.createServer((_req, res) => {
    fetched += 1;
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/secret.csv`;
});
afterAll(async () => {
  await api?.stop();
  await driver?.close();
  await new Promise((r) => target?.close(r));
});

async function analyst(query: string, params?: unknown) {
  const res = await api.gql(CYPHER, { query, params }, AUTH);
  return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message ?? '', data: res.body.data as any };
}

describe('analyst Cypher reads the graph and nothing else', () => {
  it('LOAD CSV of a file or a URL is FORBIDDEN, however it is written, and no URL is fetched', async () => {
    for (const query of [
      "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
      "load csv from 'file:///proc/self/environ' as l return l",
      `/* read */ MATCH (n) WITH n LIMIT 1 LOAD CSV WITH HEADERS FROM '${targetUrl}' AS l RETURN l`,
      `CALL { LOAD CSV FROM '${targetUrl}' AS l RETURN l } RETURN l`,
      'LOAD CSV FROM $url AS l RETURN l',
    ]) {
      const r = await analyst(query, { url: targetUrl });
      expect(r.code, query).toBe('FORBIDDEN');
      expect(r.message).toMatch(/LOAD CSV .*reads files and fetches URLs/);
      expect(r.data).toBeNull();
    }
    expect(fetched).toBe(0);
  });

  it('the words in strings, comments and names are not keywords: such a statement runs', async () => {
    const r = await analyst("MATCH (m:Meeting) // LOAD CSV FROM 'file:///etc/passwd'\nRETURN 'LOAD CSV' AS `SHOW TRANSACTIONS`, count(m) > 0 AS some");
    expect(r.code).toBeUndefined();
    expect(r.data.cypher.rows).toEqual([{ 'SHOW TRANSACTIONS': 'LOAD CSV', some: true }]);
  });

  it('the local Neo4j itself reads no file and fetches no URL (the second wall)', async () => {
    for (const query of ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", `LOAD CSV FROM '${targetUrl}' AS l RETURN l`]) {
      const error = await driver.executeQuery(query).then(
        () => undefined,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(error, query).toBeDefined();
      expect(error?.message, query).toMatch(/not allowed|blocked|file URLs|Couldn't load|cannot load|not permitted/i);
    }
    expect(fetched).toBe(0);
  });

  it("other clients' transactions, users, settings and administration are FORBIDDEN", async () => {
    for (const query of [
      'SHOW TRANSACTIONS',
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
      'SHOW USERS',
      'SHOW SETTINGS',
      'SHOW PROCEDURES',
      'CREATE INDEX x FOR (n:Meeting) ON (n.name)',
      'USE system SHOW DATABASES',
    ]) {
      const r = await analyst(query);
      expect(r.code, query).toBe('FORBIDDEN');
      expect(r.message, query).toMatch(/administration commands|USE/);
    }
  });

  it('procedures outside the allow-list and non-built-in functions are FORBIDDEN; the allowed ones run', async () => {
    for (const query of ['CALL db.clearQueryCaches()', 'CALL dbms.listConfig() YIELD name RETURN name', 'CALL dbms.killQueries(["x"])', 'RETURN apoc.version()']) {
      const r = await analyst(query);
      expect(r.code, query).toBe('FORBIDDEN');
      expect(r.message, query).toMatch(/is not allowed/);
    }
    const labels = await analyst('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.code).toBeUndefined();
    expect(labels.data.cypher.rows.map((r: { label: string }) => r.label)).toContain('Meeting');
  });

  it('a write is FORBIDDEN before it reaches the database', async () => {
    for (const query of ['CREATE (n:Sandbox) RETURN n', 'MATCH (n:Meeting) SET n.x = 1', 'MERGE (n:Sandbox {k: 1})', 'MATCH (n:Sandbox) DETACH DELETE n']) {
      const r = await analyst(query);
      expect(r.code, query).toBe('FORBIDDEN');
      expect(r.message, query).toMatch(/read-only/);
    }
  });
});

describe('analyst bombs are refused, and Neo4j keeps answering everyone else', () => {
  it('CPU and memory bombs Neo4j cannot stop are FORBIDDEN at once, while public queries are answered', async () => {
    const bombs = [
      'RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x) AS v',
      'RETURN size([x IN range(1, 100000000) | x]) AS v',
      'RETURN size([x IN range(1, $n) | x]) AS v',
      'RETURN range(1, toInteger("9" + "99999999")) AS v',
      "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS v",
      'RETURN reduce(s = [1], i IN range(1, 40) | [y IN s | [y, y]]) AS v',
      'WITH [1, 2] AS l RETURN [a IN l | [b IN l | [c IN l | [d IN l | d]]]] AS v',
    ];
    const answers = await Promise.all([
      ...bombs.map((query) => analyst(query, { n: 100_000_000 })),
      ...bombs.map(() => api.gql('{ graphStats { nodes } }')),
    ]);
    bombs.forEach((query, i) => {
      const refused = answers[i] as { code?: string; message: string };
      expect(refused.code, query).toBe('FORBIDDEN');
      expect(refused.message, query).toMatch(/range\(\)|reduce\(\)|nested/);
    });
    for (const res of answers.slice(bombs.length) as { body: { errors?: unknown; data?: any } }[]) {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.graphStats.nodes).toBeGreaterThan(0);
    }
    // The refused shapes have streaming equivalents that the timeout can stop, and small ones run.
    const small = await analyst('RETURN reduce(s = 0, x IN range(1, 1000) | s + x) AS v, size([x IN range(1, $n) | x]) AS n', { n: 10 });
    expect(small.data.cypher.rows).toEqual([{ v: 500500, n: 10 }]);
  });

  it('a collected value too large for one transaction is stopped by the memory limit: BAD_USER_INPUT, Neo4j stays up', async () => {
    const r = await analyst(`UNWIND range(1, 100000000) AS x WITH collect('${'0123456789'.repeat(10)}' + x) AS xs RETURN size(xs) AS n`);
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.message).toMatch(/memory/);
    const after = await api.gql('{ graphStats { nodes } }');
    expect(after.body.errors).toBeUndefined();
  });
});

describe('analyst mistakes are BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', () => {
  it('CALL { … } IN TRANSACTIONS, several statements, a syntax error', async () => {
    const cases: [string, RegExp][] = [
      ['CALL { MATCH (n:Meeting) RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN count(n) AS c', /IN TRANSACTIONS/],
      ['RETURN 1; RETURN 2', /exactly one Cypher statement/],
      ["RETURN 'unterminated", /not valid Cypher/],
      ['MATCH (n RETURN n', /not valid Cypher/],
      ['RETURN 1 / 0 AS x', /database could not run/],
    ];
    for (const [query, message] of cases) {
      const r = await analyst(query);
      expect(r.code, query).toBe('BAD_USER_INPUT');
      expect(r.message, query).toMatch(message);
    }
  });

  it('a 5,000-deep JSON parameter is BAD_USER_INPUT', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH },
      body: `{"query": ${JSON.stringify(CYPHER)}, "variables": {"query": "RETURN $p AS p", "params": {"p": ${deep}}}}`,
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/params: nested more than 32 levels/);
  });
});

describe('a public request whose transaction someone terminates', () => {
  it('is answered with a retryable error, not INTERNAL_SERVER_ERROR', async () => {
    const { db } = await testDb();
    const running = db.read('UNWIND range(1, 2000000000) AS x RETURN count(x) AS n', {}, { operationName: 'terminated-by-an-operator', timeoutMs: 60_000 });
    const outcome = running.then(
      () => undefined,
      (e: unknown) => e,
    );
    let id: string | undefined;
    for (let i = 0; i < 100 && id === undefined; i++) {
      const { records } = await driver.executeQuery(
        "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.operation = 'terminated-by-an-operator' RETURN transactionId",
      );
      id = records[0]?.get('transactionId') as string | undefined;
      if (id === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(id).toBeDefined();
    await driver.executeQuery('TERMINATE TRANSACTIONS $id', { id });
    const error = (await outcome) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(error.extensions['code']);
    expect(error.message).toMatch(/stopped|terminated/i);
  });
});
