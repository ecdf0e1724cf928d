import type { Resolvers } from '../generated/resolvers-types.js';
import { entityFields, num, str } from './shared.js';

// The navigation fields (operatedBy, observations) are derived from their declarations in
// src/domain/navigation.ts (./related.ts).
export const customsResolvers: Resolvers = {
  Capability: {
    ...entityFields,
    kind: (c) => (str(c, 'kind') ?? 'EQUIPMENT') as never,
    introduced: (c) => str(c, 'introduced'),
    description: (c) => str(c, 'description'),
    contact: (c) => str(c, 'contact'),
  },

  Indicator: {
    ...entityFields,
    measure: (i) => str(i, 'measure') ?? i.name,
    unit: (i) => str(i, 'unit') ?? '',
    // Stored on every indicator (the seed format requires it); the index's base year in Cypher is the same property (baseYearOf).
    baseYear: (i) => num(i, 'baseYear') as number,
    note: (i) => str(i, 'note'),
  },

  Observation: {
    year: (o) => num(o, 'year') ?? 0,
    value: (o) => num(o, 'value') ?? 0,
    index: (o) => num(o, 'index') ?? 0,
    computedIndex: (o) => num(o, 'computedIndex'),
    preliminary: (o) => o['preliminary'] === true,
  },
};
