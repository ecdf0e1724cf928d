/**
 * How many items each list of the schema can hold, for the cost estimate (cost.ts): measured on the loaded graph
 * (src/neo4j/graph-stats.ts) wherever the data decides it, taken from the arguments where they decide it (`first`,
 * `limit`, `ids`), from the schema where it is fixed (the agreement kinds). Every list field of the schema has a
 * rule here (tests/graphql/cost.unit.test.ts checks it); a list without one, or any list while the statistics
 * cannot be read, counts as MAX_RESULT_ITEMS, the most one response may hold.
 */
import { getNamedType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { AGREEMENT_KINDS, EXTRA_LABELS, NODE_LABELS, RELATIONSHIP_TYPES, SEARCHABLE_LABELS, LABEL_OF_SEARCH_TYPE } from '../domain/vocabulary.js';
import { navigationOf, wayOf, type Way } from '../domain/navigation.js';
import { spreadOf, topSum, type GraphStats, type Histogram, type Spread } from '../repositories/stats-repository.js';
import { ENTITY_ROOTS } from '../services/filters.js';
import { DEFAULT_PAGE_SIZE } from '../services/pagination.js';
import { LIST_BOUNDS, NEIGHBOURHOOD_BOUNDS, PATH_BOUNDS, TIMELINE_BOUNDS } from '../services/analytics/views.js';

export type Args = Record<string, unknown>;

/** What the lists below a field inherit from it: the page of a connection, the bounds of an analyst query. */
export interface Scope {
  /** The objects this selection is asked of are this many distinct nodes (a connection's page). */
  distinct?: number;
  page?: number;
  hops?: number;
  paths?: number;
  meetings?: number;
  /** The `limit` of the analyst root above (timeline, commonGround). */
  limit?: number;
  nodes?: number;
  relationships?: number;
}

export interface BoundContext {
  /** The graph's statistics; undefined when they could not be read. */
  stats: GraphStats | undefined;
  /** MAX_RESULT_ITEMS: what a list counts as when nothing bounds it better. */
  maxItems: number;
  /** ANALYST_CYPHER_MAX_ROWS. */
  analystMaxRows: number;
}

/** How many items a list can hold, and where the number comes from (for the refusal's message). */
export interface Bound {
  items: number;
  /** The measured spread behind `items`, when the data decides it. */
  measured?: Spread;
  /** What `n` distinct parents hold together at most (the `n` largest counts), when the data decides it. */
  top?: (n: number) => number;
  /** The items of distinct parents are distinct nodes (each has at most one such relationship back: a tree). */
  disjoint?: boolean;
  /** The items of one parent are distinct nodes (a page, the agreements of a party, the meetings of a date). */
  distinct?: boolean;
  /** `measured`, `first`, `limit`, `ids`, `schema` or `unmeasured`. */
  source: 'measured' | 'first' | 'limit' | 'ids' | 'schema' | 'unmeasured';
}

/** What a result column of analyst Cypher can hold is unknown before it runs: this many count for the estimate. */
export const CYPHER_COLUMNS = 100;

const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** A count the data decides: the most one node has, its 99th percentile, and what `n` distinct nodes have together. */
interface Measure extends Spread {
  top(n: number): number;
}

const histogram = (h: Histogram | undefined, population: number): Measure => ({ ...spreadOf(h, population), top: (n) => topSum(h, n) });
/** The histograms of several labels as one (their nodes together). */
function merged(hs: readonly (Histogram | undefined)[]): Histogram {
  const all = new Map<number, number>();
  for (const h of hs) for (const [count, nodes] of h ?? []) all.set(count, (all.get(count) ?? 0) + nodes);
  return [...all].sort((a, b) => b[0] - a[0]);
}

/** Every relationship of a node, over all labels. */
function allDegrees(s: GraphStats): Measure {
  return histogram(merged(NODE_LABELS.map((l) => s.degrees[`${l} * * * *`])), Object.values(s.labels).reduce((a, b) => a + b, 0));
}

/** A count known only as a maximum: `n` of them hold `n` times it. */
const atMost = (max: number): Measure => ({ max, p99: 0, top: (n) => n * max });

function sum(measures: readonly Measure[]): Measure {
  return {
    max: measures.reduce((a, m) => a + m.max, 0),
    p99: measures.reduce((a, m) => a + m.p99, 0),
    top: (n) => measures.reduce((a, m) => a + m.top(n), 0),
  };
}
function least(a: Measure, b: Measure): Measure {
  return { max: Math.min(a.max, b.max), p99: Math.min(a.p99, b.p99), top: (n) => Math.min(a.top(n), b.top(n)) };
}

/** Neighbours of one `label` node along `way`, among `neighbours` (null: any), with `role` when given. */
export function degree(stats: GraphStats, label: string, [type, direction]: Way, neighbours: readonly string[] | null, role?: string): Measure {
  const at = (n: string): Measure => histogram(stats.degrees[`${label} ${type} ${direction} ${n} ${role ?? '*'}`], stats.labels[label] ?? 0);
  const any = at('*');
  return neighbours === null ? any : least(any, sum(neighbours.map(at)));
}

/** The agreements one party of `label` is party to, of `kinds` (null: any). */
function partyAgreements(stats: GraphStats, label: string, kinds: readonly string[] | null): Measure {
  const at = (k: string): Measure => histogram(stats.agreements.perParty[`${label} ${k}`], stats.labels[label] ?? 0);
  return kinds === null || kinds.length === 0 ? at('*') : least(at('*'), sum(kinds.map(at)));
}

/** The agreements of one party of any label, and the parties with at least `minKinds` kinds of agreement. */
function anyPartyAgreements(stats: GraphStats): Measure {
  return histogram(merged(['Country', 'Organisation'].map((l) => stats.agreements.perParty[`${l} *`])), stats.agreements.partyCount);
}
function partiesWithKinds(stats: GraphStats, minKinds: number): number {
  const kinds = merged(['Country', 'Organisation'].map((l) => stats.agreements.perParty[`${l} kinds`]));
  return kinds.filter(([count]) => count >= minKinds).reduce((a, [, nodes]) => a + nodes, 0);
}

/**
 * Memberships of the members common to `meetings` meetings: each CHAIRS or MEMBER_OF relationship into one of them
 * counts once for the post or body it starts at and once for each body that post belongs to, up to 4 levels up
 * (cypher/analytics/common-members.cypher).
 */
function commonMemberships(s: GraphStats, meetings: number): { members: number; memberships: number } {
  const direct = degree(s, 'Meeting', ['CHAIRS', 'in'], null).max + degree(s, 'Meeting', ['MEMBER_OF', 'in'], null).max;
  const post = degree(s, 'Office', ['PART_OF', 'out'], ['Organisation']).max;
  const body = degree(s, 'Organisation', ['PART_OF', 'out'], ['Organisation']).max;
  const perLink = 1 + post * (1 + body + body ** 2 + body ** 3);
  const members = Math.min(LIST_BOUNDS.maxLimit, (s.labels['Office'] ?? 0) + (s.labels['Organisation'] ?? 0), direct * perLink);
  return { members, memberships: meetings * direct * perLink };
}

/** Timeline events (cypher/analytics/timeline.cypher): one per principal date, dated relationship, agreement and revision. */
function timelineEvents(s: GraphStats): number {
  const dated = ['SUPERSEDES', 'ADOPTED', 'APPROVED', 'HOSTED', 'ADMINISTERED_BY'].reduce((n, t) => n + (s.relationships[t] ?? 0), 0);
  return s.dates + dated + s.agreements.total + s.agreements.revisionsTotal;
}

/** Entities of a root list's label that its filter can let through (a kind filter: those kinds only). */
function rootCapacity(stats: GraphStats, root: string, args: Args | null): number {
  const filter = (args?.['filter'] ?? null) as Args | null;
  const kinds = strings(filter?.['kinds']);
  if (root === 'agreements') {
    const byKinds = kinds && kinds.length > 0 ? kinds.reduce((n, k) => n + (stats.agreements.byKind[k] ?? 0), 0) : stats.agreements.total;
    if (typeof filter?.['party'] !== 'string') return byKinds;
    return Math.min(byKinds, Math.max(partyAgreements(stats, 'Country', kinds ?? null).max, partyAgreements(stats, 'Organisation', kinds ?? null).max));
  }
  const label = ENTITY_ROOTS[root]?.label;
  if (label === undefined) return 0;
  const all = stats.labels[label] ?? 0;
  return kinds && kinds.length > 0 ? Math.min(all, kinds.reduce((s, k) => s + (stats.kinds[label]?.[k] ?? 0), 0)) : all;
}

/** A connection's page: `first` or `last` (the default page when neither), at most what it can hold. */
function page(args: Args | null, capacity: number | undefined): Bound {
  const asked = int(args?.['first']) ?? int(args?.['last']) ?? DEFAULT_PAGE_SIZE;
  if (capacity !== undefined && capacity < asked) return { items: capacity, source: 'measured' };
  return { items: asked, source: 'first' };
}

const measured = (m: Measure | Spread): Bound => ({
  items: m.max,
  measured: { max: m.max, p99: m.p99 },
  ...('top' in m ? { top: m.top } : {}),
  source: 'measured',
});
const counted = (max: number): Bound => measured(atMost(max));
/** The relationships of one node, spread over distinct parents: each may hold all `degree`, all of them together too. */
const oneNodesEdges = (degree: number): Bound => measured({ max: degree, p99: 0, top: (n) => Math.min(n * degree, degree) });
/** A list whose items are distinct nodes (or agreements) for each parent. */
const distinct = (bound: Bound): Bound => ({ ...bound, distinct: true });
const fixed = (items: number): Bound => ({ items, source: 'schema' });
/** A `limit` (of the analyst root above), or fewer when the graph holds fewer. */
const limited = (n: number, cap: number): Bound => (cap < n ? { items: cap, source: 'measured' } : { items: n, source: 'limit' });

type Rule = (stats: GraphStats, args: Args | null, scope: Scope, ctx: BoundContext) => Bound;

/** Lists whose size is not a navigation field's degree (those come from their declarations, src/domain/navigation.ts). */
const RULES: Readonly<Record<string, Rule>> = {
  'Query.nodes': (_s, args) => ({ items: Array.isArray(args?.['ids']) ? args['ids'].length : 100, source: 'ids' }),
  'Query.search': (s, args) => {
    const types = strings(args?.['types']);
    const labels = types && types.length > 0 ? types.map((t) => LABEL_OF_SEARCH_TYPE[t]).filter((l): l is NonNullable<typeof l> => l !== undefined) : SEARCHABLE_LABELS;
    return distinct(page(args, labels.reduce((n, l) => n + (s.labels[l] ?? 0), 0)));
  },
  'Query.commonMembers': (s, args) => distinct(counted(commonMemberships(s, meetingsOf(args)).members)),
  'CommonMember.memberships': (s, _a, scope) => {
    const perMember = (scope.meetings ?? LIST_BOUNDS.maxMeetings) * (degree(s, 'Meeting', ['CHAIRS', 'in'], null).max + degree(s, 'Meeting', ['MEMBER_OF', 'in'], null).max);
    const all = commonMemberships(s, scope.meetings ?? LIST_BOUNDS.maxMeetings).memberships;
    return measured({ max: perMember, p99: 0, top: (n) => Math.min(n * perMember, all) });
  },
  'Query.partnersWithMultipleAgreementKinds': (s, args) => distinct(counted(partiesWithKinds(s, int(args?.['minKinds']) ?? 2))),
  'PartnerAgreementKinds.kinds': () => fixed(AGREEMENT_KINDS.length),
  'PartnerAgreementKinds.agreements': (s) => distinct(measured(anyPartyAgreements(s))),
  'PathResult.paths': (_s, _a, scope) => ({ items: scope.paths ?? PATH_BOUNDS.maxPaths, source: 'limit' }),
  'GraphPath.nodes': (_s, _a, scope) => distinct({ items: (scope.hops ?? PATH_BOUNDS.maxHops) + 1, source: 'limit' }),
  'GraphPath.relationships': (_s, _a, scope) => ({ items: scope.hops ?? PATH_BOUNDS.maxHops, source: 'limit' }),
  'Neighbourhood.nodes': (_s, _a, scope) => distinct({ items: scope.nodes ?? NEIGHBOURHOOD_BOUNDS.maxLimit, source: 'limit' }),
  'Neighbourhood.relationships': (_s, _a, scope) => ({ items: scope.relationships ?? NEIGHBOURHOOD_BOUNDS.maxDepth * NEIGHBOURHOOD_BOUNDS.ringRows, source: 'limit' }),
  'CommonGround.neighbours': (s, _a, scope) => distinct(limited(scope.limit ?? LIST_BOUNDS.defaultLimit, allDegrees(s).max)),
  // The relationships from `a` (or `b`) to each shared neighbour: all of them together are at most a's degree.
  'SharedNeighbour.viaA': (s) => oneNodesEdges(allDegrees(s).max),
  'SharedNeighbour.viaB': (s) => oneNodesEdges(allDegrees(s).max),
  'Lineage.steps': (s) => distinct(counted(Math.max(1, s.lineage))),
  'Timeline.events': (s, _a, scope) => limited(scope.limit ?? TIMELINE_BOUNDS.defaultLimit, timelineEvents(s)),
  'MeetingState.administeredBy': (s) => measured(degree(s, 'Meeting', ['ADMINISTERED_BY', 'out'], ['Organisation'])),
  'StateAsOf.meetings': (s) => distinct(counted(s.labels['Meeting'] ?? 0)),
  'StateAsOf.agreements': (s) => distinct(counted(s.agreements.total)),
  'StateAsOf.hostings': (s) => counted(s.relationships['HOSTED'] ?? 0),
  'AgreementYearCount.byKind': () => fixed(AGREEMENT_KINDS.length),
  'AgreementYearCount.agreements': (s) => distinct(counted(s.agreements.perYear)),
  'PartnerCoverage.kinds': () => fixed(AGREEMENT_KINDS.length),
  'AgreementStats.byKind': () => fixed(AGREEMENT_KINDS.length),
  'AgreementStats.byYear': (s) => counted(s.agreements.years),
  'AgreementStats.coverage': (s) => distinct(counted(s.agreements.partyCount)),
  'GraphStats.labels': () => fixed(NODE_LABELS.length + EXTRA_LABELS.length + 1),
  'GraphStats.relationshipTypes': () => fixed(RELATIONSHIP_TYPES.length),
  'CypherResult.columns': () => fixed(CYPHER_COLUMNS),
  'CypherResult.rows': (_s, _a, _scope, ctx) => fixed(ctx.analystMaxRows),
  'Agreement.revisions': (s) => measured({ max: s.agreements.revisions, p99: 0, top: (n) => Math.min(n * s.agreements.revisions, s.agreements.revisionsTotal) }),
  'Agreement.parties': (s) => measured(histogram(s.agreements.parties, s.agreements.total)),
  'Agreement.partners': (s) => measured(partners(s)),
  'Country.agreementKinds': () => fixed(AGREEMENT_KINDS.length),
  'Country.agreements': (s, args) => distinct(measured(partyAgreements(s, 'Country', strings(args?.['kinds']) ?? null))),
  'Organisation.mous': (s) => distinct(measured(partyAgreements(s, 'Organisation', ['MOU']))),
};

const meetingsOf = (args: Args | null): number => (Array.isArray(args?.['meetings']) ? new Set(args['meetings']).size : LIST_BOUNDS.maxMeetings);

/** An agreement's partners: its parties but the first. */
function partners(s: GraphStats): Measure {
  const parties = histogram(s.agreements.parties, s.agreements.total);
  return { max: Math.max(0, parties.max - 1), p99: Math.max(0, parties.p99 - 1), top: (n) => Math.max(0, parties.top(n) - n) };
}

/** A navigation field's degree: the relationship, neighbour labels and role its declaration states (src/domain/navigation.ts). */
function navigationBound(s: GraphStats, typeName: string, fieldName: string): Bound | undefined {
  const declared = navigationOf(typeName, fieldName);
  const way = wayOf(declared);
  if (declared === undefined || way === undefined) return undefined;
  const neighbours = declared.kind === 'related' || declared.kind === 'observations' ? declared.labels : null;
  const role = declared.kind === 'related' ? declared.role : undefined;
  const back: Way = [way[0], way[1] === 'out' ? 'in' : 'out'];
  const disjoint = (declared.kind !== 'related' || declared.shape === 'nodes') && (neighbours ?? NODE_LABELS).every((l) => degree(s, l, back, [typeName], role).max <= 1);
  return { ...measured(degree(s, typeName, way, neighbours, role)), disjoint };
}

/** The rule of a list field (`Type.field`), if it has one. */
export function hasRule(typeName: string, fieldName: string): boolean {
  const key = `${typeName}.${fieldName}`;
  if (RULES[key] || key.endsWith('Connection.edges') || /^\w+\.aliases$/.test(key)) return true;
  return wayOf(navigationOf(typeName, fieldName)) !== undefined;
}

/** How many items the list field `field` of `parent` can return (a connection: its page). */
export function listBound(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, args: Args | null, scope: Scope, ctx: BoundContext): Bound {
  const key = `${parent.name}.${field.name}`;
  if (key.endsWith('Connection.edges')) return { items: scope.page ?? DEFAULT_PAGE_SIZE, source: 'first' };
  const s = ctx.stats;
  if (getNamedType(field.type).name.endsWith('Connection')) {
    const capacity = s === undefined ? undefined : parent.name === 'Query' ? rootCapacity(s, field.name, args) : connectionCapacity(s, parent.name, field.name, args, scope, ctx);
    return page(args, capacity);
  }
  if (s === undefined) return { items: ctx.maxItems, source: 'unmeasured' };
  const rule = RULES[key];
  if (rule) return rule(s, args, scope, ctx);
  if (field.name === 'aliases') return counted(s.aliases[parent.name] ?? 0);
  return navigationBound(s, parent.name, field.name) ?? { items: ctx.maxItems, source: 'unmeasured' };
}

/** A nested connection (`Country.agreementsConnection`) holds at most what the plain list (`agreements`) does. */
function connectionCapacity(s: GraphStats, typeName: string, fieldName: string, args: Args | null, scope: Scope, ctx: BoundContext): number | undefined {
  const list = fieldName.replace(/Connection$/, '');
  const rule = RULES[`${typeName}.${list}`];
  if (rule) return rule(s, args, scope, ctx).items;
  return navigationBound(s, typeName, list)?.items;
}

/** What the lists under a field inherit from its arguments (connections and analyst queries). */
export function scopeOf(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, args: Args | null, scope: Scope, items: number, s: GraphStats | undefined): Scope {
  if (getNamedType(field.type).name.endsWith('Connection')) return { ...scope, page: items };
  if (parent.name !== 'Query') return scope;
  switch (field.name) {
    case 'shortestPath':
      return { ...scope, hops: int(args?.['maxHops']) ?? PATH_BOUNDS.defaultHops, paths: args?.['all'] === true ? (int(args['limit']) ?? PATH_BOUNDS.defaultPaths) : 1 };
    case 'commonMembers':
      return { ...scope, meetings: meetingsOf(args) };
    case 'neighbourhood':
      return { ...scope, ...neighbourhood(args, s) };
    case 'timeline':
      return { ...scope, limit: int(args?.['limit']) ?? TIMELINE_BOUNDS.defaultLimit };
    case 'commonGround':
      return { ...scope, limit: int(args?.['limit']) ?? LIST_BOUNDS.defaultLimit };
    default:
      return scope;
  }
}

/**
 * A neighbourhood's nodes (at most `limit`) and the relationships walked to reach them, ring by ring: a ring walks
 * the relationships of the frontier's distinct nodes, at most the frontier's largest degrees together.
 */
function neighbourhood(args: Args | null, s: GraphStats | undefined): { nodes: number; relationships: number } {
  const depth = int(args?.['depth']) ?? NEIGHBOURHOOD_BOUNDS.defaultDepth;
  const nodeLimit = int(args?.['limit']) ?? NEIGHBOURHOOD_BOUNDS.defaultLimit;
  const degrees = s === undefined ? atMost(NEIGHBOURHOOD_BOUNDS.ringRows) : allDegrees(s);
  let frontier = 1;
  let nodes = 1;
  let relationships = 0;
  for (let ring = 1; ring <= depth && frontier > 0 && nodes < nodeLimit; ring++) {
    const walked = Math.min(NEIGHBOURHOOD_BOUNDS.ringRows, degrees.top(frontier));
    relationships += walked;
    frontier = Math.min(nodeLimit - nodes, walked);
    nodes += frontier;
  }
  return { nodes: Math.min(nodes, nodeLimit), relationships };
}
