/** Reads what is known of the loaded datasets (their content versions). Owns `cypher/dataset/`. */
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';

export interface DatasetVersion {
  id: string;
  version: string | null;
  loadedAt: string | null;
}

export class DatasetRepository {
  private readonly q;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require(['dataset/versions'] as const);
  }

  /** The datasets in the database and their versions, by id. */
  async versions(ctx: QueryContext = {}): Promise<DatasetVersion[]> {
    const rows = await this.db.read(this.q['dataset/versions'], {}, ctx);
    return rows.map((r) => ({
      id: String(r['id']),
      version: r['version'] == null ? null : String(r['version']),
      loadedAt: r['loadedAt'] == null ? null : String(r['loadedAt']),
    }));
  }
}
