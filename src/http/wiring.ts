/**
 * What createApp needs, built in one place from a configuration and a database connection: main, the
 * test server (tests/support/server.ts), the tests that build their own app and the benchmark all use it.
 */
import type { Config } from '../config.js';
import { readDatasetInfo } from '../graphql/datasets.js';
import type { Logger } from '../logger.js';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database } from '../neo4j/database.js';
import { createRepositories } from '../repositories/index.js';
import type { AppDeps } from './server.js';

export function appDeps(config: Config, logger: Logger, db: Database, catalog: CypherCatalog): AppDeps {
  return { config, logger, db, repos: createRepositories(db, catalog), datasets: readDatasetInfo([config.seed.dir]) };
}
