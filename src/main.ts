/**
 * `npm start`: configuration → Neo4j (the local one unless NEO4J_URI is set) → schema → seeds when
 * the database is empty → the API at http://localhost:4000/graphql, in this process or, with
 * WEB_CONCURRENCY > 1, in that many workers sharing the port. SIGTERM or SIGINT, however delivered
 * (to npm, to this process, to the whole group), drains HTTP, closes the driver and then stops the
 * local Neo4j this process started; exit code 0.
 */
import cluster from 'node:cluster';
import { loadConfigOrExit, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createApp } from './http/server.js';
import { appDeps } from './http/wiring.js';
import { installShutdown, type Shutdown } from './lifecycle/shutdown.js';
import { followPrimary, startWorkers } from './lifecycle/workers.js';
import { LocalNeo4jError } from './local-neo4j/local-neo4j.js';
import { connect, StartupError, type Connection } from './runtime.js';
import { isDatabaseEmpty, loadDataset, staleDerivedCount } from './seed/loader.js';

/** Builds the API on a connection and listens; registers its drain as a shutdown step. */
async function serve(config: Config, logger: Logger, connection: Connection, shutdown: Shutdown): Promise<void> {
  const app = await createApp(appDeps(config, logger, connection.db, connection.catalog, connection.analyst));
  shutdown.add('http', () => app.stop());
  // Listening first (so /health answers), /ready 503 until the statement caches are warm.
  const warm = app.warmUp();
  const { url } = await app.listen();
  await warm;
  logger.info({ url, pid: process.pid }, `GraphQL API ready at ${url}`);
  // The analyst's own Neo4j starts once the public API is ready (its start must not slow the public one's).
  connection.analyst?.start();
}

let shutdown: Shutdown | undefined;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  // Drain (request deadline), close the driver, stop Neo4j (its own grace): then give up.
  shutdown = installShutdown(logger, config.limits.requestTimeoutMs + 45_000);
  if (cluster.isWorker) followPrimary(shutdown);

  // Analyst Cypher's database: the primary starts the local one; workers reach it at ANALYST_NEO4J_URI (below).
  const connection = await connect(config, logger, { analyst: true });
  shutdown.add('neo4j', () => connection.close());
  if (shutdown.stopping) return;

  if (cluster.isPrimary && config.seed.onStart && (await isDatabaseEmpty(connection.db))) {
    logger.info({ dir: config.seed.dir }, 'database is empty: loading the seed dataset');
    const summary = await loadDataset(connection.db, connection.catalog, config.seed.dir, (line) => logger.info(line));
    logger.info({ summary }, 'seed dataset loaded');
    connection.analyst?.refresh();
  } else if (cluster.isPrimary) {
    const stale = await staleDerivedCount(connection.db, connection.catalog);
    if (stale > 0) {
      logger.warn({ stale }, `${stale} entities were loaded by an older loader: search and "as of" do not see them until \`npm run seed\` rewrites them once`);
    }
  }

  if (cluster.isWorker || config.http.workers <= 1) return serve(config, logger, connection, shutdown);

  // The workers use the database this process connected to (the local Neo4j it started, if any).
  const settings = connection.db.settings;
  const pool = startWorkers(
    config.http.workers,
    {
      NEO4J_URI: settings.uri,
      NEO4J_USERNAME: settings.username,
      NEO4J_PASSWORD: settings.password,
      SEED_ON_START: 'false',
      // The analyst's own local Neo4j, started here: to the workers it is a database at a URI, copied and watched by this process.
      ...(connection.analyst && config.analyst.database.kind === 'local' ? { ANALYST_NEO4J_URI: connection.analyst.uri } : {}),
    },
    logger,
    config.limits.requestTimeoutMs + 10_000,
  );
  shutdown.add('workers', () => pool.stop());
  await pool.ready;
  connection.analyst?.start();
  logger.info({ workers: config.http.workers, port: config.http.port }, `GraphQL API ready with ${config.http.workers} workers`);
}

main().catch((error: unknown) => {
  const known = error instanceof StartupError || error instanceof LocalNeo4jError || (error instanceof Error && /already in use/.test(error.message));
  process.stderr.write(`error: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
  // Whatever was started (the local Neo4j) is stopped before exiting.
  if (shutdown) void shutdown.stop('start-up failed', 1);
  else process.exit(1);
});
