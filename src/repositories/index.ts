/** The singleton repositories, built once at start-up (a missing Cypher file fails here). */
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database } from '../neo4j/database.js';
import { AgreementRepository } from './agreement-repository.js';
import { AnalystCypherRepository } from './analyst-cypher-repository.js';
import { AnalyticsRepository } from './analytics-repository.js';
import { DatasetRepository } from './dataset-repository.js';
import { EntityRepository } from './entity-repository.js';
import { GraphRepository } from './graph-repository.js';
import { SearchRepository } from './search-repository.js';
import { GraphStatsRepository } from './stats-repository.js';

export interface Repositories {
  entities: EntityRepository;
  agreements: AgreementRepository;
  search: SearchRepository;
  analytics: AnalyticsRepository;
  datasets: DatasetRepository;
  graph: GraphRepository;
  stats: GraphStatsRepository;
  /** Absent when analyst Cypher has no database it may run on (src/config.ts, `analyst.database`). */
  analystCypher?: AnalystCypherRepository | undefined;
}

/** The database analyst Cypher runs on (src/lifecycle/analyst-database.ts), and why it cannot answer right now. */
export interface AnalystDatabaseHandle {
  db: Database;
  unavailable(): string | undefined;
}

export function createRepositories(db: Database, catalog: CypherCatalog, analyst?: AnalystDatabaseHandle): Repositories {
  return {
    entities: new EntityRepository(db, catalog),
    agreements: new AgreementRepository(db, catalog),
    search: new SearchRepository(db, catalog),
    analytics: new AnalyticsRepository(db, catalog),
    datasets: new DatasetRepository(db, catalog),
    graph: new GraphRepository(db, catalog),
    stats: new GraphStatsRepository(db, catalog),
    analystCypher: analyst ? new AnalystCypherRepository(analyst.db, catalog, () => analyst.unavailable()) : undefined,
  };
}
