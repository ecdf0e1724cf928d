/**
 * Reads agreements: AGREEMENT relationships grouped by their agreementKey (a multilateral agreement
 * is one key shared by one relationship per party). Owns `cypher/agreement/`.
 */
import { spliceIdentifiers, type CypherCatalog, type IdentifierWhitelist } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import { compact } from '../neo4j/cypher-text.js';
import { agreementAssembly } from '../domain/agreements.js';
import { existsBetween, existsCondition, ofKinds } from '../domain/navigation.js';
import type { Keyset } from './records.js';
import type { AgreementRecord, EntityRecord } from './records.js';

export const AGREEMENT_SORT_EXPRESSIONS = {
  NAME: 'agreement.name',
  KEY: 'agreement.key',
  ENACTED_ASC: "coalesce(agreement.enacted, '~')",
  ENACTED_DESC: "coalesce(agreement.enacted, '')",
} as const;

/** The AGREEMENT property whose range index gives each order its sequence (agreement/page-unfiltered). */
const INDEXED_PROPS = { NAME: 'name', KEY: 'agreementKey', ENACTED: 'enacted' } as const;

const WHITELIST: IdentifierWhitelist = {
  sort: Object.values(AGREEMENT_SORT_EXPRESSIONS),
  cmp: ['>', '<'],
  dir: ['ASC', 'DESC'],
  prop: Object.values(INDEXED_PROPS),
  start: Object.values(INDEXED_PROPS).flatMap((p) => [`k.${p} IS NOT NULL`, `k.${p} >= $from`, `k.${p} <= $from`]),
  // The sort value of an undated agreement: last in the order asked for ('~' after every date ascending, '' descending).
  none: ["'~'", "''"],
};

function isUnfiltered(filter: AgreementFilter): boolean {
  return Object.values(filter).every((v) => v === null || v === undefined);
}

export interface AgreementFilter {
  kinds?: string[] | null;
  party?: string | null;
  multilateral?: boolean | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  /** In force on this day range (first, last day), by the vocabulary's one rule (`existsOn`). */
  asOf?: string | null;
  asOfLatest?: string | null;
}

export interface AgreementPageQuery {
  filter: AgreementFilter;
  sort: 'NAME' | 'KEY' | 'ENACTED';
  /** The direction the page is read in (a backward page reads against the order asked for). */
  descending: boolean;
  /** The order asked for (default: `descending`): undated agreements come last in it, whichever way a page reads. */
  askedDescending?: boolean;
  after: Keyset | null;
  limit: number;
}

function filterParams(filter: AgreementFilter): Record<string, unknown> {
  return {
    kinds: filter.kinds ?? null,
    party: filter.party ?? null,
    multilateral: filter.multilateral ?? null,
    dateFrom: filter.dateFrom ?? null,
    dateTo: filter.dateTo ?? null,
    asOf: filter.asOf ?? null,
    asOfLatest: filter.asOfLatest ?? null,
  };
}

/**
 * The slots of cypher/agreement/ (and of the statements that include agreement/all): the one agreement assembly
 * (src/domain/agreements.ts), and agreement/of-parties' rules over its request `req` (src/domain/navigation.ts).
 */
const SLOTS: Readonly<Record<string, string>> = {
  assembleKeys: agreementAssembly('keys'),
  assembleNodes: agreementAssembly('nodes'),
  ofKinds: ofKinds('kind', 'req.kinds'),
  existsAsOf: existsCondition('a', 'req.asOf'),
  filterExistsAsOf: existsBetween('r0', '$asOf', '$asOfLatest'),
};

/** The statement `text` with its slots (`{{assembleKeys}}`, `{{assembleNodes}}`, `{{ofKinds}}`, `{{existsAsOf}}`, `{{filterExistsAsOf}}`) filled from the domain. */
export function withAgreementAssembly(text: string): string {
  return text.replace(/\{\{(assembleKeys|assembleNodes|ofKinds|existsAsOf|filterExistsAsOf)\}\}/g, (_, slot: string) => SLOTS[slot]!);
}

/**
 * The agreements a party field asks for (src/resolvers/related.ts, from its declaration): the entity `key`'s, of one
 * of `kinds` (null: any), existing on the days `asOf` (first, last; null: any).
 */
export interface PartyAgreementsRequest {
  key: string;
  kinds: readonly string[] | null;
  asOf: readonly [string, string] | null;
}

/** One request's identity: the loader's cache key and the statement's `id` column. */
export function partyRequestId(r: PartyAgreementsRequest): string {
  return JSON.stringify([r.key, r.kinds, r.asOf]);
}

