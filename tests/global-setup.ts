/**
 * The global setup of the api and system projects (vitest.config.ts; the unit project has none): starts
 * the local Neo4j for the test run (or uses TEST_NEO4J_URI / NEO4J_URI), applies the schema and loads the
 * seed dataset, runs the API's cold-start warm-up once against it (as `npm start` does before /ready says
 * 200: Neo4j plans and caches the saved operations' statements, which can take seconds each on a cold
 * database), then hands the Bolt URI to the tests. It also runs the lock service the api project's
 * parallel files take the database with (tests/support/db-lock.ts).
 *
 * Projects of one vitest process share one graph: the first setup starts it, the last teardown stops it.
 * `npm test` runs the system project in a second vitest process (scripts/test.ts), which joins this one's graph
 * (TEST_GRAPH_JOIN, tests/support/shared-graph.ts), as CI's Node 24 run does.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/http/server.js';
import { appDeps } from '../src/http/wiring.js';
import { createLogger } from '../src/logger.js';
import { connect } from '../src/runtime.js';
import { loadDataset } from '../src/seed/loader.js';
import { startLockService } from './support/db-lock.js';
import { closeShare, joinShare, leaveShare, openShare, resetShare, shareFile, TEST_GRAPH } from './support/shared-graph.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUsername: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    /** The port of the database lock service (tests/support/db-lock.ts). */
    dbLockPort: number;
    /**
     * A joined system run's graph (`lazySetup`): the file the settings above are written to once the graph is
     * ready; its files wait for it only when they use the database (tests/support/db.ts). Empty otherwise.
     */
    graphSettingsFile: string;
  }
}

interface TestGraph {
  provided: {
    neo4jUri: string;
    neo4jUsername: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    dbLockPort: number;
  };
  stop(): Promise<void>;
}

async function startTestGraph(): Promise<TestGraph> {
  const started = performance.now();
  const external = process.env['TEST_NEO4J_URI'] ?? process.env['NEO4J_URI'];
  const port = process.env['TEST_LOCAL_NEO4J_PORT'] ?? '7688';
  const dataDir = `.neo4j/test-data-${port}`;
  if (!external) rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: external,
    LOCAL_NEO4J_PORT: port,
    LOCAL_NEO4J_DATA_DIR: dataDir,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    // Setting up is not under test: a busy machine gets the time it needs to create the schema and plan.
    QUERY_TIMEOUT_MS: '120000',
  });
  const logger = createLogger(config.logLevel);
  const connection = await connect(config, logger);
  const connected = performance.now();
  const summary = await loadDataset(connection.db, connection.catalog, config.seed.dir);
  const loaded = performance.now();
  process.stderr.write(`test graph: ${JSON.stringify(summary)}\n`);
  const app = await createApp(appDeps(config, logger, connection.db, connection.catalog));
  const warm = await app.warmUp();
  await app.stop();
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  process.stderr.write(
    `test graph ready in ${seconds(started, performance.now())} s: Neo4j ${seconds(started, connected)} s, seed ${seconds(connected, loaded)} s, ` +
      `warm-up of ${warm.operations} operations and ${warm.exports} exports ${(warm.ms / 1000).toFixed(1)} s${warm.failed.length ? ` (failed: ${warm.failed.join(', ')})` : ''}\n`,
  );
  // The tests open their own drivers; this process only keeps the local Neo4j running.
  await connection.db.close();
  const lock = await startLockService();
  return {
    provided: {
      neo4jUri: connection.local?.uri ?? config.neo4j.uri!,
      neo4jUsername: config.neo4j.username,
      neo4jPassword: config.neo4j.password,
      neo4jDatabase: config.neo4j.database,
      dbLockPort: lock.port,
    },
    stop: async () => {
      await lock.close();
      await connection.local?.stop();
    },
  };
}

/** The graph of this vitest process, shared by the projects that use it. */
const SHARED = TEST_GRAPH;
type Shared = { graph: Promise<TestGraph>; users: number };
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

/** The graph of another vitest run (TEST_GRAPH_JOIN, tests/support/shared-graph.ts), if it opens it. */
async function joinedGraph(file: string): Promise<TestGraph> {
  const settings = await joinShare(file);
  if (!settings) return startTestGraph();
  return { provided: settings, stop: async () => leaveShare(file) };
}

function firstGraph(): Promise<TestGraph> {
  const join = process.env['TEST_GRAPH_JOIN'];
  if (join) return joinedGraph(join);
  const share = shareFile();
  if (!share) return startTestGraph();
  resetShare(share);
  return startTestGraph().then((graph) => {
    openShare(share, graph.provided);
    return graph;
  });
}

/**
 * The system project of a joined run (`npm test`'s second run, TEST_GRAPH_JOIN) does not wait for the graph before
 * its first file: most system files run processes of their own, and start while the sharing run starts, seeds and
 * warms up its Neo4j (30-55 s in CI). The graph's settings are written to a file once it is joined (or, if the
 * sharing run never opens it, once this run has started its own); the files that use it wait for that file.
 */
function lazySetup(project: TestProject, join: string): () => Promise<void> {
  const file = path.join(tmpdir(), `border-graph-system-graph-${process.pid}.json`);
  rmSync(file, { force: true });
  const graph = joinedGraph(join).then(
    (g) => {
      writeFileSync(`${file}.tmp`, JSON.stringify(g.provided));
      renameSync(`${file}.tmp`, file);
      return g;
    },
    (error: unknown) => {
      writeFileSync(file, JSON.stringify({ error: String(error) }));
      return undefined;
    },
  );
  project.provide('graphSettingsFile', file);
  return async () => {
    await (await graph)?.stop();
    rmSync(file, { force: true });
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const join = process.env['TEST_GRAPH_JOIN'];
  if (join && project.name === 'system') return lazySetup(project, join);
  project.provide('graphSettingsFile', '');
  const shared = (registry[SHARED] ??= { graph: firstGraph(), users: 0 });
  shared.users += 1;
  const graph = await shared.graph;
  for (const [key, value] of Object.entries(graph.provided)) project.provide(key as keyof TestGraph['provided'], value as never);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    registry[SHARED] = undefined;
    const share = shareFile();
    if (share) await closeShare(share);
    await graph.stop();
  };
}
