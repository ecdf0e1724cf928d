/**
 * Reads entities (nodes) and their neighbours. Owns the Cypher of `cypher/entity/`; sees only plain
 * records. Labels and sort expressions are spliced from the whitelist below, never from input.
 */
import { spliceIdentifiers, type CypherCatalog, type IdentifierWhitelist } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import { NODE_LABELS } from '../seed/format.js';
import type { Keyset } from '../services/pagination.js';
import type { EntityRecord, RelationshipRecord } from './records.js';

export const ENTITY_LABELS = [...NODE_LABELS, 'Entity'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const SORT_EXPRESSIONS = {
  NAME: 'n.name',
  KEY: 'n.key',
  /** Undated entities sort last in both directions. */
  DATE_ASC: "coalesce(d, '~')",
  DATE_DESC: "coalesce(d, '')",
} as const;

const WHITELIST: IdentifierWhitelist = {
  label: ENTITY_LABELS,
  indexLabel: ENTITY_LABELS,
  prop: ['name', 'key'],
  start: ['name', 'key'].flatMap((p) => [`n.${p} >= $from`, `n.${p} <= $from`, `n.${p} IS NOT NULL`]),
  sort: Object.values(SORT_EXPRESSIONS),
  cmp: ['>', '<'],
  dir: ['ASC', 'DESC'],
};


export interface EntityFilter {
  kinds?: string[] | null;
  /** Lower-cased substring of the name or an alias. */
  text?: string | null;
  withLabel?: string | null;
  withoutLabel?: string | null;
  /** Day range (`YYYY-MM-DD`) the principal date must touch. */
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Existed on this day range: established on or before `asOfLatest`, not dissolved by `asOf`. */
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
  descending: boolean;
  after: Keyset | null;
  limit: number;
}

export interface Neighbour {
  key: string;
  node: EntityRecord;
  rel: RelationshipRecord;
}

/** The neighbours of `key` through `type`, followed out of (`out`) or into (`in`) the entity. */
export interface NeighbourRequest {
  key: string;
  type: string;
  direction: 'out' | 'in';
}

export interface RelatedRow extends Neighbour {
  request: NeighbourRequest;
}

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
  }

  async byKeys(keys: readonly string[], ctx: QueryContext): Promise<EntityRecord[]> {
    const rows = await this.db.read(this.q['entity/by-keys'], { keys }, ctx);
    return rows.map((r) => r['node'] as EntityRecord);
  }

  /** Reads up to `limit` entities after the keyset, in the sort order; each with its sort value. */
  async page(query: EntityPageQuery, ctx: QueryContext): Promise<{ node: EntityRecord; sortValue: string | number | null }[]> {
    if (query.sort !== 'DATE' && isUnfiltered(query.filter)) return this.pageFromIndex(query, query.sort, ctx);
    const sort =
      query.sort === 'DATE' ? (query.descending ? SORT_EXPRESSIONS.DATE_DESC : SORT_EXPRESSIONS.DATE_ASC) : SORT_EXPRESSIONS[query.sort];
    const cypher = spliceIdentifiers(this.q['entity/page'], WHITELIST, {
      label: query.label,
      sort,
      cmp: query.descending ? '<' : '>',
      dir: query.descending ? 'DESC' : 'ASC',
    });
    const rows = await this.db.read(
      cypher,
      { ...filterParams(query.filter), after: query.after, limit: query.limit },
      ctx,
    );
    return rows.map((r) => ({ node: r['node'] as EntityRecord, sortValue: r['sortValue'] as string | number | null }));
  }

  /**
   * The unfiltered page in name or key order, read from a range index: flat cost at any depth. Names are
   * indexed per label (and on Entity), keys on Entity.
   */
  private async pageFromIndex(
    query: EntityPageQuery,
    sort: 'NAME' | 'KEY',
    ctx: QueryContext,
  ): Promise<{ node: EntityRecord; sortValue: string | number | null }[]> {
    const prop = sort === 'NAME' ? 'name' : 'key';
    const cmp = query.descending ? '<' : '>';
    const cypher = spliceIdentifiers(this.q['entity/page-unfiltered'], WHITELIST, {
      indexLabel: sort === 'NAME' ? query.label : 'Entity',
      label: query.label,
      prop,
      start: query.after === null ? `n.${prop} IS NOT NULL` : `n.${prop} ${cmp}= $from`,
      cmp,
      dir: query.descending ? 'DESC' : 'ASC',
    });
    const from = query.after === null ? null : String(query.after.value);
    const rows = await this.db.read(cypher, { from, after: query.after, limit: query.limit }, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, sortValue: r['sortValue'] as string | number | null }));
  }

  async count(label: EntityLabel, filter: EntityFilter, ctx: QueryContext): Promise<number> {
    const statement = isUnfiltered(filter) ? this.q['entity/count-unfiltered'] : this.q['entity/count'];
    const cypher = spliceIdentifiers(statement, WHITELIST, { label });
    const rows = await this.db.read(cypher, filterParams(filter), ctx);
    return Number(rows[0]?.['total'] ?? 0);
  }

  /**
   * Neighbours for many (entity, relationship type, direction) requests at once, in one statement;
   * each row says which request it answers.
   */
  async related(requests: readonly NeighbourRequest[], ctx: QueryContext): Promise<RelatedRow[]> {
    const params = requests.map((r) => ({ key: r.key, type: r.type, outgoing: r.direction === 'out' }));
    const rows = await this.db.read(this.q['entity/related'], { requests: params }, ctx);
    return rows.map((r) => ({
      request: { key: r['key'] as string, type: r['type'] as string, direction: r['outgoing'] === true ? 'out' : 'in' },
      key: r['key'] as string,
      node: r['node'] as EntityRecord,
      rel: r['rel'] as RelationshipRecord,
    }));
  }
}
