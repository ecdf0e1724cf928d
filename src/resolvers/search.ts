import type { Resolvers } from '../generated/resolvers-types.js';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, { text, types, first }, { services }) => services.search.search(text, types, first),
  },
};
