/** Read-only looks at a loaded graph: is the database empty, and a deterministic checksum of what the seeds wrote. */
import { createHash } from 'node:crypto';
import type { Database, Row } from '../neo4j/database.js';
import { CypherCatalog } from '../neo4j/cypher-catalog.js';

/** True when the database holds no Entity node at all (a fresh database). The catalog defaults to `cypher/`. */
export async function isDatabaseEmpty(db: Database, catalog?: CypherCatalog): Promise<boolean> {
  const cypher = (catalog ?? (await CypherCatalog.load())).get('seed/is-empty');
  const [row] = await db.read(cypher, {});
  return row?.empty === true;
}

/** How many entities an older loader wrote without the properties search and "as of" read (0: none). */
export async function staleDerivedCount(db: Database, catalog?: CypherCatalog): Promise<number> {
  const cypher = (catalog ?? (await CypherCatalog.load())).get('seed/stale-derived');
  const [row] = await db.read(cypher, {});
  return Number(row?.['stale'] ?? 0);
}

export interface GraphChecksum {
  checksum: string;
  nodes: number;
  relationships: number;
}

/**
 * A deterministic fingerprint of the graph (or one dataset of it): every Entity node's key, labels and content
 * hash, every relationship's key, type, ends and content hash, plus the counts. Equal checksums, equal graphs
 * (as far as the seeds are concerned). The catalog defaults to `cypher/`.
 */
export async function graphChecksum(db: Database, catalog?: CypherCatalog, dataset: string | null = null): Promise<GraphChecksum> {
  const q = (catalog ?? (await CypherCatalog.load())).require(['seed/checksum-nodes', 'seed/checksum-relationships'] as const);
  return db.readTx({ operationName: 'seed:checksum' }, async (tx) => {
    const nodes = (await tx.run(q['seed/checksum-nodes'], { dataset })).records.map((r) => r.toObject() as Row);
    const rels = (await tx.run(q['seed/checksum-relationships'], { dataset })).records.map((r) => r.toObject() as Row);
    const hash = createHash('sha256');
    hash.update(`nodes:${nodes.length};relationships:${rels.length}\n`);
    for (const n of nodes) {
      const labels = (n.labels as string[]).slice().sort().join(',');
      hash.update(`N ${String(n.key)} ${labels} ${String(n.contentHash)}\n`);
    }
    for (const r of rels) hash.update(`R ${String(r.key)} ${String(r.type)} ${String(r.from)} ${String(r.to)} ${String(r.contentHash)}\n`);
    return { checksum: hash.digest('hex'), nodes: nodes.length, relationships: rels.length };
  });
}
