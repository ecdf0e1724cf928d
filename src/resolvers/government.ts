import type { Resolvers } from '../generated/resolvers-types.js';
import type { ChairRole } from '../domain/navigation.js';
import type { EntityRecord } from '../repositories/records.js';
import { provenanceOf, str, typeOf } from './shared.js';

// The navigation fields (organisation, chairs, chief, hostedBy, the edges' ends, …) are derived from their
// declarations in src/domain/navigation.ts (./related.ts), and a stored property needs no resolver (./index.ts): only defaults and computed fields are written here.
export const governmentResolvers: Resolvers = {
  Office: {
    kind: (o) => (str(o, 'kind') ?? 'OTHER') as never,
    isMinister: (o) => o.labels.includes('Minister'),
  },

  Organisation: {
    kind: (o) => (str(o, 'kind') ?? 'OTHER') as never,
  },

  Meeting: {
    kind: (m) => (str(m, 'kind') ?? 'OTHER') as never,
  },

  MeetingMember: {
    __resolveType: (value) => (typeOf(value as EntityRecord) === 'Office' ? 'Office' : 'Organisation'),
  },

  ChairEdge: {
    // The stored role (the seed format requires one of CHAIR_ROLES): no default written beside Meeting.chief's.
    role: (l) => str(l.rel, 'role') as ChairRole,
    provenance: (l) => provenanceOf(l.rel),
  },
  AdministrationEdge: {
    from: (l) => str(l.rel, 'from'),
    until: (l) => str(l.rel, 'until'),
    provenance: (l) => provenanceOf(l.rel),
  },
  HostingEdge: {
    from: (l) => str(l.rel, 'from'),
    until: (l) => str(l.rel, 'until'),
    provenance: (l) => provenanceOf(l.rel),
  },
};
