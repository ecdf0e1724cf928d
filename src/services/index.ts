/** Builds the per-request services (and their DataLoaders) from the singleton repositories. */
import type { QueryContext } from '../neo4j/database.js';
import type { Repositories } from '../repositories/index.js';
import { AgreementService } from './agreement-service.js';
import { EntityService } from './entity-service.js';
import { SearchService } from './search-service.js';

export interface Services {
  entities: EntityService;
  agreements: AgreementService;
  search: SearchService;
}

export function createServices(repos: Repositories, ctx: QueryContext): Services {
  return {
    entities: new EntityService(repos.entities, ctx),
    agreements: new AgreementService(repos.agreements, ctx),
    search: new SearchService(repos.search, ctx),
  };
}
