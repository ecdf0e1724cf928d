/**
 * Cold start: `/ready` says 200 only once the saved operations, the explorer's operations and every
 * export have run once (Neo4j's statement caches primed), so a load balancer never sends the first
 * real requests to a cold instance.
 * Before, `/ready` said 200 as soon as Neo4j answered, and the first requests after a cold start
 * timed out under load (issue: "for ~20 s after a cold start under load every request times out").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/http/server.js';
import { appDeps } from '../../src/http/wiring.js';
import path from 'node:path';
import { loadExampleOperations, OPERATIONS_DIR } from '../../src/http/ide.js';
import { createLogger } from '../../src/logger.js';
import { neo4jSettings, testDb } from '../support/db.js';

describe('cold start', () => {
  let app: App;
  let origin: string;
  beforeAll(async () => {
    const { db, catalog } = await testDb();
    const s = neo4jSettings();
    const config = loadConfig({ NEO4J_URI: s.uri, NEO4J_DATABASE: s.database, LOG_LEVEL: 'silent', PORT: '0', QUERY_TIMEOUT_MS: '60000' });
    app = await createApp(appDeps(config, createLogger('silent'), db, catalog));
    origin = new URL((await app.listen(0)).url).origin;
  });
  afterAll(async () => app?.stop());

  it('/ready answers 503 "warming" until every saved and explorer operation and every export has run once, then 200', async () => {
    const warm = app.warmUp();
    const during = await fetch(`${origin}/ready`);
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ status: 'warming', database: 'up' });
    // The process is alive meanwhile: liveness does not wait for the warm-up.
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const result = await warm;
    const explorer = loadExampleOperations(path.join(OPERATIONS_DIR, 'explorer'));
    expect(explorer.length).toBeGreaterThanOrEqual(9);
    expect(result.operations).toBe(loadExampleOperations().length + explorer.length);
    // Every export the index lists, and each graph file (a neighbourhood, a path set, the whole graph).
    const index = (await (await fetch(`${origin}/export/`)).json()) as { exports: Record<string, unknown>; graphFormats: { exports: string[] } };
    expect(result.exports).toBe(Object.keys(index.exports).length - 1 + index.graphFormats.exports.length);
    expect(result.failed).toEqual([]);
    const after = await fetch(`${origin}/ready`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready', database: 'up' });
  });
});

describe('WARM_UP=false', () => {
  it('/ready says 200 without running the saved operations or the exports, and requests are answered', async () => {
    const { db, catalog } = await testDb();
    const s = neo4jSettings();
    const config = loadConfig({ NEO4J_URI: s.uri, NEO4J_DATABASE: s.database, LOG_LEVEL: 'silent', PORT: '0', WARM_UP: 'false' });
    const app = await createApp(appDeps(config, createLogger('silent'), db, catalog));
    try {
      const origin = new URL((await app.listen(0)).url).origin;
      expect(await app.warmUp()).toEqual({ operations: 0, exports: 0, failed: [], ms: 0 });
      expect((await fetch(`${origin}/ready`)).status).toBe(200);
      const res = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ countries(first: 3) { edges { node { name } } } }' }),
      });
      const body = (await res.json()) as { data?: { countries: { edges: unknown[] } } };
      expect(res.status).toBe(200);
      expect(body.data?.countries.edges).toHaveLength(3);
    } finally {
      await app.stop();
    }
  });
});
