/**
 * The domain's vocabulary, shared by every layer (the seed format, repositories, services, the
 * compiler, codegen): node labels and what the API makes of them, relationship types and the labels
 * they join, agreement kinds and the one rule for "exists as of a date". It imports nothing; a lint rule
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
  /**
   * Its life: the date properties that open it (the first one it has wins) and close it. Every "as of"
   * view reads the life the loader stores from these (`existsFrom`, `existsUntil`; see `lifeOf`).
   */
  readonly life: LifeSpec;
}

/** Which date properties open a life (the first present wins) and which close it. */
export interface LifeSpec {
  readonly opens: readonly string[];
  readonly closes: readonly string[];
}

const UNDATED: LifeSpec = { opens: [], closes: [] };

/**
 * Every node label, in one table: the seed format, the repositories, the services, the compiler,
 * codegen's mappers and the full-text index derive their lists from it (tests/domain/vocabulary.unit.test.ts
 * checks schema/ and cypher/ agree with it). Its GraphQL object type has the label's name.
 */
export const ENTITY_TYPES = {
  Office: { keyPrefix: 'office', search: 'OFFICE', root: 'offices', life: { opens: ['established'], closes: [] } },
  Organisation: { keyPrefix: 'organisation', search: 'ORGANISATION', root: 'organisations', life: { opens: ['established'], closes: ['dissolved'] } },
  // A meeting the source dates only by its first sitting (the Ministerial Meeting, 2003-09) opens then.
  Meeting: { keyPrefix: 'meeting', search: 'MEETING', root: 'meetings', life: { opens: ['established', 'firstConvened'], closes: ['dissolved'] } },
  // A superseded plan stays a plan of its time: its supersession is a relationship (SUPERSEDES.on), not its end.
  Plan: { keyPrefix: 'plan', search: 'PLAN', root: 'plans', life: { opens: ['adopted'], closes: [] } },
  MeasureCategory: { keyPrefix: 'measure', search: 'MEASURE_CATEGORY', root: null, life: UNDATED },
  Country: { keyPrefix: 'country', search: 'COUNTRY', root: 'countries', life: UNDATED },
  Capability: { keyPrefix: 'capability', search: 'CAPABILITY', root: 'capabilities', life: { opens: ['introduced'], closes: [] } },
  Indicator: { keyPrefix: 'indicator', search: 'INDICATOR', root: 'indicators', life: UNDATED },
  Observation: { keyPrefix: 'observation', search: null, root: null, life: UNDATED },
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

/** An agreement (its AGREEMENT relationships) opens when enacted; the source dates no ending. */
export const AGREEMENT_LIFE: LifeSpec = { opens: ['enacted'], closes: [] };

/**
 * The opening date properties of every label, in one order in which each label's own `opens` keep theirs: a
 * node's opening date is `coalesce` of these (a label has no property of another's list). What the lineage
 * orders by, a step's `date`, the date filters (`established`, `adopted`, `introduced` ranges) and
 * `EntitySortField.DATE` compare (`cypher/entity/filter.cypher`; tests/domain/vocabulary.unit.test.ts checks both).
 */
export const OPENING_DATE_PROPERTIES = ['adopted', 'established', 'firstConvened', 'introduced'] as const;

/** The date that opens a node's life as the source gives it (`2003-09`), or null when undated. */
export function openingDateOf(props: Readonly<Record<string, unknown>>): string | null {
  for (const p of OPENING_DATE_PROPERTIES) {
    const v = props[p];
    if (typeof v === 'string') return v;
  }
  return null;
}

/** The first day a stored partial date stands for (`2008` → `2008-01-01`), as the Cypher compares them. */
export function firstDayOf(date: string): string {
  return date + '-01-01'.slice(Math.max(0, date.length - 4));
}

function firstOf(props: Readonly<Record<string, unknown>>, names: readonly string[]): string | null {
  for (const p of names) {
    const v = props[p];
    if (typeof v === 'string') return v;
  }
  return null;
}

/**
 * THE rule for "exists as of a date", for every entity type and agreement (docs/analytics.md, "As of a date"):
 * a life runs from the first day of its opening date to the first day of its closing date (exclusive; none: it
 * still is). A record the source does not date is counted from the source's own date (dataset.yaml
 * `source.asOf`, 7 June 2016): the source vouches for it then and says nothing of before; with no source
 * date, it is in no "as of" view (`from` null). The loaders store the result (`existsFrom`, `existsUntil`).
 */
export function lifeOf(spec: LifeSpec, props: Readonly<Record<string, unknown>>, sourceDate: string | null): { from: string | null; until: string | null } {
  const opens = firstOf(props, spec.opens) ?? sourceDate;
  const closes = firstOf(props, spec.closes);
  return { from: opens === null ? null : firstDayOf(opens), until: closes === null ? null : firstDayOf(closes) };
}

/**
 * Whether a stored life (`existsFrom`, `existsUntil`) covers a date given as its first and last day: it
 * opened on or before the last day and had not closed by the first. The Cypher says the same
 * (`existsFrom <= $last AND (existsUntil IS NULL OR existsUntil > $first)`).
 */
export function existsOn(record: object, first: string, last: string): boolean {
  const { existsFrom: from, existsUntil: until } = record as { existsFrom?: unknown; existsUntil?: unknown };
  return typeof from === 'string' && from <= last && (typeof until !== 'string' || until > first);
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
