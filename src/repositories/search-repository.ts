/**
 * Full-text search over the `entity_search` index. User text never reaches Lucene as syntax: it is
 * cut into plain words (letters and digits, as the index's analyser sees them), and each word is
 * escaped and searched exactly (boosted) or with one typo allowed.
 */
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import type { EntityRecord } from './records.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The words of a text, lower-cased, as the standard analyser would index them. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** A Lucene query that means "these words", with small typos tolerated; null when there are no words. */
export function toLuceneQuery(text: string): string | null {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const groups = words
    .map((w) => w.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .map((w) => (w.length >= 4 ? `(${w}^3 OR ${w}*^2 OR ${w}~1)` : `(${w}^3 OR ${w}*)`));
  // Entities that match every word rank well above those that match some.
  return groups.length === 1 ? groups[0]! : `(${groups.map((g) => `+${g}`).join(' ')})^4 OR (${groups.join(' ')})`;
}

export class SearchRepository {
  private readonly q;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = catalog.require(['search/fulltext', 'search/hits'] as const);
  }

  /**
   * The hits as nodes (`n`, `score`), for the operation compiler to project, and their parameters;
   * null when the text holds nothing to search for (the answer is then no hits).
   */
  hitsStatement(text: string, labels: string[] | null, limit: number): { cypher: string; params: Record<string, unknown> } | null {
    const query = toLuceneQuery(text);
    if (query === null) return null;
    return { cypher: this.q['search/hits'], params: { query, labels, limit, candidates: limit * 5 } };
  }

  async search(text: string, labels: string[] | null, limit: number, ctx: QueryContext): Promise<{ node: EntityRecord; score: number }[]> {
    const query = toLuceneQuery(text);
    if (query === null) return [];
    const rows = await this.db.read(this.q['search/fulltext'], { query, labels, limit, candidates: limit * 5 }, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, score: Number(r['score']) }));
  }
}
