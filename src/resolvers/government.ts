import type { Resolvers } from '../generated/resolvers-types.js';
import type { EntityRecord } from '../repositories/records.js';
import { inForceOn } from '../services/time.js';
import { entityFields, linkOf, num, provenanceOf, str, typeOf } from './shared.js';
import { NAVIGATION } from './navigation.js';

const BODY = ['Organisation'];
const POSTS = ['Office'];
const MEETINGS = ['Meeting'];

export const governmentResolvers: Resolvers = {
  Office: {
    ...entityFields,
    kind: (o) => (str(o, 'kind') ?? 'OTHER') as never,
    isMinister: (o) => o.labels.includes('Minister'),
    organisation: (o, _, { services }) => services.entities.relatedNode(o.key, ...NAVIGATION.Office.organisation, BODY),
    chairs: async (o, _, { services }) =>
      (await services.entities.related(o.key, ...NAVIGATION.Office.chairs, MEETINGS)).map((n) => linkOf(o.key, n, 'out')),
    memberOf: (o, _, { services }) => services.entities.relatedNodes(o.key, ...NAVIGATION.Office.memberOf, MEETINGS),
  },

  Organisation: {
    ...entityFields,
    kind: (o) => (str(o, 'kind') ?? 'OTHER') as never,
    established: (o) => str(o, 'established'),
    statedCount: (o) => num(o, 'statedCount'),
    description: (o) => str(o, 'description'),
    parent: (o, _, { services }) => services.entities.relatedNode(o.key, ...NAVIGATION.Organisation.parent, BODY),
    units: (o, _, { services }) => services.entities.relatedNodes(o.key, ...NAVIGATION.Organisation.units, BODY),
    posts: (o, _, { services }) => services.entities.relatedNodes(o.key, ...NAVIGATION.Organisation.posts, POSTS),
    memberOf: (o, _, { services }) => services.entities.relatedNodes(o.key, ...NAVIGATION.Organisation.memberOf, MEETINGS),
    administers: async (o, _, { services }) =>
      (await services.entities.related(o.key, ...NAVIGATION.Organisation.administers, MEETINGS)).map((n) => linkOf(o.key, n, 'in')),
    mous: async (o, _, { services }) => (await services.agreements.ofParty(o.key)).filter((a) => a.kind === 'MOU'),
    capabilities: (o, _, { services }) => services.entities.relatedNodes(o.key, ...NAVIGATION.Organisation.capabilities, ['Capability']),
    hostedBy: async (o, { asOf }, { services }) =>
      (await services.entities.related(o.key, ...NAVIGATION.Organisation.hostedBy))
        .filter((n) => !asOf || inForceOn(n.rel['from'], n.rel['until'], asOf))
        .map((n) => linkOf(o.key, n, 'in')),
    hosted: async (o, _, { services }) =>
      (await services.entities.related(o.key, ...NAVIGATION.Organisation.hosted, BODY)).map((n) => linkOf(o.key, n, 'out')),
    country: (o, _, { services }) => services.entities.relatedNode(o.key, ...NAVIGATION.Organisation.country, ['Country']),
  },

  Meeting: {
    ...entityFields,
    kind: (m) => (str(m, 'kind') ?? 'OTHER') as never,
    established: (m) => str(m, 'established'),
    firstConvened: (m) => str(m, 'firstConvened'),
    dissolved: (m) => str(m, 'dissolved'),
    mission: (m) => str(m, 'mission'),
    basis: (m) => str(m, 'basis'),
    chief: async (m, _, { services }) =>
      (await services.entities.related(m.key, ...NAVIGATION.Meeting.chief, POSTS)).find((n) => n.rel['role'] === 'CHIEF')?.node ?? null,
    deputies: async (m, _, { services }) =>
      (await services.entities.related(m.key, ...NAVIGATION.Meeting.deputies, POSTS)).filter((n) => n.rel['role'] === 'DEPUTY').map((n) => n.node),
    chairs: async (m, _, { services }) =>
      (await services.entities.related(m.key, ...NAVIGATION.Meeting.chairs, POSTS)).map((n) => linkOf(m.key, n, 'in')),
    members: (m, _, { services }) => services.entities.relatedNodes(m.key, ...NAVIGATION.Meeting.members, [...POSTS, ...BODY]),
    parent: (m, _, { services }) => services.entities.relatedNode(m.key, ...NAVIGATION.Meeting.parent, MEETINGS),
    subMeetings: (m, _, { services }) => services.entities.relatedNodes(m.key, ...NAVIGATION.Meeting.subMeetings, MEETINGS),
    predecessor: async (m, _, { services }) => {
      const n = (await services.entities.related(m.key, ...NAVIGATION.Meeting.predecessor, MEETINGS))[0];
      return n ? linkOf(m.key, n, 'out') : null;
    },
    successor: async (m, _, { services }) => {
      const n = (await services.entities.related(m.key, ...NAVIGATION.Meeting.successor, MEETINGS))[0];
      return n ? linkOf(m.key, n, 'in') : null;
    },
    plansAdopted: async (m, _, { services }) =>
      (await services.entities.related(m.key, ...NAVIGATION.Meeting.plansAdopted, ['Plan']))
        .map((n) => linkOf(m.key, n, 'out'))
        .sort((a, b) => String(a.rel['on'] ?? '~').localeCompare(String(b.rel['on'] ?? '~'))),
    administeredBy: async (m, { asOf }, { services }) =>
      (await services.entities.related(m.key, ...NAVIGATION.Meeting.administeredBy, BODY))
        .filter((n) => !asOf || inForceOn(n.rel['from'], n.rel['until'], asOf))
        .map((n) => linkOf(m.key, n, 'out')),
    organisedBy: (m, _, { services }) => services.entities.relatedNode(m.key, ...NAVIGATION.Meeting.organisedBy, BODY),
  },

  MeetingMember: {
    __resolveType: (value) => (typeOf(value as EntityRecord) === 'Office' ? 'Office' : 'Organisation'),
  },

  ChairEdge: {
    role: (l) => (l.rel['role'] === 'DEPUTY' ? 'DEPUTY' : 'CHIEF'),
    office: async (l, _, { services }) => (await services.entities.get(l.fromKey))!,
    meeting: async (l, _, { services }) => (await services.entities.get(l.toKey))!,
    provenance: (l) => provenanceOf(l.rel),
  },
  AdministrationEdge: {
    meeting: async (l, _, { services }) => (await services.entities.get(l.fromKey))!,
    organisation: async (l, _, { services }) => (await services.entities.get(l.toKey))!,
    from: (l) => str(l.rel, 'from'),
    until: (l) => str(l.rel, 'until'),
    provenance: (l) => provenanceOf(l.rel),
  },
  HostingEdge: {
    host: async (l, _, { services }) => (await services.entities.get(l.fromKey))!,
    hosted: async (l, _, { services }) => (await services.entities.get(l.toKey))!,
    from: (l) => str(l.rel, 'from'),
    until: (l) => str(l.rel, 'until'),
    provenance: (l) => provenanceOf(l.rel),
  },
};
