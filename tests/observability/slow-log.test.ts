/**
 * The slow-query log: an operation over the threshold is logged once with its name, document hash,
 * variables (secrets redacted), round trips, time in Neo4j and statement names; below it, nothing.
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
