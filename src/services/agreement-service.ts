/** Agreements for one request: loaders by key and by party, and the validated root list. */
import DataLoader from 'dataloader';
import type { QueryContext } from '../neo4j/database.js';
import type { AgreementFilter, AgreementRepository } from '../repositories/agreement-repository.js';
import type { AgreementConnectionRecord, AgreementRecord } from '../repositories/records.js';
import { parsePageArgs, toConnection, type PageArgs } from './pagination.js';

export interface AgreementOrderInput {
  field: 'ENACTED' | 'NAME' | 'KEY';
  direction: 'ASC' | 'DESC';
}

export class AgreementService {
  private readonly byKey: DataLoader<string, AgreementRecord | null>;
  private readonly keysByParty: DataLoader<string, string[]>;

  constructor(
    private readonly repo: AgreementRepository,
    private readonly ctx: QueryContext,
  ) {
    this.byKey = new DataLoader(async (keys) => {
      const found = new Map((await repo.byKeys(keys, ctx)).map((a) => [a.key, a]));
      return keys.map((k) => found.get(k) ?? null);
    });
    this.keysByParty = new DataLoader(async (keys) => {
      const found = await repo.keysOfParties(keys, ctx);
      return keys.map((k) => found.get(k) ?? []);
    });
  }

  get(key: string): Promise<AgreementRecord | null> {
    return this.byKey.load(key);
  }

  /** The agreements an entity is party to, oldest first. */
  async ofParty(partyKey: string): Promise<AgreementRecord[]> {
    const keys = await this.keysByParty.load(partyKey);
    const loaded = await this.byKey.loadMany(keys);
    return loaded.filter((a): a is AgreementRecord => a !== null && !(a instanceof Error));
  }

  async page(args: PageArgs & { orderBy?: Partial<AgreementOrderInput> | null }, filter: AgreementFilter): Promise<AgreementConnectionRecord> {
    const request = parsePageArgs(args);
    const field = args.orderBy?.field ?? 'ENACTED';
    const descending = (args.orderBy?.direction ?? 'ASC') === 'DESC';
    const rows = await this.repo.page(
      { filter, sort: field, descending: request.backward ? !descending : descending, after: request.cursor, limit: request.limit + 1 },
      this.ctx,
    );
    for (const row of rows) this.byKey.prime(row.agreement.key, row.agreement);
    const sortOf = new Map(rows.map((r) => [r.agreement, r.sortValue]));
    const connection = toConnection(
      rows.map((r) => r.agreement),
      request,
      (a) => ({ value: sortOf.get(a) ?? null, key: a.key }),
    );
    let total: Promise<number> | undefined;
    return { ...connection, totalCount: () => (total ??= this.repo.count(filter, this.ctx)) };
  }
}
