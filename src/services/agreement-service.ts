/**
 * Agreements for one request: loaders by key (which also prime the entity loader with the parties)
 * and by party, and the validated root list.
 */
import DataLoader from 'dataloader';
import type { QueryContext } from '../neo4j/database.js';
import { partyRequestId, type AgreementFilter, type AgreementRepository, type PartyAgreementsRequest } from '../repositories/agreement-repository.js';
import type { AgreementConnectionRecord, AgreementRecord } from '../repositories/records.js';
import type { EntityService } from './entity-service.js';
import { connectionOfRows, lazyTotal, pageRead, parsePageArgs, type PageArgs } from './pagination.js';

export interface AgreementOrderInput {
  field: 'ENACTED' | 'NAME' | 'KEY';
  direction: 'ASC' | 'DESC';
}

export class AgreementService {
  private readonly byKey: DataLoader<string, AgreementRecord | null>;
  private readonly byParty: DataLoader<PartyAgreementsRequest, AgreementRecord[], string>;

  constructor(
    private readonly repo: AgreementRepository,
    private readonly ctx: QueryContext,
    private readonly entities: EntityService,
  ) {
    this.byKey = new DataLoader(async (keys) => {
      const rows = await repo.byKeys(keys, ctx);
      for (const row of rows) entities.prime(row.parties);
      const found = new Map(rows.map((r) => [r.agreement.key, r.agreement]));
      return keys.map((k) => found.get(k) ?? null);
    });
    this.byParty = new DataLoader(
      async (requests) => {
        const found = await repo.ofParties(requests, ctx);
        for (const list of found.values()) this.prime(list);
        return requests.map((r) => found.get(partyRequestId(r)) ?? []);
      },
      { cacheKeyFn: partyRequestId },
    );
  }

  get(key: string): Promise<AgreementRecord | null> {
    return this.byKey.load(key);
  }

  /** Agreements read by another statement (built as agreement/by-keys builds them). */
  prime(records: Iterable<AgreementRecord>): void {
    for (const a of records) this.byKey.prime(a.key, a);
  }

  /** The agreements an entity is party to that the request keeps (its kinds, existing as of its days), oldest first. */
  async ofParty(request: PartyAgreementsRequest): Promise<AgreementRecord[]> {
    return [...(await this.byParty.load(request))];
  }

  /** Starts loading the agreements of a request (see EntityService.prefetch). */
  prefetchOfParty(request: PartyAgreementsRequest): void {
    this.byParty.load(request).catch(() => undefined);
  }

  /**
   * `options.total`: the query selects `totalCount`, so it is read with the page (one round trip).
   * The page's rows carry their parties, which prime the entity loader.
   */
  async page(
    args: PageArgs & { orderBy?: Partial<AgreementOrderInput> | null },
    filter: AgreementFilter,
    options: { total?: boolean } = {},
  ): Promise<AgreementConnectionRecord> {
    const request = parsePageArgs(args);
    const page = this.repo.page({ filter, ...pageRead(request, args.orderBy, 'ENACTED') }, this.ctx);
    const totalCount = lazyTotal(() => this.repo.count(filter, this.ctx), options.total);
    const rows = await page;
    for (const row of rows) {
      this.byKey.prime(row.agreement.key, row.agreement);
      this.entities.prime(row.parties);
    }
    return { ...connectionOfRows(rows, request, (r) => r.agreement, (r) => r.sortValue), totalCount };
  }
}
