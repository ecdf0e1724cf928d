/**
 * Reads entities (nodes) and their neighbours. Owns the Cypher of `cypher/entity/`; sees only plain
 * records. Labels and sort expressions are spliced from the whitelist below, never from input.
 */
import { spliceIdentifiers, type CypherCatalog, type IdentifierWhitelist } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import { NODE_LABELS } from '../domain/vocabulary.js';
import { baseYearOf, computedIndexOf, existsBetween, FIELD_ORDERS, inForceCondition, neighbourOrder, roleCondition, stringLiteral, type FieldOrderName } from '../domain/navigation.js';
import type { Keyset } from './records.js';
import type { EntityRecord, RelationshipRecord } from './records.js';

export const ENTITY_LABELS = [...NODE_LABELS, 'Entity'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const SORT_EXPRESSIONS = {
  NAME: 'n.name',
  KEY: 'n.key',
  /** Undated entities sort last in both directions: the expression follows the order asked for, not the one a page reads in. */
  DATE_ASC: "coalesce(d, '~')",
  DATE_DESC: "coalesce(d, '')",
} as const;

/** What a page row's `node` is: the entity's whole record (the repository's read), or the node itself (the compiler projects what its selection reads). */
const PAGE_ROWS = { record: 'n {.*, labels: labels(n)}', node: 'n' } as const;

/** When entity/filter reads the opening date `d`: always for a page in date order, else only for a date filter. */
const DATED = { always: 'true', filtered: '$dateFrom IS NOT NULL OR $dateTo IS NOT NULL' } as const;

const WHITELIST: IdentifierWhitelist = {
  label: ENTITY_LABELS,
  indexLabel: ENTITY_LABELS,
  prop: ['name', 'key'],
  start: ['name', 'key'].flatMap((p) => [`n.${p} >= $from`, `n.${p} <= $from`, `n.${p} IS NOT NULL`]),
  sort: Object.values(SORT_EXPRESSIONS),
  cmp: ['>', '<'],
  dir: ['ASC', 'DESC'],
  node: Object.values(PAGE_ROWS),
  dated: Object.values(DATED),
};


export interface EntityFilter {
  kinds?: string[] | null;
  /** Lower-cased substring of the name or an alias. */
  text?: string | null;
  withLabel?: string | null;
  withoutLabel?: string | null;
  /** Day range (`YYYY-MM-DD`) the opening date must touch. */
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Existed on this day range (first, last day), by the vocabulary's one rule (`existsOn`). */
  asOf?: string | null;
  asOfLatest?: string | null;
  /** Has an outgoing relationship of this type to the entity with this key. */
  outType?: string | null;
  outKey?: string | null;
  /** Has an incoming relationship of this type from the entity with this key. */
  inType?: string | null;
  inKey?: string | null;
  /** Is a party to an agreement of one of these kinds. */
  agreementKinds?: string[] | null;
}

export interface EntityPageQuery {
  label: EntityLabel;
  filter: EntityFilter;
  sort: 'NAME' | 'KEY' | 'DATE';
  /** The direction the page is read in (a backward page reads against the order asked for). */
  descending: boolean;
  /** The order asked for (default: `descending`): undated entities come last in it, whichever way a page reads. */
  askedDescending?: boolean;
  after: Keyset | null;
  limit: number;
}

export interface Neighbour {
  key: string;
  node: EntityRecord;
  rel: RelationshipRecord;
}

/**
 * The neighbours of `key` through `type`, followed out of (`out`) or into (`in`) the entity, with a navigation
 * field's rules (src/domain/navigation.ts): only neighbours with one of `labels`, relationships with `role`, in
 * force on the days `asOf` (first, last), in the field's `order` before the common one.
 */
export interface NeighbourRequest {
  key: string;
  type: string;
  direction: 'out' | 'in';
  labels?: readonly string[] | null;
  role?: string | null;
  asOf?: readonly [string, string] | null;
  order?: FieldOrderName | null;
  /** Only neighbours of these years (an indicator's observations). */
  years?: readonly number[] | null;
  /** Each neighbour with its `computedIndex` against the entity's base year (an indicator's observations). */
  indexed?: boolean;
}

/** One request's identity: the loader's cache key and the statement's `id` column. */
export function neighbourRequestId(r: NeighbourRequest): string {
  return JSON.stringify([r.key, r.type, r.direction, r.labels ?? null, r.role ?? null, r.asOf ?? null, r.order ?? null, r.years ?? null, r.indexed === true]);
}

export interface RelatedRow extends Neighbour {
  id: string;
}

/**
 * The slots of entity/related: the navigation rules, each as src/domain/navigation.ts writes it, over the
 * statement's entity `n`, relationship `r`, neighbour `m`, base value `base` and request `req` (the compiler builds its projections from the same).
 */
const RELATED_SLOTS: Record<string, string> = {
  role: roleCondition('r', 'req.role'),
  inForce: inForceCondition('r', 'req.asOf'),
  baseYear: baseYearOf('n'),
  computedIndex: computedIndexOf('m', 'base'),
  order: [
    ...Object.entries(FIELD_ORDERS).flatMap(([name, order]) => order.keys('r', 'm').map((key) => `CASE WHEN req.order = ${stringLiteral(name)} THEN ${key} END`)),
    ...neighbourOrder('r', 'm'),
  ].join(', '),
};

/** True when no filter is set, so a page can be read straight from an index. */
export function isUnfiltered(filter: EntityFilter): boolean {
  return Object.values(filter).every((v) => v === null || v === undefined);
}

function filterParams(filter: EntityFilter): Record<string, unknown> {
  return {
    kinds: filter.kinds ?? null,
    text: filter.text ?? null,
    withLabel: filter.withLabel ?? null,
    withoutLabel: filter.withoutLabel ?? null,
    dateFrom: filter.dateFrom ?? null,
    dateTo: filter.dateTo ?? null,
    asOf: filter.asOf ?? null,
    asOfLatest: filter.asOfLatest ?? null,
    outType: filter.outType ?? null,
    outKey: filter.outKey ?? null,
    inType: filter.inType ?? null,
    inKey: filter.inKey ?? null,
    agreementKinds: filter.agreementKinds ?? null,
  };
}

export class EntityRepository {
  private readonly q;
  /** entity/related with its slots filled (RELATED_SLOTS). */
  readonly relatedStatement: string;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require([
      'entity/page',
      'entity/page-unfiltered',
      'entity/count',
      'entity/count-unfiltered',
      'entity/by-keys',
      'entity/related',
    ] as const);
    // entity/filter's "exists as of" (src/domain/navigation.ts), in the statements that include it.
    for (const name of ['entity/page', 'entity/count'] as const) this.q[name] = this.q[name].replaceAll('{{existsAsOf}}', existsBetween('n', '$asOf', '$asOfLatest'));
    const slots = Object.fromEntries(Object.entries(RELATED_SLOTS).map(([slot, value]) => [slot, [value]]));
    this.relatedStatement = spliceIdentifiers(this.q['entity/related'], slots, RELATED_SLOTS);
  }

  async byKeys(keys: readonly string[], ctx: QueryContext): Promise<EntityRecord[]> {
    const rows = await this.db.read(this.q['entity/by-keys'], { keys }, ctx);
    return rows.map((r) => r['node'] as EntityRecord);
  }

  /** Reads up to `limit` entities after the keyset, in the sort order; each with its sort value. */
  async page(query: EntityPageQuery, ctx: QueryContext): Promise<{ node: EntityRecord; sortValue: string | number | null }[]> {
    const { cypher, params } = this.pageStatement(query);
    const rows = await this.db.read(cypher, params, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, sortValue: r['sortValue'] as string | number | null }));
  }

  /**
   * The statement of one page (rows `node`, `sortValue`, in order) and its parameters; the operation
   * compiler embeds it, with `rows: 'node'` (each row's node unprojected). An unfiltered page in name or key
   * order is read from a range index: flat cost at any depth (names are indexed per label and on Entity, keys on Entity).
   */
  pageStatement(query: EntityPageQuery, rows: keyof typeof PAGE_ROWS = 'record'): { cypher: string; params: Record<string, unknown> } {
    const cmp = query.descending ? '<' : '>';
    const dir = query.descending ? 'DESC' : 'ASC';
    if (query.sort !== 'DATE' && isUnfiltered(query.filter)) {
      const prop = query.sort === 'NAME' ? 'name' : 'key';
      const cypher = spliceIdentifiers(this.q['entity/page-unfiltered'], WHITELIST, {
        indexLabel: query.sort === 'NAME' ? query.label : 'Entity',
        label: query.label,
        prop,
        start: query.after === null ? `n.${prop} IS NOT NULL` : `n.${prop} ${cmp}= $from`,
        cmp,
        dir,
        node: PAGE_ROWS[rows],
      });
      const from = query.after === null ? null : String(query.after.value);
      return { cypher, params: { from, after: query.after, limit: query.limit } };
    }
    const asked = query.askedDescending ?? query.descending;
    const sort = query.sort === 'DATE' ? (asked ? SORT_EXPRESSIONS.DATE_DESC : SORT_EXPRESSIONS.DATE_ASC) : SORT_EXPRESSIONS[query.sort];
    const cypher = spliceIdentifiers(this.q['entity/page'], WHITELIST, { label: query.label, sort, cmp, dir, node: PAGE_ROWS[rows], dated: query.sort === 'DATE' ? DATED.always : DATED.filtered });
    return { cypher, params: { ...filterParams(query.filter), after: query.after, limit: query.limit } };
  }

  async count(label: EntityLabel, filter: EntityFilter, ctx: QueryContext): Promise<number> {
    const { cypher, params } = this.countStatement(label, filter);
    const rows = await this.db.read(cypher, params, ctx);
    return Number(rows[0]?.['total'] ?? 0);
  }

  /** The statement that counts a label's entities passing the filter (one row, `total`). */
  countStatement(label: EntityLabel, filter: EntityFilter): { cypher: string; params: Record<string, unknown> } {
    const statement = isUnfiltered(filter) ? this.q['entity/count-unfiltered'] : this.q['entity/count'];
    return { cypher: spliceIdentifiers(statement, WHITELIST, { label, dated: DATED.filtered }), params: filterParams(filter) };
  }

  /**
   * Neighbours for many (entity, relationship type, direction) requests at once, in one statement;
   * each row says which request it answers.
   */
  async related(requests: readonly NeighbourRequest[], ctx: QueryContext): Promise<RelatedRow[]> {
    const params = requests.map((r) => ({
      id: neighbourRequestId(r),
      key: r.key,
      type: r.type,
      outgoing: r.direction === 'out',
      labels: r.labels ?? null,
      role: r.role ?? null,
      asOf: r.asOf ?? null,
      order: r.order ?? null,
      years: r.years ?? null,
      indexed: r.indexed === true,
    }));
    const rows = await this.db.read(this.relatedStatement, { requests: params }, ctx);
    return rows.map((r) => ({ id: r['id'] as string, key: r['key'] as string, node: r['node'] as EntityRecord, rel: r['rel'] as RelationshipRecord }));
  }
}
