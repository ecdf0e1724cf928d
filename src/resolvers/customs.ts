import type { Resolvers } from '../generated/resolvers-types.js';
import { DEFAULT_BASE_YEAR } from '../domain/navigation.js';
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
    baseYear: (i) => num(i, 'baseYear') ?? DEFAULT_BASE_YEAR,
  },

  Observation: {
    year: (o) => num(o, 'year') ?? 0,
    value: (o) => num(o, 'value') ?? 0,
    index: (o) => num(o, 'index') ?? 0,
    preliminary: (o) => o['preliminary'] === true,
  },
};
