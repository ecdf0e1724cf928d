/** The whole graph as nodes and relationships, for graph-file exports (GraphML, GEXF). */
import neo4j from 'neo4j-driver';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import type { EntityRecord, RelationshipRecord } from './records.js';

export interface GraphEdgeRecord {
  rel: RelationshipRecord;
  startKey: string;
  endKey: string;
}

export class GraphRepository {
  private readonly q;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require(['graph/nodes', 'graph/relationships'] as const);
  }

  /** Up to `limit` nodes in key order. */
  async nodes(limit: number, ctx: QueryContext): Promise<EntityRecord[]> {
    const rows = await this.db.read(this.q['graph/nodes'], { limit: neo4j.int(limit) }, ctx);
    return rows.map((r) => r['node'] as EntityRecord);
  }

  /** Every relationship whose two ends are among `keys`. */
  async relationshipsAmong(keys: readonly string[], ctx: QueryContext): Promise<GraphEdgeRecord[]> {
    const rows = await this.db.read(this.q['graph/relationships'], { keys }, ctx);
    return rows.map((r) => ({ rel: r['rel'] as RelationshipRecord, startKey: String(r['startKey']), endKey: String(r['endKey']) }));
  }
}
