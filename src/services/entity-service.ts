/**
 * Entities for one request: batched, cached loaders (one round trip per field level, however long
 * the list) and validated, paginated root lists.
 */
import DataLoader from 'dataloader';
import { BadUserInputError } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';
import type { EntityFilter, EntityLabel, EntityRepository, Neighbour } from '../repositories/entity-repository.js';
import type { ConnectionRecord, EntityRecord } from '../repositories/records.js';
import { RELATIONSHIP_TYPES } from '../seed/format.js';
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

export class EntityService {
  private readonly byKey: DataLoader<string, EntityRecord | null>;
  private readonly neighbours: DataLoader<string, Neighbour[]>;

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
    // Loader keys are `TYPE|out|key` or `TYPE|in|key`; one batch per type and direction.
    this.neighbours = new DataLoader(
      async (ids) => {
        const groups = new Map<string, string[]>();
        for (const id of ids) {
          const [type, dir, key] = id.split('|', 3) as [string, string, string];
          const group = `${type}|${dir}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const results = new Map<string, Neighbour[]>();
        await Promise.all(
          [...groups].map(async ([group, keys]) => {
            const [type, dir] = group.split('|') as [string, string];
            for (const n of await repo.related(keys, type, dir === 'out', ctx)) {
              const id = `${group}|${n.key}`;
              results.set(id, [...(results.get(id) ?? []), n]);
            }
          }),
        );
        return ids.map((id) => results.get(id) ?? []);
      },
      { maxBatchSize: 1000 },
    );
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
    const all = await this.neighbours.load(`${type}|${direction}|${key}`);
    for (const n of all) this.byKey.prime(n.node.key, n.node);
    return labels ? all.filter((n) => n.node.labels.some((l) => labels.includes(l))) : all;
  }

  async relatedNodes(key: string, type: string, direction: 'out' | 'in', labels?: readonly string[]): Promise<EntityRecord[]> {
    return (await this.related(key, type, direction, labels)).map((n) => n.node);
  }

  async relatedNode(key: string, type: string, direction: 'out' | 'in', labels?: readonly string[]): Promise<EntityRecord | null> {
    return (await this.relatedNodes(key, type, direction, labels))[0] ?? null;
  }

  async page(
    label: EntityLabel,
    args: PageArgs & { orderBy?: Partial<EntityOrderInput> | null },
    filter: EntityFilter,
  ): Promise<ConnectionRecord> {
    const request = parsePageArgs(args);
    const field = args.orderBy?.field ?? 'NAME';
    const descending = (args.orderBy?.direction ?? 'ASC') === 'DESC';
    const rows = await this.repo.page(
      {
        label,
        filter,
        sort: field,
        descending: request.backward ? !descending : descending,
        after: request.cursor,
        limit: request.limit + 1,
      },
      this.ctx,
    );
    for (const row of rows) this.byKey.prime(row.node.key, row.node);
    const byNode = new Map(rows.map((r) => [r.node, r.sortValue]));
    const connection = toConnection(
      rows.map((r) => r.node),
      request,
      (node) => ({ value: byNode.get(node) ?? null, key: node.key }),
    );
    let total: Promise<number> | undefined;
    return { ...connection, totalCount: () => (total ??= this.repo.count(label, filter, this.ctx)) };
  }
}
