/**
 * The slow-query log: an operation over the threshold is logged once with its name, document hash,
 * variables (secrets redacted), round trips, time in Neo4j and statement names; below it, nothing.
 * Secrets are redacted by name (pwd, credentials, …) and by what the value looks like (bearer tokens,
 * JWTs, passwords in URLs or connection strings), and an analyst's Cypher statement is never logged.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const QUERY = `query PlanFinder($id: ID!, $withCategories: Boolean!) { node(id: $id) { id ... on Plan { name categories @include(if: $withCategories) { name } } } }`;

describe('slow-query log', () => {
  it('logs a forced-slow operation once, with its details and redacted variables', async () => {
    const { logger, lines } = capture();
    // A threshold of 1 ms makes every operation slow: the log's content is what is under test.
    // The redaction list is configurable: here the plan id counts as a secret.
    const server = await startTestServer({ SLOW_QUERY_MS: '1', SLOW_QUERY_REDACT: 'id,token' }, { logger });
    try {
      const res = await server.gql(QUERY, { id: 'plan:firearms-2016', withCategories: true });
      expect(res.body.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 50));
      const slow = lines.filter((l) => l['component'] === 'slow-query');
      expect(slow).toHaveLength(1);
      const entry = slow[0]!;
      expect(entry['level']).toBe(40);
      expect(entry['operation']).toBe('PlanFinder');
      expect(entry['documentHash']).toMatch(/^[0-9a-f]{64}$/);
      expect(entry['variables']).toEqual({ id: '[redacted]', withCategories: true });
      expect(entry['roundTrips']).toBeGreaterThanOrEqual(1);
      expect(typeof entry['neo4jMs']).toBe('number');
      expect(entry['statements']).toEqual(expect.arrayContaining([expect.stringMatching(/^[\w/.:-]+$/)]));
      expect(JSON.stringify(entry)).not.toContain('plan:firearms-2016');
    } finally {
      await server.stop();
    }
  });

  it('stays quiet below the threshold', async () => {
    const { logger, lines } = capture();
    const server = await startTestServer({ SLOW_QUERY_MS: '600000' }, { logger });
    try {
      await server.gql(QUERY, { id: 'plan:firearms-2016', withCategories: false });
      expect(lines.filter((l) => l['component'] === 'slow-query')).toHaveLength(0);
    } finally {
      await server.stop();
    }
  });
});

describe('slow-query log redaction', () => {
  const ANALYST = 'analyst-token-0123456789abcdef';
  const secrets = {
    pwd: 'hunter2-pwd',
    credentials: { user: 'ops', key: 'cred-value-1' },
    note: 'Bearer abc.def-secret-bearer',
    jwtLike: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNlY3JldA',
    link: 'https://ops:url-password-9@example.test/path',
    dsn: 'host=db user=ops password=dsn-password-7 sslmode=require',
  };

  it('redacts secrets by name and by value pattern, and never logs an analyst statement', async () => {
    const { logger, lines } = capture();
    // Analyst Cypher on the shared test Neo4j (with NEO4J_URI it is refused unless allowed there or given its own).
    const server = await startTestServer({ SLOW_QUERY_MS: '1', ANALYST_CYPHER_TOKEN: ANALYST, ANALYST_CYPHER_ON_PUBLIC_DATABASE: 'true' }, { logger });
    try {
      await server.gql('query Q($id: ID!, $pwd: String, $credentials: JSON, $note: String, $jwtLike: String, $link: String, $dsn: String) { node(id: $id) { id } }', {
        id: 'plan:firearms-2016',
        ...secrets,
      });
      const statement = "MATCH (n:Meeting {key: 'meeting:firearms-promotion'}) RETURN n.name AS secretName";
      const res = await server.gql('query A($statement: String!, $params: JSON) { cypher(query: $statement, params: $params) { columns } }', { statement, params: { p: 'param-value-3' } }, {
        authorization: `Bearer ${ANALYST}`,
      });
      expect(res.body.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 50));
      const slow = lines.filter((l) => l['component'] === 'slow-query');
      expect(slow).toHaveLength(2);
      const first = slow[0]!;
      expect((first['variables'] as Record<string, unknown>)['id']).toBe('plan:firearms-2016');
      const all = JSON.stringify(lines);
      for (const value of ['hunter2-pwd', 'cred-value-1', 'abc.def-secret-bearer', 'c2lnbmF0dXJlLXNlY3JldA', 'url-password-9', 'dsn-password-7', ANALYST, 'secretName', 'param-value-3']) {
        expect(all, value).not.toContain(value);
      }
      expect((slow[1]!['variables'] as Record<string, unknown>)['statement']).toMatch(/analyst Cypher, \d+ characters/);
    } finally {
      await server.stop();
    }
  });
});
