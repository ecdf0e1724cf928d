/**
 * Entities for one request: batched, cached loaders (one statement per field level for all its
 * navigation, however long the list and however many relationship types it follows) and
 * validated, paginated root lists.
 */
import DataLoader from 'dataloader';
import { BadUserInputError } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';
import type { EntityFilter, EntityLabel, EntityRepository, Neighbour, NeighbourRequest } from '../repositories/entity-repository.js';
import type { ConnectionRecord, EntityRecord } from '../repositories/records.js';
import { RELATIONSHIP_TYPES } from '../domain/vocabulary.js';
import { parsePageArgs, toConnection, type PageArgs } from './pagination.js';

export interface EntityOrderInput {
  field: 'NAME' | 'KEY' | 'DATE';
  direction: 'ASC' | 'DESC';
}

/** The relationship types navigation fields may follow: those the seed format allows. */
export const NAVIGABLE_TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

const MAX_TEXT = 200;

export function normaliseText(text: string | null | undefined, argument: string): string | null {
  if (text == null) return null;
  const trimmed = text.trim().toLowerCase();
  if (trimmed.length > MAX_TEXT) {
    throw new BadUserInputError(`${argument}: at most ${MAX_TEXT} characters.`, argument);
  }
  return trimmed === '' ? null : trimmed;
}

/** The loader's cache key for a neighbour request. */
function requestId(r: NeighbourRequest): string {
  return `${r.type}|${r.direction}|${r.key}`;
}

export class EntityService {
  private readonly byKey: DataLoader<string, EntityRecord | null>;
  private readonly neighbours: DataLoader<NeighbourRequest, Neighbour[], string>;

  constructor(
    private readonly repo: EntityRepository,
    private readonly ctx: QueryContext,
  ) {
    this.byKey = new DataLoader(
      async (keys) => {
        const found = new Map((await repo.byKeys(keys, ctx)).map((n) => [n.key, n]));
        return keys.map((k) => found.get(k) ?? null);
      },
      { maxBatchSize: 1000 },
    );
    // One batch (one statement) for every navigation of a field level, whatever its types and directions.
    this.neighbours = new DataLoader(
      async (requests) => {
        const results = new Map<string, Neighbour[]>();
        for (const row of await repo.related(requests, ctx)) {
          const id = requestId(row.request);
          const list = results.get(id) ?? [];
          list.push({ key: row.key, node: row.node, rel: row.rel });
          results.set(id, list);
        }
        return requests.map((r) => results.get(requestId(r)) ?? []);
      },
      { maxBatchSize: 1000, cacheKeyFn: requestId },
    );
  }

  /** Entities read by another statement (`n {.*, labels: labels(n)}`, as entity/by-keys reads them). */
  prime(records: Iterable<EntityRecord>): void {
    for (const r of records) this.byKey.prime(r.key, r);
  }

  /**
   * Starts loading what the navigation fields of `key` will ask for, so that it travels with the
   * entity itself (`node(id:)` looks ahead at its selection). Errors surface where the fields ask.
   */
  prefetch(key: string, ways: Iterable<readonly [type: string, direction: 'out' | 'in']>): void {
    for (const [type, direction] of ways) {
      if (NAVIGABLE_TYPES.has(type)) this.neighbours.load({ key, type, direction }).catch(() => undefined);
    }
  }

  get(key: string): Promise<EntityRecord | null> {
    return this.byKey.load(key);
  }

  async getMany(keys: readonly string[]): Promise<(EntityRecord | null)[]> {
    const loaded = await this.byKey.loadMany(keys);
    return loaded.map((r) => (r instanceof Error ? null : r));
  }

  /** The neighbours of `key` through `type`, following it out of (`out`) or into (`in`) the entity. */
  async related(key: string, type: string, direction: 'out' | 'in', labels?: readonly string[]): Promise<Neighbour[]> {
    if (!NAVIGABLE_TYPES.has(type)) throw new Error(`not a navigable relationship type: ${type}`);
    const all = await this.neighbours.load({ key, type, direction });
    for (const n of all) this.byKey.prime(n.node.key, n.node);
    return labels ? all.filter((n) => n.node.labels.some((l) => labels.includes(l))) : all;
  }

  async relatedNodes(key: string, type: string, direction: 'out' | 'in', labels?: readonly string[]): Promise<EntityRecord[]> {
    return (await this.related(key, type, direction, labels)).map((n) => n.node);
  }

  async relatedNode(key: string, type: string, direction: 'out' | 'in', labels?: readonly string[]): Promise<EntityRecord | null> {
    return (await this.relatedNodes(key, type, direction, labels))[0] ?? null;
  }

  /** `options.total`: the query selects `totalCount`, so it is read with the page (one round trip). */
  async page(
    label: EntityLabel,
    args: PageArgs & { orderBy?: Partial<EntityOrderInput> | null },
    filter: EntityFilter,
    options: { total?: boolean } = {},
  ): Promise<ConnectionRecord> {
    const request = parsePageArgs(args);
    const field = args.orderBy?.field ?? 'NAME';
    const descending = (args.orderBy?.direction ?? 'ASC') === 'DESC';
    let total: Promise<number> | undefined;
    const totalCount = () => (total ??= this.repo.count(label, filter, this.ctx));
    const page = this.repo.page(
      {
        label,
        filter,
        sort: field,
        descending: request.backward ? !descending : descending,
        askedDescending: descending,
        after: request.cursor,
        limit: request.limit + 1,
      },
      this.ctx,
    );
    // A failed count is reported by totalCount, where it was before.
    if (options.total) totalCount().catch(() => undefined);
    const rows = await page;
    for (const row of rows) this.byKey.prime(row.node.key, row.node);
    const byNode = new Map(rows.map((r) => [r.node, r.sortValue]));
    const connection = toConnection(
      rows.map((r) => r.node),
      request,
      (node) => ({ value: byNode.get(node) ?? null, key: node.key }),
    );
    return { ...connection, totalCount };
  }
}
