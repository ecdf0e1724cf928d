import type { Resolvers } from '../generated/resolvers-types.js';
import { DEFAULT_BASE_YEAR } from '../domain/navigation.js';
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
    baseYear: (i) => num(i, 'baseYear') ?? DEFAULT_BASE_YEAR,
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