export class AgreementRepository {
  private readonly q;
  /**
   * The one agreement record (cypher/agreement/record.cypher: from its first edge `r0`, the keys `fromKeys` and
   * `toKeys` and its `key`, as the one assembly binds them: src/domain/agreements.ts), as an expression: the
   * statements of cypher/agreement/ include it, and the compiler builds its agreements with it.
   */
  readonly recordExpression: string;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    const q = catalog.require(['agreement/page', 'agreement/page-unfiltered', 'agreement/count', 'agreement/count-unfiltered', 'agreement/by-keys', 'agreement/of-parties', 'agreement/record'] as const);
    this.q = Object.fromEntries(Object.entries(q).map(([name, text]) => [name, withAgreementAssembly(text)])) as typeof q;
    this.recordExpression = compact(this.q['agreement/record']);
  }

  /** One keyset page; each agreement with its parties' entity records (to prime the entity loader). */
  async page(query: AgreementPageQuery, ctx: QueryContext): Promise<{ agreement: AgreementRecord; sortValue: string | null; parties: EntityRecord[] }[]> {
    const { cypher, params } = this.pageStatement(query);
    const rows = await this.db.read(cypher, params, ctx);
    return rows.map((r) => ({ agreement: r['agreement'] as AgreementRecord, sortValue: r['sortValue'] as string | null, parties: r['parties'] as EntityRecord[] }));
  }

  /**
   * The statement of one page (rows `agreement`, `sortValue`, `parties`, in order); the operation compiler
   * embeds it with `parties` false (its rows' `parties` then empty: it reads what its selection asks for). Without a
   * filter the page is read in order from a range index and only its agreements are grouped
   * (agreement/page-unfiltered: flat at any size); a filter groups every agreement (agreement/page).
   */
  pageStatement(query: AgreementPageQuery, parties = true): { cypher: string; params: Record<string, unknown> } {
    const asked = query.askedDescending ?? query.descending;
    const sort =
      query.sort === 'ENACTED'
        ? asked
          ? AGREEMENT_SORT_EXPRESSIONS.ENACTED_DESC
          : AGREEMENT_SORT_EXPRESSIONS.ENACTED_ASC
        : AGREEMENT_SORT_EXPRESSIONS[query.sort];
    const cmp = query.descending ? '<' : '>';
    const dir = query.descending ? 'DESC' : 'ASC';
    if (isUnfiltered(query.filter)) {
      const prop = INDEXED_PROPS[query.sort];
      const cypher = spliceIdentifiers(this.q['agreement/page-unfiltered'], WHITELIST, {
        prop,
        start: query.after === null ? `k.${prop} IS NOT NULL` : `k.${prop} ${cmp}= $from`,
        none: asked ? "''" : "'~'",
        sort,
        cmp,
        dir,
      });
      const from = query.after === null ? null : query.after.value;
      return { cypher, params: { from, after: query.after, limit: query.limit, undatedFirst: asked !== query.descending, parties } };
    }
    const cypher = spliceIdentifiers(this.q['agreement/page'], WHITELIST, { sort, cmp, dir });
    return { cypher, params: { ...filterParams(query.filter), after: query.after, limit: query.limit, parties } };
  }

  async count(filter: AgreementFilter, ctx: QueryContext): Promise<number> {
    const { cypher, params } = this.countStatement(filter);
    const rows = await this.db.read(cypher, params, ctx);
    return Number(rows[0]?.['total'] ?? 0);
  }

  /** The statement that counts the agreements passing the filter (one row, `total`). */
  countStatement(filter: AgreementFilter): { cypher: string; params: Record<string, unknown> } {
    if (isUnfiltered(filter)) return { cypher: this.q['agreement/count-unfiltered'], params: {} };
    return { cypher: this.q['agreement/count'], params: filterParams(filter) };
  }

  /** Agreements by key, each with its parties' entity records (to prime the entity loader). */
  async byKeys(keys: readonly string[], ctx: QueryContext): Promise<{ agreement: AgreementRecord; parties: EntityRecord[] }[]> {
    const rows = await this.db.read(this.q['agreement/by-keys'], { keys }, ctx);
    return rows.map((r) => ({ agreement: r['agreement'] as AgreementRecord, parties: r['parties'] as EntityRecord[] }));
  }

  /** For each request, the agreements it keeps, oldest first, by request id (one statement for all the requests). */
  async ofParties(requests: readonly PartyAgreementsRequest[], ctx: QueryContext): Promise<Map<string, AgreementRecord[]>> {
    const rows = await this.db.read(this.q['agreement/of-parties'], { requests: requests.map((r) => ({ ...r, id: partyRequestId(r) })) }, ctx);
    return new Map(
      rows.map((r) => {
        const byKey = new Map((r['agreements'] as AgreementRecord[]).map((a) => [a.key, a]));
        const ordered = (r['agreementKeys'] as string[]).map((k) => byKey.get(k)).filter((a): a is AgreementRecord => a !== undefined);
        return [r['id'] as string, ordered];
      }),
    );
  }
}
