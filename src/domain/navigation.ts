/**
 * THE declaration of every navigation field: an object field of the schema that reads entities (or
 * agreements, or edges between entities) from the graph. One entry per field, in one table; everything
 * else derives from it: the field resolvers (src/resolvers/related.ts, through the batched loaders),
 * the compiled projection (src/compiler/project.ts), the look-ahead of `node(id:)` and the cost
 * estimate's bounds (src/graphql/cost-bounds.ts). tests/domain/navigation.unit.test.ts fails when a
 * field of the schema that returns an entity has no declaration, or a declaration no handler on
 * either path. Like the vocabulary, this module imports nothing but the domain.
 */
import type { NodeLabel, RelationshipType } from './vocabulary.js';

export type Direction = 'out' | 'in';
/** A relationship type and the direction a field follows it in (out of or into the entity). */
export type Way = readonly [type: RelationshipType, direction: Direction];

/**
 * How a field shapes what it reads: one neighbour (`node`), a list of them (`nodes`), the relationship as
 * an edge object with both ends (ChairEdge, AdoptionEdge, …) for the first one (`edge`) or all (`edges`).
 */
export type Shape = 'node' | 'nodes' | 'edge' | 'edges';

/**
 * Each navigation rule is written once, here, as a Cypher fragment built from the names of the variables it
 * reads (so nothing rewrites generated text to rename them): the compiler builds its projections with them and
 * the resolvers' batched loader (cypher/entity/related.cypher, EntityRepository) fills its slots with them. No
 * JavaScript copy of a rule remains (tests/domain/navigation-rules.unit.test.ts).
 */
export interface FieldOrder {
  /** The ORDER BY keys over the relationship `r` and the neighbour `m`. */
  readonly keys: (r: string, m: string) => readonly string[];
}

/** The orders a field may ask for, before the common one (neighbourOrder). */
export const FIELD_ORDERS = {
  /** By the relationship's date `on`, the undated first. */
  undatedFirst: { keys: (r) => [`${r}.on IS NOT NULL`, `${r}.on`] },
  /** By ordinal: the relationship's, else the neighbour's, else 0. */
  ordinal: { keys: (r, m) => [`coalesce(${r}.ordinal, ${m}.ordinal, 0)`] },
  /** By the neighbour's year (an indicator's observations), the yearless first. */
  byYear: { keys: (_r, m) => [`coalesce(${m}.year, 0)`] },
} as const satisfies Record<string, FieldOrder>;
export type FieldOrderName = keyof typeof FIELD_ORDERS;

/** The order every neighbour list ends with (`r` the relationship, `m` the neighbour): ordinal, then date (on, from, enacted), then name. */
export const neighbourOrder = (r: string, m: string): readonly string[] => [`coalesce(${r}.ordinal, 0)`, `coalesce(${r}.on, ${r}.from, ${r}.enacted, '')`, `${m}.name`];

/** A Cypher string literal. */
export const stringLiteral = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The relationship `r` has the role `role` (a Cypher expression: a literal or a parameter). */
export const roleCondition = (r: string, role: string): string => `${r}.role = ${role}`;

/** Earliest day of a stored partial date `d` (`2005` → `2005-01-01`), as the filters compare them. */
export const earliestDay = (d: string): string => `${d} + substring('-01-01', size(${d}) - 4)`;

/**
 * The relationship `r`'s period (`from` until `until`, either unknown) holds on the date whose first and last
 * days are `days[0]` and `days[1]` (a list expression): it started on or before the last day and had not ended by
 * the first. An unknown end counts as "still is", an unknown start as "since its entity began".
 */
export const inForceCondition = (r: string, days: string): string =>
  `((${r}.from IS NULL OR ${earliestDay(`${r}.from`)} <= ${days}[1]) AND (${r}.until IS NULL OR ${earliestDay(`${r}.until`)} > ${days}[0]))`;

/** The roles a CHAIRS relationship has (the graph's statistics count by it too). */
export type ChairRole = 'CHIEF' | 'DEPUTY';

