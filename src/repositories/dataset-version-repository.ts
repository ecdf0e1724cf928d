/** The versions of the loaded datasets (`(:Dataset {id, version})`, written last by the seed loader). */
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';

export interface DatasetVersion {
  id: string;
  version: string;
}

export class DatasetVersionRepository {
  private readonly q;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require(['dataset/versions'] as const);
  }

  /** Every loaded dataset's version, by id. */
  async versions(ctx: QueryContext = {}): Promise<DatasetVersion[]> {
    const rows = await this.db.read(this.q['dataset/versions'], {}, ctx);
    return rows.map((r) => ({ id: String(r['id']), version: String(r['version'] ?? '') }));
  }
}
