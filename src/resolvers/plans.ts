import type { Resolvers } from '../generated/resolvers-types.js';
import { num, provenanceOf, str } from './shared.js';

// The navigation fields (adoptedBy, categories, supersedes, plans, the edges' ends) are derived from their
// declarations in src/domain/navigation.ts (./related.ts).
export const planResolvers: Resolvers = {
  Plan: {
    kind: (p) => (str(p, 'kind') ?? 'PLAN') as never,
    horizon: (p) => (p['horizon'] == null ? null : String(p['horizon'])),
  },
  MeasureCategory: {
    ordinal: (c) => num(c, 'ordinal') ?? 0,
  },
  AdoptionEdge: {
    on: (l) => str(l.rel, 'on'),
    provenance: (l) => provenanceOf(l.rel),
  },
  SupersessionEdge: {
    on: (l) => str(l.rel, 'on'),
    provenance: (l) => provenanceOf(l.rel),
  },
};
