/** What every resolver receives: per-request services and loaders, built fresh for each request. */
import type { Logger } from '../logger.js';
import type { QueryContext } from '../neo4j/database.js';
import type { Services } from '../services/index.js';

/** What the API knows of each loaded dataset's source document. */
export interface DatasetInfo {
  title: string;
  asOf: string | null;
}

export interface GraphQLContext {
  services: Services;
  query: QueryContext;
  logger: Logger;
  datasets: ReadonlyMap<string, DatasetInfo>;
  /** The request's Authorization header (analyst Cypher reads its bearer token). */
  authorization?: string | undefined;
}
