/**
 * The domain's vocabulary, shared by every layer (the seed format, repositories, services, the
 * compiler, codegen): node labels and what the API makes of them, relationship types and the labels
 * they join, agreement kinds and the principal-date rule. It imports nothing; a lint rule
 * (eslint/layers.js) keeps it that way.
 */

/** What the API makes of one node label. */
export interface EntityTypeSpec {
  /** The prefix of its nodes' keys (`office:prime-minister`). */
  readonly keyPrefix: string;
  /**
   * Its value of the schema's `SearchableType`, when the API shows it as an `Entity` (through `node(id:)`,
   * `search` and the full-text index `entity_search`); null for a label read only through another type.
   */
  readonly search: string | null;
  /**
   * The root list field that pages it (`offices`), as `<Type>Connection` / `<Type>Edge`; null when it has
   * none. Its filter is translated in src/services/filters.ts (`kinds` and `nameContains` unless it says more).
   */
  readonly root: string | null;
}

/**
 * Every node label, in one table: the seed format, the repositories, the services, the compiler,
 * codegen's mappers and the full-text index derive their lists from it (tests/domain/vocabulary.unit.test.ts
 * checks schema/ and cypher/ agree with it). Its GraphQL object type has the label's name.
 */
export const ENTITY_TYPES = {
  Office: { keyPrefix: 'office', search: 'OFFICE', root: 'offices' },
  Organisation: { keyPrefix: 'organisation', search: 'ORGANISATION', root: 'organisations' },
  Meeting: { keyPrefix: 'meeting', search: 'MEETING', root: 'meetings' },
  Plan: { keyPrefix: 'plan', search: 'PLAN', root: 'plans' },
  MeasureCategory: { keyPrefix: 'measure', search: 'MEASURE_CATEGORY', root: null },
  Country: { keyPrefix: 'country', search: 'COUNTRY', root: 'countries' },
  Capability: { keyPrefix: 'capability', search: 'CAPABILITY', root: 'capabilities' },
  Indicator: { keyPrefix: 'indicator', search: 'INDICATOR', root: 'indicators' },
  Observation: { keyPrefix: 'observation', search: null, root: null },
} as const satisfies Record<string, EntityTypeSpec>;

export type NodeLabel = keyof typeof ENTITY_TYPES;
export const NODE_LABELS = Object.keys(ENTITY_TYPES) as [NodeLabel, ...NodeLabel[]];

/** The labels the API shows as `Entity` (node(id:), search, the full-text index), in table order. */
export const SEARCHABLE_LABELS: readonly NodeLabel[] = NODE_LABELS.filter((l) => ENTITY_TYPES[l].search !== null);

/** The labels paged as `<Type>Connection` by a root list field. */
export const CONNECTION_LABELS: readonly NodeLabel[] = NODE_LABELS.filter((l) => ENTITY_TYPES[l].root !== null);

/** `SearchableType` value → label (`MEASURE_CATEGORY` → `MeasureCategory`). */
export const LABEL_OF_SEARCH_TYPE: Readonly<Record<string, NodeLabel>> = Object.fromEntries(
  SEARCHABLE_LABELS.map((l) => [ENTITY_TYPES[l].search!, l]),
);

/** The key prefix each label's nodes use (`office:prime-minister`). */
export const KEY_PREFIX = Object.fromEntries(NODE_LABELS.map((l) => [l, ENTITY_TYPES[l].keyPrefix])) as Record<NodeLabel, string>;

/**
 * The principal date of an entity (lineage order, a lineage step's `date`): the first of these properties
 * it has: when a plan was adopted, a body established or first convened, a capability introduced.
 */
export const PRINCIPAL_DATE_PROPERTIES = ['adopted', 'established', 'firstConvened', 'introduced'] as const;

/**
 * What date filters (`dateFrom`/`dateTo`) and `EntitySortField.DATE` compare, in `cypher/entity/filter.cypher`
 * and `page.cypher`: the principal date without `firstConvened` (a meeting is dated by its establishment).
 * tests/domain/vocabulary.unit.test.ts checks the Cypher's `coalesce(...)` lists these, in this order.
 */
export const FILTER_DATE_PROPERTIES = ['adopted', 'established', 'introduced'] as const;

/** The principal date of a node's properties, or null. */
export function principalDateOf(props: Readonly<Record<string, unknown>>): string | null {
  for (const p of PRINCIPAL_DATE_PROPERTIES) {
    const v = props[p];
    if (typeof v === 'string') return v;
  }
  return null;
}

export const EXTRA_LABELS = ['Minister'] as const;

export const RELATIONSHIP_TYPES = [
  'CHAIRS',
  'MEMBER_OF',
  'SUPERSEDES',
  'PART_OF',
  'ADOPTED',
  'APPROVED',
  'COVERS',
  'ADMINISTERED_BY',
  'AGREEMENT',
  'HOSTED',
  'OPERATES',
  'LOCATED_IN',
  'COOPERATES_WITH',
  'ORGANISES',
  'PARTICIPATES_IN',
  'HAS_OBSERVATION',
  'CONVENED',
  'REPORTED_BY',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The kinds of an AGREEMENT relationship (the schema's `AgreementKind`). */
export const AGREEMENT_KINDS = ['CMAA', 'INTERGOVERNMENTAL', 'EPA', 'MOU'] as const;


/** Which labels a relationship may join (`*` = any label). Checked after every reference resolves. */
export const ENDPOINTS: Partial<Record<RelationshipType, readonly (readonly [NodeLabel | '*', NodeLabel | '*'])[]>> = {
  CHAIRS: [['Office', 'Meeting']],
  MEMBER_OF: [
    ['Office', 'Meeting'],
    ['Organisation', 'Meeting'],
    ['Organisation', 'Organisation'],
    ['Country', 'Organisation'],
  ],
  SUPERSEDES: [
    ['Plan', 'Plan'],
    ['Meeting', 'Meeting'],
  ],
  PART_OF: [
    ['Organisation', 'Organisation'],
    ['Office', 'Organisation'],
    ['Meeting', 'Meeting'],
    ['Meeting', 'Organisation'],
  ],
  ADOPTED: [['Meeting', 'Plan'], ['Organisation', 'Plan']],
  APPROVED: [['Organisation', 'Plan']],
  COVERS: [['Plan', 'MeasureCategory']],
  ADMINISTERED_BY: [['Meeting', 'Organisation']],
  AGREEMENT: [
    ['Country', 'Country'],
    ['Organisation', 'Organisation'],
  ],
  HOSTED: [['*', 'Organisation'], ['*', 'Meeting']],
  OPERATES: [['Organisation', 'Capability']],
  LOCATED_IN: [['*', 'Country']],
  ORGANISES: [['Organisation', 'Meeting']],
  PARTICIPATES_IN: [['*', 'Meeting'], ['*', 'Organisation']],
  HAS_OBSERVATION: [['Indicator', 'Observation']],
  CONVENED: [['Meeting', '*']],
  REPORTED_BY: [['Indicator', 'Organisation']],
};
