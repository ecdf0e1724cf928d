/**
 * Connecting to Neo4j, as `npm start`, `npm run seed` and the tests do: the configured database
 * when NEO4J_URI is set, otherwise the local Neo4j that this project starts itself. The schema
 * (constraints, indexes) is applied on every connect; it is idempotent.
 */
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { CypherCatalog } from './neo4j/cypher-catalog.js';
import { createDriver, Database } from './neo4j/database.js';
import { applySchema } from './neo4j/migrate.js';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j/local-neo4j.js';
import { openAnalystDatabase, type AnalystDatabase } from './lifecycle/analyst-database.js';
import { copyStoreToAnalyst } from './seed/analyst-store.js';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface Connection {
  db: Database;
  catalog: CypherCatalog;
  /** Present when this process started the local Neo4j. */
  local?: LocalNeo4j;
  /** Where analyst Cypher runs (asked for with `analyst: true`; absent when it has nowhere to run). */
  analyst?: AnalystDatabase;
  close(): Promise<void>;
}

/** `analyst`: also open analyst Cypher's database (the API does; the seed tool does not), src/lifecycle/analyst-database.ts. */
export async function connect(config: Config, logger: Logger, options: { analyst?: boolean } = {}): Promise<Connection> {
  const catalog = await CypherCatalog.load();
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    const log = logger.child({ component: 'local-neo4j' });
    // While its store is at rest: the analyst's own Neo4j starts with the same data (src/seed/analyst-store.ts).
    const copied = options.analyst ? await copyStoreToAnalyst(config) : undefined;
    if (copied) logger.child({ component: 'analyst-database' }).info(copied);
    local = await startLocalNeo4j({ ...config.localNeo4j, progress: (line) => log.info(line) });
    uri = local.uri;
  }
  const settings = { ...config.neo4j, uri, ...(local ? { username: 'neo4j', password: '' } : {}) };
  const driver = createDriver(settings);
  const db = new Database(driver, settings, logger.child({ component: 'neo4j' }));
  let analyst: AnalystDatabase | undefined;
  const close = async (): Promise<void> => {
    await analyst?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    await local?.stop();
  };
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (error) {
    await close();
    const code = (error as { code?: string }).code ?? '';
    const message = error instanceof Error ? error.message : String(error);
    if (/Unauthorized|authentication/i.test(code + message)) {
      throw new StartupError(`Neo4j at ${uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`);
    }
    if (/DatabaseNotFound/i.test(code + message)) {
      throw new StartupError(`Neo4j at ${uri} has no database "${settings.database}": check NEO4J_DATABASE.`);
    }
    throw new StartupError(`cannot reach Neo4j at ${uri}: ${message.split('\n')[0]} (check NEO4J_URI, or unset it to use the local Neo4j).`);
  }
  try {
    const applied = await applySchema(db, catalog);
    logger.info({ statements: applied.length }, 'schema constraints and indexes in place');
  } catch (error) {
    await close();
    throw new StartupError(`could not apply the schema in cypher/schema: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.analyst) analyst = await openAnalystDatabase(config, db, catalog, logger);
  return { db, catalog, close, ...(local ? { local } : {}), ...(analyst ? { analyst } : {}) };
}
