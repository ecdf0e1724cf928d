/** All resolvers, merged by domain. Resolvers stay thin: the rules live in services. */
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

const domains: Resolvers[] = [
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
