import type { Resolvers } from '../generated/resolvers-types.js';
import type { EntityRecord } from '../repositories/records.js';
import { dayRange, parsePartialDate } from '../services/dates.js';
import { normaliseText } from '../services/entity-service.js';
import { inForceOn } from '../services/time.js';
import { entityFields, linkOf, num, provenanceOf, str, typeOf } from './shared.js';

const BODY = ['Organisation'];
const POSTS = ['Office'];
const MEETINGS = ['Meeting'];

export const governmentResolvers: Resolvers = {
  Query: {
    offices: (_, { filter, orderBy, ...page }, { services }) =>
      services.entities.page('Office', { ...page, orderBy }, {
        kinds: filter?.kinds ?? null,
        text: normaliseText(filter?.nameContains, 'filter.nameContains'),
        withLabel: filter?.isMinister === true ? 'Minister' : null,
        withoutLabel: filter?.isMinister === false ? 'Minister' : null,
        outType: filter?.organisation ? 'PART_OF' : null,
        outKey: filter?.organisation ?? null,
      }),
    organisations: (_, { filter, orderBy, ...page }, { services }) =>
      services.entities.page('Organisation', { ...page, orderBy }, {
        kinds: filter?.kinds ?? null,
        text: normaliseText(filter?.nameContains, 'filter.nameContains'),
        outType: filter?.parent ? 'PART_OF' : null,
        outKey: filter?.parent ?? null,
      }),
    meetings: (_, { filter, orderBy, ...page }, { services }) => {
      const range = dayRange(filter?.established, 'filter.established');
      const asOf = filter?.asOf ? parsePartialDate(filter.asOf, 'filter.asOf') : null;
      return services.entities.page('Meeting', { ...page, orderBy }, {
        kinds: filter?.kinds ?? null,
        text: normaliseText(filter?.nameContains, 'filter.nameContains'),
        dateFrom: range.from,
        dateTo: range.to,
        asOf: asOf?.earliest ?? null,
        asOfLatest: asOf?.latest ?? null,
      });
    },
  },

  Office: {
    ...entityFields,
    kind: (o) => (str(o, 'kind') ?? 'OTHER') as never,
    isMinister: (o) => o.labels.includes('Minister'),
    organisation: (o, _, { services }) => services.entities.relatedNode(o.key, 'PART_OF', 'out', BODY),
    chairs: async (o, _, { services }) =>
      (await services.entities.related(o.key, 'CHAIRS', 'out', MEETINGS)).map((n) => linkOf(o.key, n, 'out')),
    memberOf: (o, _, { services }) => services.entities.relatedNodes(o.key, 'MEMBER_OF', 'out', MEETINGS),
  },

  Organisation: {
    ...entityFields,
    kind: (o) => (str(o, 'kind') ?? 'OTHER') as never,
    established: (o) => str(o, 'established'),
    statedCount: (o) => num(o, 'statedCount'),
    description: (o) => str(o, 'description'),
    parent: (o, _, { services }) => services.entities.relatedNode(o.key, 'PART_OF', 'out', BODY),
    units: (o, _, { services }) => services.entities.relatedNodes(o.key, 'PART_OF', 'in', BODY),
    posts: (o, _, { services }) => services.entities.relatedNodes(o.key, 'PART_OF', 'in', POSTS),
    memberOf: (o, _, { services }) => services.entities.relatedNodes(o.key, 'MEMBER_OF', 'out', MEETINGS),
    administers: async (o, _, { services }) =>
      (await services.entities.related(o.key, 'ADMINISTERED_BY', 'in', MEETINGS)).map((n) => linkOf(o.key, n, 'in')),
    mous: async (o, _, { services }) => (await services.agreements.ofParty(o.key)).filter((a) => a.kind === 'MOU'),
    capabilities: (o, _, { services }) => services.entities.relatedNodes(o.key, 'OPERATES', 'out', ['Capability']),
    hostedBy: async (o, { asOf }, { services }) =>
      (await services.entities.related(o.key, 'HOSTED', 'in'))
        .filter((n) => !asOf || inForceOn(n.rel['from'], n.rel['until'], asOf))
        .map((n) => linkOf(o.key, n, 'in')),
    hosted: async (o, _, { services }) =>
      (await services.entities.related(o.key, 'HOSTED', 'out', BODY)).map((n) => linkOf(o.key, n, 'out')),
    country: (o, _, { services }) => services.entities.relatedNode(o.key, 'LOCATED_IN', 'out', ['Country']),
  },

  Meeting: {
    ...entityFields,
    kind: (m) => (str(m, 'kind') ?? 'OTHER') as never,
    established: (m) => str(m, 'established'),
    firstConvened: (m) => str(m, 'firstConvened'),
    dissolved: (m) => str(m, 'dissolved'),
    mission: (m) => str(m, 'mission'),
    chief: async (m, _, { services }) =>
      (await services.entities.related(m.key, 'CHAIRS', 'in', POSTS)).find((n) => n.rel['role'] === 'CHIEF')?.node ?? null,
    deputies: async (m, _, { services }) =>
      (await services.entities.related(m.key, 'CHAIRS', 'in', POSTS)).filter((n) => n.rel['role'] === 'DEPUTY').map((n) => n.node),
    chairs: async (m, _, { services }) =>
      (await services.entities.related(m.key, 'CHAIRS', 'in', POSTS)).map((n) => linkOf(m.key, n, 'in')),
    members: (m, _, { services }) => services.entities.relatedNodes(m.key, 'MEMBER_OF', 'in', [...POSTS, ...BODY]),
    parent: (m, _, { services }) => services.entities.relatedNode(m.key, 'PART_OF', 'out', MEETINGS),
    subMeetings: (m, _, { services }) => services.entities.relatedNodes(m.key, 'PART_OF', 'in', MEETINGS),
    predecessor: async (m, _, { services }) => {
      const n = (await services.entities.related(m.key, 'SUPERSEDES', 'out', MEETINGS))[0];
      return n ? linkOf(m.key, n, 'out') : null;
    },
    successor: async (m, _, { services }) => {
      const n = (await services.entities.related(m.key, 'SUPERSEDES', 'in', MEETINGS))[0];
      return n ? linkOf(m.key, n, 'in') : null;
    },
    plansAdopted: async (m, _, { services }) =>
      (await services.entities.related(m.key, 'ADOPTED', 'out', ['Plan']))
        .map((n) => linkOf(m.key, n, 'out'))
        .sort((a, b) => String(a.rel['on'] ?? '~').localeCompare(String(b.rel['on'] ?? '~'))),
    administeredBy: async (m, { asOf }, { services }) =>
      (await services.entities.related(m.key, 'ADMINISTERED_BY', 'out', BODY))
        .filter((n) => !asOf || inForceOn(n.rel['from'], n.rel['until'], asOf))
        .map((n) => linkOf(m.key, n, 'out')),
    organisedBy: (m, _, { services }) => services.entities.relatedNode(m.key, 'ORGANISES', 'in', BODY),
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
