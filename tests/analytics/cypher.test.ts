 
/**
 * Read-only Cypher for analysts: off unless configured, behind a bearer token, read access mode
 * (the database refuses writes), a timeout that stops slow queries, and a row cap.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { useTestServer } from '../support/server.js';

const TOKEN = 'analyst-token-for-tests-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CYPHER = `query Analyst($query: String!, $params: JSON) { cypher(query: $query, params: $params) { columns rows rowCount truncated maxRows } }`;

const off = useTestServer();
const on = useTestServer({ ANALYST_CYPHER_TOKEN: TOKEN, ANALYST_CYPHER_TIMEOUT_MS: '400', ANALYST_CYPHER_MAX_ROWS: '50' });

describe('analyst Cypher', () => {
  it('is disabled unless ANALYST_CYPHER_TOKEN is set: FORBIDDEN "disabled"', async () => {
    const res = await off.gql(CYPHER, { query: 'RETURN 1 AS one' }, AUTH);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0]?.message).toMatch(/disabled/);
  });

  it('a token shorter than 16 characters is a configuration error', () => {
    expect(() => loadConfig({ ANALYST_CYPHER_TOKEN: 'short' })).toThrow(ConfigError);
    expect(loadConfig({}).analyst).toEqual({ token: undefined, timeoutMs: 5000, maxRows: 1000 });
  });

  it('needs the bearer token: UNAUTHENTICATED without it or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-wrong-token-wrong' }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const res = await on.gql(CYPHER, { query: 'RETURN 1 AS one' }, headers);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeNull();
    }
  });

  it('runs a read query with parameters (whole numbers as integers) and returns nodes without internal ids', async () => {
    const res = await on.gql(
      CYPHER,
      {
        query: 'MATCH (o:Office)-[c:CHAIRS]->(m:Meeting {key: $meeting}) RETURN o, c.role AS role, range(1, $n) AS xs ORDER BY o.key',
        params: { meeting: 'meeting:firearms-promotion', n: 3 },
      },
      AUTH,
    );
    expect(res.body.errors).toBeUndefined();
    const r = (res.body.data as any).cypher;
    expect(r.columns).toEqual(['o', 'role', 'xs']);
    expect(r.rowCount).toBe(1);
    expect(r.rows[0].role).toBe('CHIEF');
    expect(r.rows[0].xs).toEqual([1, 2, 3]);
    expect(r.rows[0].o.labels).toContain('Office');
    expect(r.rows[0].o.properties.key).toBe('office:npsc-chair');
    expect(JSON.stringify(r.rows[0].o)).not.toMatch(/elementId/);
  });

  it('caps the rows and says so', async () => {
    const res = await on.gql(CYPHER, { query: 'UNWIND range(1, 100000) AS x RETURN x' }, AUTH);
    const r = (res.body.data as any).cypher;
    expect(r.rowCount).toBe(50);
    expect(r.rows[49]).toEqual({ x: 50 });
    expect(r.truncated).toBe(true);
    expect(r.maxRows).toBe(50);
    const small = await on.gql(CYPHER, { query: 'UNWIND range(1, 50) AS x RETURN x' }, AUTH);
    expect((small.body.data as any).cypher.truncated).toBe(false);
  });

  it('a write is refused by the database (read access mode), reported as FORBIDDEN, and the graph is unchanged', async () => {
    const count = async () =>
      ((await on.gql(CYPHER, { query: 'MATCH (n) RETURN count(n) AS n' }, AUTH)).body.data as any).cypher.rows[0].n as number;
    const before = await count();
    for (const query of ['CREATE (n:X) RETURN n', 'MATCH (n:Meeting) SET n.hacked = true RETURN count(n)', 'MATCH (n:Office) DETACH DELETE n']) {
      const res = await on.gql(CYPHER, { query }, AUTH);
      expect(res.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(res.body.errors?.[0]?.message).toMatch(/read-only/);
    }
    expect(await count()).toBe(before);
    const x = await on.gql(CYPHER, { query: 'MATCH (n:X) RETURN count(n) AS n' }, AUTH);
    expect((x.body.data as any).cypher.rows[0].n).toBe(0);
    const hacked = await on.gql(CYPHER, { query: 'MATCH (n:Meeting) WHERE n.hacked IS NOT NULL RETURN count(n) AS n' }, AUTH);
    expect((hacked.body.data as any).cypher.rows[0].n).toBe(0);
  });

  it('a slow query is stopped by the timeout (QUERY_TIMEOUT) while the server stays responsive', async () => {
    const started = Date.now();
    const slow = on.gql(CYPHER, { query: 'UNWIND range(1, 100000000) AS x RETURN count(x) AS n' }, AUTH);
    // Meanwhile other requests are answered.
    const health = await fetch(`${on.origin}/health`);
    expect(health.status).toBe(200);
    const quick = await on.gql(`{ graphStats { nodes } }`);
    expect(quick.body.errors).toBeUndefined();
    const res = await slow;
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(res.body.errors?.[0]?.message).toMatch(/400 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a malformed statement is BAD_USER_INPUT with the database message; params must be an object', async () => {
    const bad = await on.gql(CYPHER, { query: 'MATCH (n RETURN n' }, AUTH);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const params = await on.gql(CYPHER, { query: 'RETURN 1', params: [1, 2] }, AUTH);
    expect(params.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
