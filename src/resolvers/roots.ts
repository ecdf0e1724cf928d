/**
 * The entity list roots (`offices`, `plans`, …: every root of src/domain/vocabulary.ts), one resolver each:
 * the filter translated by src/services/filters.ts, the page read by EntityService.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { EntityOrderInput } from '../services/entity-service.js';
import { ENTITY_ROOTS } from '../services/filters.js';
import type { PageArgs } from '../services/pagination.js';
import { selectsField } from './navigation.js';

type RootArgs = PageArgs & { filter?: Record<string, unknown> | null; orderBy?: Partial<EntityOrderInput> | null };

export const rootResolvers: Resolvers = {
  Query: Object.fromEntries(
    Object.entries(ENTITY_ROOTS).map(([root, { label, filter: translate }]) => [
      root,
      (_: unknown, { filter, orderBy, ...page }: RootArgs, { services }: GraphQLContext, info: GraphQLResolveInfo) =>
        services.entities.page(label, { ...page, orderBy }, translate(filter), { total: selectsField(info, 'totalCount') }),
    ]),
  ),
};
