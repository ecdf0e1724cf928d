/**
 * Starts the local Neo4j for the test run (or uses TEST_NEO4J_URI / NEO4J_URI), applies the schema
 * and loads the seed dataset, runs the API's cold-start warm-up once against it (as `npm start` does
 * before /ready says 200: Neo4j plans and caches the saved operations' statements, which can take
 * seconds each on a cold database), then hands the Bolt URI to the tests.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/http/server.js';
import { appDeps } from '../src/http/wiring.js';
import { createLogger } from '../src/logger.js';
import { connect } from '../src/runtime.js';
import { loadDataset } from '../src/seed/loader.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUsername: string;
    neo4jPassword: string;
    neo4jDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
  const summary = await loadDataset(connection.db, connection.catalog, config.seed.dir);
  process.stderr.write(`test graph: ${JSON.stringify(summary)}\n`);
  const app = await createApp(appDeps(config, logger, connection.db, connection.catalog));
  const warm = await app.warmUp();
  await app.stop();
  process.stderr.write(`test graph warmed up: ${warm.operations} saved operations in ${warm.ms} ms${warm.failed.length ? `, failed: ${warm.failed.join(', ')}` : ''}\n`);
  project.provide('neo4jUri', connection.local?.uri ?? config.neo4j.uri!);
  project.provide('neo4jUsername', config.neo4j.username);
  project.provide('neo4jPassword', config.neo4j.password);
  project.provide('neo4jDatabase', config.neo4j.database);
  // The tests open their own drivers; this process only keeps the local Neo4j running.
  await connection.db.close();
  return async () => {
    await connection.local?.stop();
  };
}
