/** What every resolver receives: per-request services and loaders, built fresh for each request. */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { QueryContext } from '../neo4j/database.js';
import type { Repositories } from '../repositories/index.js';
import { createServices, type Services } from '../services/index.js';
import { meterOf } from './result-budget.js';

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

/** What building a context needs from the application. */
export interface ContextDeps {
  config: Config;
  repos: Repositories;
  datasets: ReadonlyMap<string, DatasetInfo>;
}

/** A fresh context (services, DataLoaders) for one request: /graphql and the export routes alike. */
export function createContext(deps: ContextDeps, logger: Logger, query: QueryContext, authorization?: string): GraphQLContext {
  let services: Services | undefined;
  // The work budget travels with the query context: one per request, or per export (all its pages).
  meterOf(query, deps.config.limits);
  return {
    // Built on first use: a request answered by compiled statements alone never needs them.
    get services() {
      return (services ??= createServices(deps.repos, query, { analyst: deps.config.analyst }));
    },
    query,
    logger,
    datasets: deps.datasets,
    authorization,
  };
}
