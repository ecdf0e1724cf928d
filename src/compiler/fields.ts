/**
 * What each navigation field compiles to: the relationship it follows (the resolvers' own table,
 * src/resolvers/navigation.ts), the labels it keeps, and how it shapes the result: one node, a
 * list of nodes, an edge object (ChairEdge, AdoptionEdge, …) or the first edge. The order and the
 * filters repeat the resolvers' rules in Cypher, so both paths answer alike.
 */
import { NAVIGATION, type Way } from '../resolvers/navigation.js';

export type Shape = 'node' | 'nodes' | 'edge' | 'edges';

export interface NavSpec {
  way: Way;
  /** The neighbour must carry one of these labels (none: any entity). */
  labels: readonly string[] | null;
  shape: Shape;
  /** Only relationships with this `role` (CHAIRS: CHIEF or DEPUTY); the graph's statistics count by it too. */
  role?: string;
  /** Order keys before the common order (ordinal, date, name). */
  orderFirst?: string;
  /** `asOf` argument: only relationships in force on that date. */
  asOf?: boolean;
}

const ORG = ['Organisation'];
const OFFICE = ['Office'];
const MEETING = ['Meeting'];
const PLAN = ['Plan'];

const N = NAVIGATION;

export const NAV_SPECS: Readonly<Record<string, Readonly<Record<string, NavSpec>>>> = {
  Office: {
    organisation: { way: N.Office.organisation, labels: ORG, shape: 'node' },
    chairs: { way: N.Office.chairs, labels: MEETING, shape: 'edges' },
    memberOf: { way: N.Office.memberOf, labels: MEETING, shape: 'nodes' },
  },
  Organisation: {
    parent: { way: N.Organisation.parent, labels: ORG, shape: 'node' },
    units: { way: N.Organisation.units, labels: ORG, shape: 'nodes' },
    posts: { way: N.Organisation.posts, labels: OFFICE, shape: 'nodes' },
    memberOf: { way: N.Organisation.memberOf, labels: MEETING, shape: 'nodes' },
    administers: { way: N.Organisation.administers, labels: MEETING, shape: 'edges' },
    capabilities: { way: N.Organisation.capabilities, labels: ['Capability'], shape: 'nodes' },
    hostedBy: { way: N.Organisation.hostedBy, labels: null, shape: 'edges', asOf: true },
    hosted: { way: N.Organisation.hosted, labels: ORG, shape: 'edges' },
    country: { way: N.Organisation.country, labels: ['Country'], shape: 'node' },
  },
  Meeting: {
    chief: { way: N.Meeting.chief, labels: OFFICE, shape: 'node', role: 'CHIEF' },
    deputies: { way: N.Meeting.deputies, labels: OFFICE, shape: 'nodes', role: 'DEPUTY' },
    chairs: { way: N.Meeting.chairs, labels: OFFICE, shape: 'edges' },
    members: { way: N.Meeting.members, labels: [...OFFICE, ...ORG], shape: 'nodes' },
    parent: { way: N.Meeting.parent, labels: MEETING, shape: 'node' },
    subMeetings: { way: N.Meeting.subMeetings, labels: MEETING, shape: 'nodes' },
    predecessor: { way: N.Meeting.predecessor, labels: MEETING, shape: 'edge' },
    successor: { way: N.Meeting.successor, labels: MEETING, shape: 'edge' },
    // Undated first, as the resolver's localeCompare with '~' sorts them.
    plansAdopted: { way: N.Meeting.plansAdopted, labels: PLAN, shape: 'edges', orderFirst: 'r.on IS NOT NULL, r.on' },
    administeredBy: { way: N.Meeting.administeredBy, labels: ORG, shape: 'edges', asOf: true },
    organisedBy: { way: N.Meeting.organisedBy, labels: ORG, shape: 'node' },
  },
  Plan: {
    adoptedBy: { way: N.Plan.adoptedBy, labels: MEETING, shape: 'edge' },
    categories: { way: N.Plan.categories, labels: ['MeasureCategory'], shape: 'nodes', orderFirst: 'coalesce(r.ordinal, m.ordinal, 0)' },
    supersedes: { way: N.Plan.supersedes, labels: PLAN, shape: 'edge' },
    supersededBy: { way: N.Plan.supersededBy, labels: PLAN, shape: 'edge' },
  },
  MeasureCategory: { plans: { way: N.MeasureCategory.plans, labels: PLAN, shape: 'nodes' } },
  Capability: { operatedBy: { way: N.Capability.operatedBy, labels: ORG, shape: 'nodes' } },
  Country: { organisations: { way: N.Country.organisations, labels: ORG, shape: 'nodes' } },
};

/** Edge types: which end of the relationship each endpoint field reads. */
export const EDGE_ENDS: Readonly<Record<string, Readonly<Record<string, 'from' | 'to'>>>> = {
  ChairEdge: { office: 'from', meeting: 'to' },
  AdministrationEdge: { meeting: 'from', organisation: 'to' },
  HostingEdge: { host: 'from', hosted: 'to' },
  AdoptionEdge: { meeting: 'from', plan: 'to' },
  SupersessionEdge: { newer: 'from', older: 'to' },
};

/** The order of a neighbour list within one request of cypher/entity/related.cypher. */
export const COMMON_ORDER = "coalesce(r.ordinal, 0), coalesce(r.on, r.from, r.enacted, ''), m.name";

/** The fields read from an agreement record's parties, and fields that list a party's agreements. */
export const AGREEMENT_PARTY_FIELDS: Readonly<Record<string, 'all' | 'partners'>> = { parties: 'all', partners: 'partners' };
export const PARTY_AGREEMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Country: ['agreements', 'agreementKinds'],
  Organisation: ['mous'],
};
