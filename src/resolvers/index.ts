/**
 * All resolvers, merged by domain. Resolvers stay thin: the rules live in services. Every entity type's fields
 * are derived: its `Entity` fields (`id`, `aliases`, `provenance`) here, its navigation fields from their
 * declarations (./related.ts), and any other scalar field is its stored property of the same name (GraphQL's
 * default resolver). A domain file holds only what differs: a computed field, a default.
 */
import { SEARCHABLE_LABELS } from '../domain/vocabulary.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { analyticsResolvers } from './analytics.js';
import { baseResolvers } from './base.js';
import { customsResolvers } from './customs.js';
import { governmentResolvers } from './government.js';
import { partnerResolvers } from './partners.js';
import { planResolvers } from './plans.js';
import { navigationResolvers } from './related.js';
import { rootResolvers } from './roots.js';
import { scalarResolvers } from './scalars.js';
import { searchResolvers } from './search.js';
import { entityFields } from './shared.js';

/** The fields every type the API shows as an `Entity` shares. */
const entityResolvers = Object.fromEntries(SEARCHABLE_LABELS.map((label) => [label, entityFields])) as Resolvers;

const domains: Resolvers[] = [
  entityResolvers,
  baseResolvers,
  rootResolvers,
  governmentResolvers,
  planResolvers,
  partnerResolvers,
  customsResolvers,
  searchResolvers,
  analyticsResolvers,
  // Every navigation field, derived from its declaration (src/domain/navigation.ts).
  navigationResolvers as Resolvers,
];

export const resolvers: Resolvers = {
  ...scalarResolvers,
  ...Object.fromEntries(
    [...new Set(domains.flatMap((d) => Object.keys(d)))].map((type) => [
      type,
      Object.assign({}, ...domains.map((d) => (d as Record<string, object | undefined>)[type] ?? {})),
    ]),
  ),
};
