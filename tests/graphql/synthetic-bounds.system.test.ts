/**
 * Issue 22 on a graph of its own (a Neo4j of this file's): the estimate follows the loaded graph. Before the
 * synthetic graph is loaded a question about a country's bodies is small; once it is loaded (its home country
 * has hundreds of bodies) the same question is refused, naming the list that makes it large, its measured size
 * and its paginated form, which answers. The loader stores the statistics with the data; an API that finds them
 * missing counts them at start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/support/free-port.js';
import { generateSynthetic, HOME_KEY, writeSynthetic, type SyntheticDataset } from '../../bench/synthetic/generate.js';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/http/server.js';
import { appDeps } from '../../src/http/wiring.js';
import { createLogger } from '../../src/logger.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { applySchema } from '../../src/neo4j/migrate.js';
import { GraphStatsRepository } from '../../src/repositories/stats-repository.js';
import { loadDataset } from '../../src/seed/loader.js';

const MAX_COST = 1_000;
const QUESTION = `{ countries(first: 100) { edges { node { name organisations { name kind established { value } } } } } }`;
const PAGED = `{ countries(first: 100) { edges { node { name organisationsConnection(first: 5) { totalCount edges { node { name } } } } } } }`;

let root: string;
let local: LocalNeo4j;
let db: Database;
let catalog: CypherCatalog;
let dataset: SyntheticDataset;
let app: App | undefined;
let url: string;

async function serve(): Promise<void> {
  const config = loadConfig({ NEO4J_URI: local.uri, LOG_LEVEL: 'silent', PORT: '0', MAX_COST: String(MAX_COST), WARM_UP: 'false', QUERY_TIMEOUT_MS: '240000', REQUEST_TIMEOUT_MS: '240000' });
  app = await createApp(appDeps(config, createLogger('silent'), db, catalog));
  // Reads (or counts and stores) the graph's statistics; the statement warm-up is off (WARM_UP=false): on this
  // fresh Neo4j of its own it took about 26 s a start, and what is under test is the estimate.
  await app.warmUp();
  url = (await app.listen(0)).url;
}

async function gql(query: string): Promise<{ status: number; body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any> } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as never };
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'synthetic-bounds-'));
  local = await startLocalNeo4j({ port: await freePort(), dataDir: path.join(root, 'data'), startTimeoutMs: 300_000, heapMb: 768, pageCacheMb: 64, progress: () => undefined });
  const settings = { uri: local.uri, username: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000 };
  db = new Database(createDriver(settings), settings, createLogger('silent'));
  catalog = await CypherCatalog.load();
  await applySchema(db, catalog);
  dataset = generateSynthetic(5_000);
  await writeSynthetic(dataset, path.join(root, 'synthetic'));
  await serve();
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await db?.close();
  await local?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the estimate follows the loaded graph', () => {
  it('on an empty graph, the question is small and answered', async () => {
    const res = await gql(QUESTION);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions?.['cost']?.estimated).toBeLessThan(MAX_COST);
  });

  it('once the graph is loaded, the same question is refused, naming the list that makes it large, and its paginated form', async () => {
    await loadDataset(db, catalog, path.join(root, 'synthetic'));
    const bodies = dataset.relationships.filter((r) => r.type === 'LOCATED_IN' && r.to === HOME_KEY).length;
    expect(bodies).toBeGreaterThan(100);
    // The loader stored the statistics with the data: the home country's bodies are the measured maximum.
    const { stats, current } = await new GraphStatsRepository(db, catalog).read({});
    expect(stats?.versions).toBe(current);
    expect(stats?.degrees['Country LOCATED_IN in Organisation *']?.[0]?.[0]).toBe(bodies);
    // The first request after a load may still be estimated with the statistics before it; its reads show the API
    // the new dataset version, and the statistics are read again.
    let res = await gql(QUESTION);
    for (let i = 0; i < 50 && res.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      res = await gql(QUESTION);
    }
    expect(res.status, JSON.stringify(res.body).slice(0, 1_000)).toBe(400);
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: MAX_COST });
    expect(error?.message).toContain(`countries.edges.node.organisations (Country.organisations: up to ${bodies} per country, measured in the loaded graph`);
    expect(error?.message).toContain('organisationsConnection(first: …, after: …) instead of organisations');
    expect(error?.extensions?.['largest'][0]).toMatchObject({ path: 'countries.edges.node.organisations', field: 'Country.organisations', measuredMax: bodies, paged: 'organisationsConnection' });
  });

  // The first request of a statement this Neo4j has not planned, and below an API restarted with its warm-up: on a
  // loaded 2-core machine (a clean-clone CI run beside the Node 24 run) each took over the 60 s default; the time is
  // not under test here.
  it('the paginated form answers the question a page at a time', { timeout: 300_000 }, async () => {
    const res = await gql(PAGED);
    expect(res.body.errors).toBeUndefined();
    const home = (res.body.data.countries.edges as { node: { name: string; organisationsConnection: { totalCount: number; edges: unknown[] } } }[]).find(
      (e) => e.node.organisationsConnection.totalCount > 5,
    );
    expect(home?.node.name).toBe('Synthetic Home Country');
    expect(home?.node.organisationsConnection.totalCount).toBe(dataset.relationships.filter((r) => r.type === 'LOCATED_IN' && r.to === HOME_KEY).length);
    expect(home?.node.organisationsConnection.edges).toHaveLength(5);
    const cost = res.body.extensions?.['cost'];
    expect(cost.estimated, JSON.stringify(cost)).toBeGreaterThanOrEqual(cost.actual);
    expect(cost.estimated).toBeLessThanOrEqual(MAX_COST);
  });

  it('an API that finds the statistics missing counts and stores them at start-up', { timeout: 300_000 }, async () => {
    await db.write('MATCH (s:GraphStats) DETACH DELETE s', {});
    expect((await new GraphStatsRepository(db, catalog).read({})).stats).toBeUndefined();
    await app?.stop();
    await serve();
    const { stats, current } = await new GraphStatsRepository(db, catalog).read({});
    expect(stats?.versions).toBe(current);
    expect((await gql(QUESTION)).status).toBe(400);
  });
});
