import type { Resolvers } from '../generated/resolvers-types.js';
import { num, str } from './shared.js';

// The navigation fields (operatedBy, observations) are derived from their declarations in
// src/domain/navigation.ts (./related.ts).
export const customsResolvers: Resolvers = {
  Capability: {
    kind: (c) => (str(c, 'kind') ?? 'EQUIPMENT') as never,
  },

  Indicator: {
    measure: (i) => str(i, 'measure') ?? i.name,
    unit: (i) => str(i, 'unit') ?? '',
    // Stored on every indicator (the seed format requires it); the index's base year in Cypher is the same property (baseYearOf).
    baseYear: (i) => num(i, 'baseYear') as number,
  },

  Observation: {
    year: (o) => num(o, 'year') ?? 0,
    value: (o) => num(o, 'value') ?? 0,
    index: (o) => num(o, 'index') ?? 0,
    preliminary: (o) => o['preliminary'] === true,
    // Not stored: the loader's statement computes it against the indicator's base year (computedIndexOf).
    computedIndex: (o) => num(o, 'computedIndex'),
  },
};
