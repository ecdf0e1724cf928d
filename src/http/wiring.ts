/**
 * What createApp needs, built in one place from a configuration and a database connection: main, the
 * test server (tests/support/server.ts), the tests that build their own app and the benchmark all use it.
 */
import type { Config } from '../config.js';
import { readDatasetInfo } from '../graphql/datasets.js';
import type { Logger } from '../logger.js';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database } from '../neo4j/database.js';
import { createRepositories, type AnalystDatabaseHandle } from '../repositories/index.js';
import type { AppDeps } from './server.js';

/**
 * `analyst`: where analyst Cypher runs (src/lifecycle/analyst-database.ts); without it, the public database when
 * the configuration explicitly allows that (ANALYST_CYPHER_ON_PUBLIC_DATABASE), otherwise nowhere.
 */
export function appDeps(config: Config, logger: Logger, db: Database, catalog: CypherCatalog, analyst?: AnalystDatabaseHandle): AppDeps {
  const onPublic = config.analyst.token && config.analyst.database.kind === 'public' ? { db, unavailable: () => undefined } : undefined;
  return { config, logger, db, repos: createRepositories(db, catalog, analyst ?? onPublic), datasets: readDatasetInfo([config.seed.dir]) };
}
