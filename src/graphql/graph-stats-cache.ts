/**
 * The API's copy of the graph's statistics (src/neo4j/graph-stats.ts), which the cost estimate reads for every
 * operation without a database read: loaded at start-up (or on first use), and loaded again when a request's
 * reads see other dataset versions than the ones they describe (a load committed since). When the stored
 * statistics are missing or stale (a database loaded by an older loader, a dataset removed), this process counts
 * them itself and stores them, or only keeps them when the database refuses the write.
 */
import type { Logger } from '../logger.js';
import type { QueryContext } from '../neo4j/database.js';
import type { GraphStats, GraphStatsRepository } from '../repositories/stats-repository.js';

/** The operation name of its transactions (metadata, query log): they are no request's. */
export const GRAPH_STATS_OPERATION = 'graph-stats';

/** After a refresh (done, failed or still stale), this long before another one starts. */
const RETRY_MS = 2_000;

export class GraphStatsCache {
  private stats: GraphStats | undefined;
  private refreshing: Promise<void> | undefined;
  private lastAttempt = -Infinity;

  constructor(
    private readonly repo: GraphStatsRepository,
    private readonly logger: Logger,
    /** QUERY_TIMEOUT_MS: each of its transactions' timeout (counting them on a large graph may need a load instead). */
    private readonly timeoutMs?: number,
  ) {}

  /** The statistics to estimate with: loaded first if there are none yet; undefined when they cannot be read. */
  async current(): Promise<GraphStats | undefined> {
    if (this.stats === undefined) await (this.refreshing ?? (Date.now() - this.lastAttempt >= RETRY_MS ? this.refresh() : undefined));
    return this.stats;
  }

  /** A request read the datasets at `versions` (src/neo4j/consistency.ts): statistics of other versions are read again. */
  seen(versions: string | undefined): void {
    if (versions === undefined || this.stats === undefined || versions === this.stats.versions) return;
    if (this.refreshing === undefined && Date.now() - this.lastAttempt >= RETRY_MS) void this.refresh();
  }

  /** Reads the stored statistics; counts (and stores) them when they are missing or stale. One at a time. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
      this.lastAttempt = Date.now();
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    // A context of its own for each read: these are no request's round trips, and pin no request's versions.
    const ctx = (): QueryContext => ({ operationName: GRAPH_STATS_OPERATION, ...(this.timeoutMs ? { timeoutMs: this.timeoutMs } : {}) });
    try {
      const stored = await this.repo.read(ctx());
      if (stored.stats !== undefined && stored.stats.versions === stored.current) {
        this.stats = stored.stats;
        return;
      }
      this.logger.info({ counted: stored.stats?.versions ?? null, current: stored.current }, 'graph statistics missing or stale: counting them');
      try {
        this.stats = await this.repo.countAndStore(ctx());
      } catch (error) {
        this.logger.warn({ err: error }, 'graph statistics could not be stored (a database this API may only read?); counted for this process');
        this.stats = await this.repo.count(ctx());
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'graph statistics could not be read; until they can, the cost estimate bounds every list by MAX_RESULT_ITEMS');
    }
  }
}
