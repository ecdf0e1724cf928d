/**
 * The graph's statistics as the API reads them (src/neo4j/graph-stats.ts counts them; the loaders store them with
 * every load). Owns `cypher/stats/` for the API's side: reading what is stored, and counting (and storing) them
 * when they are missing or stale.
 */
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import {
  countGraphStats,
  GRAPH_STATS_STATEMENTS,
  readGraphStats,
  refreshGraphStats,
  runIn,
  type GraphStats,
  type GraphStatsStatements,
  type StoredGraphStats,
} from '../neo4j/graph-stats.js';

export { spreadOf, topSum, type GraphStats, type Histogram, type Spread } from '../neo4j/graph-stats.js';

export class GraphStatsRepository {
  private readonly q: GraphStatsStatements;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require(GRAPH_STATS_STATEMENTS);
  }

  /** The stored statistics (if any) and the dataset versions now. */
  read(ctx: QueryContext): Promise<StoredGraphStats> {
    return this.db.readTx(ctx, (tx) => readGraphStats(runIn(tx), this.q));
  }

  /** Counts the statistics and stores them with the versions they describe, in one write transaction. */
  countAndStore(ctx: QueryContext): Promise<GraphStats> {
    return this.db.writeTx(ctx, (tx) => refreshGraphStats(runIn(tx), this.q));
  }

  /** Counts the statistics without storing them (a database this process may only read). */
  count(ctx: QueryContext): Promise<GraphStats> {
    return this.db.readTx(ctx, async (tx) => {
      const { current } = await readGraphStats(runIn(tx), this.q);
      return { ...(await countGraphStats(runIn(tx), this.q)), versions: current };
    });
  }
}
