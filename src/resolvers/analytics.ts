/** Analyst queries: thin resolvers over AnalyticsService (validation and rules live there). */
import type { Resolvers } from '../generated/resolvers-types.js';
import type { GraphRelationshipRecord } from '../repositories/analytics-repository.js';
import { principalDate } from '../services/analytics-service.js';
import { selectsPath } from './navigation.js';
import { provenanceOf, str } from './shared.js';

/** Keys the loader adds to every record (and an agreement's life, derived from its own dates); the rest are the relationship's own properties. */
const META = new Set(['key', 'type', 'startKey', 'endKey', 'dataset', 'sourceSection', 'sourceQuote', 'inferred', 'reading', 'contentHash', 'existsFrom', 'existsUntil']);

export function relationshipProperties(rel: GraphRelationshipRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rel).filter(([k, v]) => !META.has(k) && v !== null && v !== undefined));
}

export const analyticsResolvers: Resolvers = {
  Query: {
    shortestPath: (_, args, { services }) => services.analytics.shortestPath(args),
    neighbourhood: (_, args, { services }) => services.analytics.neighbourhood(args),
    commonMembers: (_, { meetings }, { services }) => services.analytics.commonMembers(meetings),
    partnersWithMultipleAgreementKinds: (_, { minKinds }, { services }, info) =>
      services.analytics.partnersWithMultipleAgreementKinds(minKinds, selectsPath(info, ['agreements'])),
    commonGround: (_, args, { services }) => services.analytics.commonGround(args),
    lineage: (_, { id }, { services }) => services.analytics.lineage(id),
    timeline: (_, args, { services }, info) => services.analytics.timeline(args, selectsPath(info, ['events', 'agreement'])),
    stateAsOf: (_, { date }, { services }) => services.analytics.stateAsOf(date),
    agreementStats: (_, __, { services }, info) => services.analytics.agreementStats(selectsPath(info, ['byYear', 'agreements'])),
    graphStats: (_, __, { services }) => services.analytics.graphStats(),
    cypher: (_, { query, params }, { services, authorization }) => services.analyst.cypher(query, params, authorization),
  },

  GraphRelationship: {
    id: (r) => r.rel.key,
    type: (r) => r.rel.type,
    startId: (r) => r.rel.startKey,
    endId: (r) => r.rel.endKey,
    start: (r, _, { services }) => services.entities.get(r.rel.startKey),
    end: (r, _, { services }) => services.entities.get(r.rel.endKey),
    direction: (r) => r.direction,
    properties: (r) => relationshipProperties(r.rel),
    provenance: (r) => provenanceOf(r.rel),
  },

  GraphPath: {
    length: (p) => p.relationships.length,
  },

  Membership: {
    meeting: async (m, _, { services }) => (await services.entities.get(m.meeting))!,
    type: (m) => m.type,
    role: (m) => (m.role ?? null) as never,
    via: (m, _, { services }) => (m.via ? services.entities.get(m.via) : null),
    provenance: (m) => ({ dataset: m.dataset, section: m.sourceSection, quote: m.sourceQuote ?? null, inferred: m.inferred === true, reading: m.reading ?? null }),
  },

  PartnerAgreementKinds: {
    kinds: (p) => p.kinds as never,
    agreements: (p, _, { services }) => services.analytics.agreements(p.agreementKeys),
  },

  LineageStep: {
    date: (s) => principalDate(s.node),
    ended: (s) => str(s.node, 'dissolved'),
    supersedes: (s, _, { services }) => (s.supersedes ? services.entities.get(s.supersedes.endKey) : null),
    supersededOn: (s) => (s.supersedes ? str(s.supersedes, 'on') : null),
    supersededBy: (s, _, { services }) => (s.supersededBy ? services.entities.get(s.supersededBy.startKey) : null),
    provenance: (s) => (s.supersedes ? provenanceOf(s.supersedes) : null),
  },

  TimelineEvent: {
    kind: (e) => e.kind as never,
    agreement: (e, _, { services }) => (e.agreementKey ? services.agreements.get(e.agreementKey) : null),
  },

  MeetingState: {
    administeredBy: (m) => m.administrations,
    parent: (m, _, { services }) => (m.parent ? services.entities.get(m.parent.toKey) : null),
  },

  StateAsOf: {
    agreements: (s, _, { services }) => services.analytics.agreements(s.agreementKeys),
  },

  AgreementKindCount: {
    kind: (k) => k.kind as never,
  },

  AgreementYearCount: {
    agreements: (y, _, { services }) => services.analytics.agreements(y.agreementKeys),
  },

  CypherResult: {
    rowCount: (r) => r.rows.length,
  },
};
