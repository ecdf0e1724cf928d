 
/**
 * Read-only Cypher for analysts: off unless configured, behind a bearer token, read access mode
 * (the database refuses writes), a timeout that stops slow queries, and a row cap; never on the public
 * database unless explicitly allowed (these tests allow it: they share the test run's one Neo4j; the
 * analyst's own Neo4j process is tested in tests/hardening/analyst-isolation.system.test.ts); results
 * without internal ids, relationships with their ends by the entities' keys.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { useTestServer } from '../support/server.js';

const TOKEN = 'analyst-token-for-tests-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CYPHER = `query Analyst($query: String!, $params: JSON) { cypher(query: $query, params: $params) { columns rows rowCount truncated maxRows } }`;

const allowed = { ANALYST_CYPHER_TOKEN: TOKEN, ANALYST_CYPHER_MAX_ROWS: '50', ANALYST_CYPHER_ON_PUBLIC_DATABASE: 'true' };
const off = useTestServer();
const on = useTestServer(allowed);
const impatient = useTestServer({ ...allowed, ANALYST_CYPHER_TIMEOUT_MS: '400' });
const unplaced = useTestServer({ ANALYST_CYPHER_TOKEN: TOKEN });

describe('analyst Cypher', () => {
  it('is disabled unless ANALYST_CYPHER_TOKEN is set: FORBIDDEN "disabled"', async () => {
    const res = await off.gql(CYPHER, { query: 'RETURN 1 AS one' }, AUTH);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0]?.message).toMatch(/disabled/);
  });

  it('a token shorter than 16 characters is a configuration error', () => {
    expect(() => loadConfig({ ANALYST_CYPHER_TOKEN: 'short' })).toThrow(ConfigError);
    expect(loadConfig({}).analyst).toMatchObject({ token: undefined, timeoutMs: 5000, maxRows: 1000 });
  });

  it('with NEO4J_URI and no place of its own, it is refused: FORBIDDEN naming the settings, even for the token holder', async () => {
    const res = await unplaced.gql(CYPHER, { query: 'RETURN 1 AS one' }, AUTH);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0]?.message).toMatch(/public database.*ANALYST_NEO4J_URI.*ANALYST_CYPHER_ON_PUBLIC_DATABASE/);
    expect(res.body.data).toBeNull();
    const anonymous = await unplaced.gql(CYPHER, { query: 'RETURN 1 AS one' });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
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
        query: 'MATCH (o:Office)-[c:CHAIRS]->(m:Meeting {key: $meeting}) RETURN o, c.role AS role, range(1, $n) AS xs, c ORDER BY o.key',
        params: { meeting: 'meeting:firearms-promotion', n: 3 },
      },
      AUTH,
    );
    expect(res.body.errors).toBeUndefined();
    const r = (res.body.data as any).cypher;
    expect(r.columns).toEqual(['o', 'role', 'xs', 'c']);
    expect(r.rowCount).toBe(1);
    expect(r.rows[0].role).toBe('CHIEF');
    expect(r.rows[0].xs).toEqual([1, 2, 3]);
    expect(r.rows[0].o.labels).toContain('Office');
    expect(r.rows[0].o.properties.key).toBe('office:npsc-chair');
    expect(JSON.stringify(r.rows[0].o)).not.toMatch(/elementId/);
    // The relationship with its ends, by the entities' keys (the source: "Chief: Chair of the National Public Safety Commission").
    expect(r.rows[0].c).toMatchObject({ type: 'CHAIRS', startId: 'office:npsc-chair', endId: 'meeting:firearms-promotion', properties: { role: 'CHIEF' } });
    expect(JSON.stringify(r.rows[0].c)).not.toMatch(/elementId|ElementId|identity/);
  });

  it('returns relationships with start and end whether or not their nodes are returned, in paths, lists and maps, and past the row cap', async () => {
    const bare = await on.gql(
      CYPHER,
      { query: 'MATCH ()-[c:CHAIRS]->(:Meeting {key: $meeting}) RETURN c, [c] AS list, {rel: c} AS map', params: { meeting: 'meeting:firearms-promotion' } },
      AUTH,
    );
    expect(bare.body.errors).toBeUndefined();
    const row = (bare.body.data as any).cypher.rows[0];
    const ends = { startId: 'office:npsc-chair', endId: 'meeting:firearms-promotion' };
    expect(row.c).toMatchObject(ends);
    expect(row.list[0]).toMatchObject(ends);
    expect(row.map.rel).toMatchObject(ends);

    const path = await on.gql(CYPHER, { query: 'MATCH p = (:Office)-[:CHAIRS]->(:Meeting {key: "meeting:firearms-promotion"}) RETURN p' }, AUTH);
    const segment = (path.body.data as any).cypher.rows[0].p.segments[0];
    expect(segment.relationship).toMatchObject({ type: 'CHAIRS', ...ends });
    expect(segment.end.properties.key).toBe('meeting:firearms-promotion');

    // Cut at the row cap (50 here): the ends of the rows kept are still named.
    const many = await on.gql(CYPHER, { query: 'MATCH (a)-[r]->(b) RETURN r, a.key AS a, b.key AS b' }, AUTH);
    expect(many.body.errors).toBeUndefined();
    const capped = (many.body.data as any).cypher;
    expect(capped.truncated).toBe(true);
    expect(capped.rows).toHaveLength(50);
    for (const x of capped.rows) expect([x.r.startId, x.r.endId]).toEqual([x.a, x.b]);
  });

  it('refuses elementId() and id(): FORBIDDEN, pointing to the key property', async () => {
    for (const query of ['MATCH (n:Meeting) RETURN elementId(n) LIMIT 1', 'MATCH (n:Meeting) RETURN `id`(n) AS i LIMIT 1', 'MATCH ()-[r]->() RETURN [x IN [r] | ELEMENTID(x)] LIMIT 1']) {
      const res = await on.gql(CYPHER, { query }, AUTH);
      expect(res.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(res.body.errors?.[0]?.message, query).toMatch(/internal id.*key property/);
    }
    // A property or a map key named id is not the function.
    const named = await on.gql(CYPHER, { query: 'MATCH (n:Meeting {key: "meeting:firearms-promotion"}) RETURN n.id AS id, {id: n.key} AS m' }, AUTH);
    expect(named.body.errors).toBeUndefined();
    expect((named.body.data as any).cypher.rows[0].m).toEqual({ id: 'meeting:firearms-promotion' });
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
    const slow = impatient.gql(CYPHER, { query: 'UNWIND range(1, 100000000) AS x RETURN count(x) AS n' }, AUTH);
    // Meanwhile other requests are answered.
    const health = await fetch(`${impatient.origin}/health`);
    expect(health.status).toBe(200);
    const quick = await impatient.gql(`{ graphStats { nodes } }`);
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
