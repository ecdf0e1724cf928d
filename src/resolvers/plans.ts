import type { Resolvers } from '../generated/resolvers-types.js';
import { entityFields, linkOf, num, provenanceOf, str } from './shared.js';
import { NAVIGATION } from './navigation.js';

const PLANS = ['Plan'];

export const planResolvers: Resolvers = {
  Plan: {
    ...entityFields,
    kind: (p) => (str(p, 'kind') ?? 'PLAN') as never,
    adopted: (p) => str(p, 'adopted'),
    periodYears: (p) => num(p, 'periodYears'),
    horizon: (p) => (p['horizon'] == null ? null : String(p['horizon'])),
    summary: (p) => str(p, 'summary'),
    followUp: (p) => str(p, 'followUp'),
    adoptedBy: async (p, _, { services }) => {
      const n = (await services.entities.related(p.key, ...NAVIGATION.Plan.adoptedBy, ['Meeting']))[0];
      return n ? linkOf(p.key, n, 'in') : null;
    },
    categories: async (p, _, { services }) =>
      (await services.entities.related(p.key, ...NAVIGATION.Plan.categories, ['MeasureCategory']))
        .sort((a, b) => Number(a.rel['ordinal'] ?? a.node['ordinal'] ?? 0) - Number(b.rel['ordinal'] ?? b.node['ordinal'] ?? 0))
        .map((n) => n.node),
    supersedes: async (p, _, { services }) => {
      const n = (await services.entities.related(p.key, ...NAVIGATION.Plan.supersedes, PLANS))[0];
      return n ? linkOf(p.key, n, 'out') : null;
    },
    supersededBy: async (p, _, { services }) => {
      const n = (await services.entities.related(p.key, ...NAVIGATION.Plan.supersededBy, PLANS))[0];
      return n ? linkOf(p.key, n, 'in') : null;
    },
  },

  MeasureCategory: {
    ...entityFields,
    ordinal: (c) => num(c, 'ordinal') ?? 0,
    plans: (c, _, { services }) => services.entities.relatedNodes(c.key, ...NAVIGATION.MeasureCategory.plans, PLANS),
  },

  AdoptionEdge: {
    meeting: async (l, _, { services }) => (await services.entities.get(l.fromKey))!,
    plan: async (l, _, { services }) => (await services.entities.get(l.toKey))!,
    on: (l) => str(l.rel, 'on'),
    provenance: (l) => provenanceOf(l.rel),
  },
  SupersessionEdge: {
    newer: async (l, _, { services }) => (await services.entities.get(l.fromKey))!,
    older: async (l, _, { services }) => (await services.entities.get(l.toKey))!,
    on: (l) => str(l.rel, 'on'),
    provenance: (l) => provenanceOf(l.rel),
  },
};
