/**
 * Entities for one request: batched, cached loaders (one statement per field level for all its
 * navigation, however long the list and however many relationship types it follows) and
 * validated, paginated root lists.
 */
import DataLoader from 'dataloader';
import { BadUserInputError } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';
import { neighbourRequestId, type EntityFilter, type EntityLabel, type EntityRepository, type Neighbour, type NeighbourRequest } from '../repositories/entity-repository.js';
import type { ConnectionRecord, EntityRecord } from '../repositories/records.js';
import { RELATIONSHIP_TYPES } from '../domain/vocabulary.js';
import { connectionOfRows, lazyTotal, pageRead, parsePageArgs, type PageArgs } from './pagination.js';

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
          const list = results.get(row.id) ?? [];
          list.push({ key: row.key, node: row.node, rel: row.rel });
          results.set(row.id, list);
        }
        return requests.map((r) => results.get(neighbourRequestId(r)) ?? []);
      },
      { maxBatchSize: 1000, cacheKeyFn: neighbourRequestId },
    );
  }

  /** Entities read by another statement (`n {.*, labels: labels(n)}`, as entity/by-keys reads them). */
  prime(records: Iterable<EntityRecord>): void {
    for (const r of records) this.byKey.prime(r.key, r);
  }

  /**
   * Starts loading what the navigation fields of `key` will ask for (their requests: `requests`), so that it
   * travels with the entity itself (`node(id:)` looks ahead at its selection). Errors surface where the fields ask.
   */
  prefetch(key: string, requests: Iterable<Omit<NeighbourRequest, 'key'>>): void {
    for (const request of requests) {
      if (NAVIGABLE_TYPES.has(request.type)) this.neighbours.load({ ...request, key }).catch(() => undefined);
    }
  }

  get(key: string): Promise<EntityRecord | null> {
    return this.byKey.load(key);
  }

  async getMany(keys: readonly string[]): Promise<(EntityRecord | null)[]> {
    const loaded = await this.byKey.loadMany(keys);
    return loaded.map((r) => (r instanceof Error ? null : r));
  }

  /** The neighbours a request asks for (NeighbourRequest: the field's rules are applied by the statement). */
  async related(request: NeighbourRequest): Promise<Neighbour[]> {
    if (!NAVIGABLE_TYPES.has(request.type)) throw new Error(`not a navigable relationship type: ${request.type}`);
    const found = await this.neighbours.load(request);
    for (const n of found) this.byKey.prime(n.node.key, n.node);
    return found;
  }

  /** `options.total`: the query selects `totalCount`, so it is read with the page (one round trip). */
  async page(
    label: EntityLabel,
    args: PageArgs & { orderBy?: Partial<EntityOrderInput> | null },
    filter: EntityFilter,
    options: { total?: boolean } = {},
  ): Promise<ConnectionRecord> {
    const request = parsePageArgs(args);
    const page = this.repo.page({ label, filter, ...pageRead(request, args.orderBy, 'NAME') }, this.ctx);
    const totalCount = lazyTotal(() => this.repo.count(label, filter, this.ctx), options.total);
    const rows = await page;
    for (const row of rows) this.byKey.prime(row.node.key, row.node);
    return { ...connectionOfRows(rows, request, (r) => r.node, (r) => r.sortValue), totalCount };
  }
}