/** A field that follows one relationship type to the neighbours of the entity. */
export interface RelatedField {
  readonly kind: 'related';
  readonly way: Way;
  /** The neighbour must carry one of these labels (null: any entity). */
  readonly labels: readonly NodeLabel[] | null;
  readonly shape: Shape;
  /** Only relationships with this `role`. */
  readonly role?: ChairRole;
  readonly order?: FieldOrderName;
  /** Takes `asOf`: only relationships in force on that date (inForceCondition). */
  readonly asOf?: boolean;
}

/** Indicator.observations(years): the observations by year, each with its index against the indicator's base year. */
export interface ObservationsField {
  readonly kind: 'observations';
  readonly way: Way;
  readonly labels: readonly NodeLabel[];
}

/**
 * The agreements the entity is party to, oldest first (AgreementService.ofParty): all of them (`agreements`,
 * with the `kinds` and `asOf` arguments when `filtered`) or their distinct kinds (`kinds`); `agreementKind`
 * keeps one kind only.
 */
export interface PartyAgreementsField {
  readonly kind: 'partyAgreements';
  readonly shape: 'agreements' | 'kinds';
  readonly agreementKind?: string;
  readonly filtered?: boolean;
}

/** An end of an edge object: the relationship's start (`from`) or end (`to`) node. */
export interface EdgeEndField {
  readonly kind: 'edgeEnd';
  readonly end: 'from' | 'to';
}

/** An agreement's parties: all of them, or its partners (all but the first, the Japanese side). */
export interface AgreementPartiesField {
  readonly kind: 'agreementParties';
  readonly parties: 'all' | 'partners';
}

export type NavigationField = RelatedField | ObservationsField | PartyAgreementsField | EdgeEndField | AgreementPartiesField;
export type NavigationKind = NavigationField['kind'];

/** The base year of an indicator that states none: its index is 100 in that year. */
export const DEFAULT_BASE_YEAR = 2005;

/** The base year of the indicator `i`: its own `baseYear` when that is a number, else DEFAULT_BASE_YEAR. */
export const baseYearOf = (i: string): string =>
  `CASE WHEN valueType(${i}.baseYear) STARTS WITH 'INTEGER' OR valueType(${i}.baseYear) STARTS WITH 'FLOAT' THEN ${i}.baseYear ELSE ${DEFAULT_BASE_YEAR} END`;

/** The index of the observation `m` against `base`, the value in the base year (null without either, or with a base of 0): 100.0 in the base year, to one decimal. */
export const computedIndexOf = (m: string, base: string): string =>
  `CASE WHEN ${base} IS NULL OR ${base} = 0 OR ${m}.value IS NULL THEN null ELSE round(toFloat(${m}.value) / toFloat(${base}) * 1000.0) / 10.0 END`;

const ORG: readonly NodeLabel[] = ['Organisation'];
const OFFICE: readonly NodeLabel[] = ['Office'];
const MEETING: readonly NodeLabel[] = ['Meeting'];
const PLAN: readonly NodeLabel[] = ['Plan'];

const out = (type: RelationshipType): Way => [type, 'out'];
const into = (type: RelationshipType): Way => [type, 'in'];
const rel = (way: Way, labels: readonly NodeLabel[] | null, shape: Shape, more: Partial<RelatedField> = {}): RelatedField => ({ kind: 'related', way, labels, shape, ...more });
const end = (e: 'from' | 'to'): EdgeEndField => ({ kind: 'edgeEnd', end: e });

