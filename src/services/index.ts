/** Builds the per-request services (and their DataLoaders) from the singleton repositories. */
import type { QueryContext } from '../neo4j/database.js';
import type { Repositories } from '../repositories/index.js';
import { AgreementService } from './agreement-service.js';
import { AnalystCypherService, type AnalystSettings } from './analyst/analyst-cypher-service.js';
import { AnalyticsService } from './analytics-service.js';
import { EntityService } from './entity-service.js';
import { SearchService } from './search-service.js';

export interface Services {
  entities: EntityService;
  agreements: AgreementService;
  search: SearchService;
  analytics: AnalyticsService;
  analyst: AnalystCypherService;
}

/** Settings some services need (from src/config.ts); absent ones switch a feature off. */
export interface ServiceSettings {
  analyst?: AnalystSettings | undefined;
}

export function createServices(repos: Repositories, ctx: QueryContext, settings: ServiceSettings = {}): Services {
  const entities = new EntityService(repos.entities, ctx);
  const agreements = new AgreementService(repos.agreements, ctx, entities);
  return {
    entities,
    agreements,
    search: new SearchService(repos.search, ctx),
    analytics: new AnalyticsService(repos.analytics, ctx, { entities, agreements }),
    analyst: new AnalystCypherService(repos.analystCypher, ctx, settings.analyst),
  };
}
