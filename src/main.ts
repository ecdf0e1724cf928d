/**
 * `npm start`: configuration → Neo4j (the local one unless NEO4J_URI is set) → schema → seeds when
 * the database is empty → the API at http://localhost:4000/graphql. Ctrl-C drains HTTP, closes the
 * driver and stops the local Neo4j this process started.
 */
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { readDatasetInfo } from './graphql/datasets.js';
import { createApp } from './http/server.js';
import { LocalNeo4jError } from './local-neo4j/local-neo4j.js';
import { createRepositories } from './repositories/index.js';
import { connect, StartupError } from './runtime.js';
import { isDatabaseEmpty, loadDataset } from './seed/loader.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const connection = await connect(config, logger);
  let stopping = false;
  const shutdown = async (signal: string, app?: { stop(): Promise<void> }): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 40_000);
    force.unref();
    await app?.stop().catch((e: unknown) => logger.error({ err: e }, 'http stop failed'));
    await connection.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.seed.onStart && (await isDatabaseEmpty(connection.db))) {
    logger.info({ dir: config.seed.dir }, 'database is empty: loading the seed dataset');
    const summary = await loadDataset(connection.db, connection.catalog, config.seed.dir, (line) => logger.info(line));
    logger.info({ summary }, 'seed dataset loaded');
  }

  const app = await createApp({
    config,
    logger,
    db: connection.db,
    repos: createRepositories(connection.db, connection.catalog),
    datasets: readDatasetInfo([config.seed.dir]),
  });
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void shutdown('SIGINT', app));
  process.once('SIGTERM', () => void shutdown('SIGTERM', app));
  const { url } = await app.listen().catch(async (error: unknown) => {
    await connection.close();
    throw error;
  });
  logger.info({ url }, `GraphQL API ready at ${url}`);
}

main().catch((error: unknown) => {
  const known = error instanceof StartupError || error instanceof LocalNeo4jError || (error instanceof Error && /already in use/.test(error.message));
  process.stderr.write(`error: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
  process.exit(1);
});
