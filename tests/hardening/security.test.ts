/**
 * Security properties a reviewer would otherwise check by hand, against the test run's Neo4j: Neo4j's
 * internal element ids never reach a client, and the test run's local Neo4j answers on loopback only. Without
 * a database (security.unit.test.ts): Cypher is never built from strings and the launcher binds loopback
 * only; a configured password never appears in the logs: secrets-in-logs.system.test.ts.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { savedOperations } from '../../bench/load.js';
import { neo4jSettings } from '../support/db.js';
import { startTestServer, useTestServer } from '../support/server.js';

// ─── element ids, loopback ───

/** Neo4j 5 element ids: `<n>:<database uuid>:<id>`; older ids are bare integers in `elementId`/`identity` fields. */
const ELEMENT_ID = /\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+/i;
const ELEMENT_ID_FIELD = /"(elementId|startNodeElementId|endNodeElementId|identity|elementID)"\s*:/;
const CYPHER_RAW = 'query Raw($q: String!) { cypher(query: $q) { rows rowCount } }';

describe('internal ids stay inside', () => {
  const server = useTestServer();

  it('the element-id pattern matches a real element id (so the check can fail)', () => {
    expect(ELEMENT_ID.test('{"id":"4:6e4f0a35-3b44-4a7e-9d57-1c2f4cbd1a2e:17"}')).toBe(true);
    expect(ELEMENT_ID_FIELD.test('{"elementId": "x"}')).toBe(true);
  });

  it('no response carries a Neo4j element id: every saved operation, lookups, search, paths and neighbourhoods', async () => {
    const queries = [
      ...savedOperations().operations.map((o) => JSON.parse(o.body) as { query: string; operationName?: string }),
      { query: '{ nodes(ids: ["organisation:cabinet", "meeting:firearms-promotion", "agreement:tpp", "nope"]) { id __typename ... on Entity { key name } } }' },
      { query: '{ search(text: "customs", first: 50) { node { id key name } matched } }' },
      { query: '{ organisations(first: 100) { edges { cursor node { id key parent { id } } } pageInfo { endCursor startCursor } } }' },
      {
        query:
          '{ neighbourhood(id: "organisation:cabinet", depth: 2) { centre { id } nodes { distance node { id } } relationships { id type properties direction } } }',
      },
      { query: '{ shortestPath(from: "office:prime-minister", to: "meeting:firearms-promotion", all: true) { paths { nodes { id } relationships { id type properties } } } }' },
    ];
    let checked = 0;
    for (const q of queries) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(q),
      });
      const text = await res.text();
      expect(ELEMENT_ID.test(text), `${q.operationName ?? q.query.slice(0, 60)} leaks an element id: ${text.match(ELEMENT_ID)?.[0]}`).toBe(false);
      expect(ELEMENT_ID_FIELD.test(text), `${q.operationName ?? q.query.slice(0, 60)} has an element-id field`).toBe(false);
      // Cursors are opaque but readable: they must not hide an element id either.
      for (const cursor of text.match(/"(?:cursor|endCursor|startCursor)":"([A-Za-z0-9_-]+)"/g) ?? []) {
        const value = cursor.split(':"')[1]!.slice(0, -1);
        expect(Buffer.from(value, 'base64url').toString('utf8')).not.toMatch(ELEMENT_ID);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('analyst Cypher returns nodes, relationships and paths without their element ids, and refuses elementId() and id()', async () => {
    const token = 'analyst-token-for-the-security-test';
    const analyst = await startTestServer({ ANALYST_CYPHER_TOKEN: token, ANALYST_CYPHER_ON_PUBLIC_DATABASE: 'true' });
    try {
      const res = await analyst.gql<{ cypher: { rows: unknown[] } }>(
        CYPHER_RAW,
        { q: 'MATCH p = (n:Entity)-[r]->(m:Entity) RETURN n, r, m, p, [n, r] AS list, {node: n} AS map LIMIT 5' },
        { authorization: `Bearer ${token}` },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.cypher.rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(ELEMENT_ID);
      expect(text).not.toMatch(ELEMENT_ID_FIELD);
      // Relationships name their ends by the entities' keys instead.
      expect((res.body.data?.cypher.rows[0] as any).r.startId).toBe((res.body.data?.cypher.rows[0] as any).n.properties.key);
      for (const q of ['MATCH (n) RETURN elementId(n) AS x LIMIT 1', 'MATCH ()-[r]->() RETURN id(r) AS x LIMIT 1']) {
        const refused = await analyst.gql(CYPHER_RAW, { q }, { authorization: `Bearer ${token}` });
        expect(refused.body.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
        expect(JSON.stringify(refused.body)).not.toMatch(ELEMENT_ID);
      }
    } finally {
      await analyst.stop();
    }
  });

  it('the test run’s local Neo4j answers on 127.0.0.1 and on no other interface', async () => {
    const uri = new URL(neo4jSettings().uri.replace(/^bolt/, 'http'));
    if (uri.hostname !== '127.0.0.1') return; // an external Neo4j (TEST_NEO4J_URI) is not ours to judge
    const port = Number(uri.port);
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port });
        socket.setTimeout(1_500);
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('timeout', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a): a is NonNullable<typeof a> => !!a && !a.internal && a.family === 'IPv4')
      .map((a) => a.address);
    for (const address of external) expect(await reachable(address), `Neo4j reachable on ${address}:${port}`).toBe(false);
  });
});