/** For each GraphQL object type, its navigation fields. */
export const NAVIGATION = {
  Office: {
    organisation: rel(out('PART_OF'), ORG, 'node'),
    chairs: rel(out('CHAIRS'), MEETING, 'edges'),
    memberOf: rel(out('MEMBER_OF'), MEETING, 'nodes'),
  },
  Organisation: {
    parent: rel(out('PART_OF'), ORG, 'node'),
    units: rel(into('PART_OF'), ORG, 'nodes'),
    posts: rel(into('PART_OF'), OFFICE, 'nodes'),
    memberOf: rel(out('MEMBER_OF'), MEETING, 'nodes'),
    administers: rel(into('ADMINISTERED_BY'), MEETING, 'edges'),
    capabilities: rel(out('OPERATES'), ['Capability'], 'nodes'),
    hostedBy: rel(into('HOSTED'), null, 'edges', { asOf: true }),
    hosted: rel(out('HOSTED'), ORG, 'edges'),
    country: rel(out('LOCATED_IN'), ['Country'], 'node'),
    mous: { kind: 'partyAgreements', shape: 'agreements', agreementKind: 'MOU' },
  },
  Meeting: {
    chief: rel(into('CHAIRS'), OFFICE, 'node', { role: 'CHIEF' }),
    deputies: rel(into('CHAIRS'), OFFICE, 'nodes', { role: 'DEPUTY' }),
    chairs: rel(into('CHAIRS'), OFFICE, 'edges'),
    members: rel(into('MEMBER_OF'), [...OFFICE, ...ORG], 'nodes'),
    parent: rel(out('PART_OF'), MEETING, 'node'),
    subMeetings: rel(into('PART_OF'), MEETING, 'nodes'),
    predecessor: rel(out('SUPERSEDES'), MEETING, 'edge'),
    successor: rel(into('SUPERSEDES'), MEETING, 'edge'),
    plansAdopted: rel(out('ADOPTED'), PLAN, 'edges', { order: 'undatedFirst' }),
    administeredBy: rel(out('ADMINISTERED_BY'), ORG, 'edges', { asOf: true }),
    organisedBy: rel(into('ORGANISES'), ORG, 'node'),
  },
  Plan: {
    adoptedBy: rel(into('ADOPTED'), MEETING, 'edge'),
    categories: rel(out('COVERS'), ['MeasureCategory'], 'nodes', { order: 'ordinal' }),
    supersedes: rel(out('SUPERSEDES'), PLAN, 'edge'),
    supersededBy: rel(into('SUPERSEDES'), PLAN, 'edge'),
  },
  MeasureCategory: { plans: rel(into('COVERS'), PLAN, 'nodes') },
  Capability: { operatedBy: rel(into('OPERATES'), ORG, 'nodes') },
  Indicator: { observations: { kind: 'observations', way: out('HAS_OBSERVATION'), labels: ['Observation'] } },
  Country: {
    organisations: rel(into('LOCATED_IN'), ORG, 'nodes'),
    agreements: { kind: 'partyAgreements', shape: 'agreements', filtered: true },
    agreementKinds: { kind: 'partyAgreements', shape: 'kinds' },
  },
  Agreement: { parties: { kind: 'agreementParties', parties: 'all' }, partners: { kind: 'agreementParties', parties: 'partners' } },
  // Edge objects: which end of the relationship each endpoint field reads.
  ChairEdge: { office: end('from'), meeting: end('to') },
  AdministrationEdge: { meeting: end('from'), organisation: end('to') },
  HostingEdge: { host: end('from'), hosted: end('to') },
  AdoptionEdge: { meeting: end('from'), plan: end('to') },
  SupersessionEdge: { newer: end('from'), older: end('to') },
} as const satisfies Record<string, Record<string, NavigationField>>;

const BY_TYPE: Readonly<Record<string, Readonly<Record<string, NavigationField>>>> = NAVIGATION;

/** The declaration of `Type.field`, if it is a navigation field. */
export function navigationOf(typeName: string, fieldName: string): NavigationField | undefined {
  return Object.hasOwn(BY_TYPE, typeName) && Object.hasOwn(BY_TYPE[typeName]!, fieldName) ? BY_TYPE[typeName]![fieldName] : undefined;
}

/** The relationship a field follows from its entity, when it follows one (related fields and observations). */
export function wayOf(field: NavigationField | undefined): Way | undefined {
  return field?.kind === 'related' || field?.kind === 'observations' ? field.way : undefined;
}
