import type { Resolvers } from '../generated/resolvers-types.js';
import { entityFields, num, str } from './shared.js';
import { NAVIGATION } from './navigation.js';

export const customsResolvers: Resolvers = {
  Capability: {
    ...entityFields,
    kind: (c) => (str(c, 'kind') ?? 'EQUIPMENT') as never,
    introduced: (c) => str(c, 'introduced'),
    description: (c) => str(c, 'description'),
    contact: (c) => str(c, 'contact'),
    operatedBy: (c, _, { services }) => services.entities.relatedNodes(c.key, ...NAVIGATION.Capability.operatedBy, ['Organisation']),
  },

  Indicator: {
    ...entityFields,
    measure: (i) => str(i, 'measure') ?? i.name,
    unit: (i) => str(i, 'unit') ?? '',
    baseYear: (i) => num(i, 'baseYear') ?? 2005,
    note: (i) => str(i, 'note'),
    observations: async (i, { years }, { services }) => {
      const all = (await services.entities.relatedNodes(i.key, ...NAVIGATION.Indicator.observations, ['Observation'])).sort(
        (a, b) => (num(a, 'year') ?? 0) - (num(b, 'year') ?? 0),
      );
      const base = all.find((o) => num(o, 'year') === (num(i, 'baseYear') ?? 2005));
      const baseValue = base ? num(base, 'value') : null;
      return all
        .filter((o) => !years || years.includes(num(o, 'year') ?? -1))
        .map((o) => {
          const value = num(o, 'value');
          const computedIndex = baseValue && value !== null ? Math.round((value / baseValue) * 1000) / 10 : null;
          return { ...o, computedIndex };
        });
    },
  },

  Observation: {
    year: (o) => num(o, 'year') ?? 0,
    value: (o) => num(o, 'value') ?? 0,
    index: (o) => num(o, 'index') ?? 0,
    computedIndex: (o) => num(o, 'computedIndex'),
    preliminary: (o) => o['preliminary'] === true,
  },
};
