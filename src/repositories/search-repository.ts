/**
 * Search over the entities' names and aliases: an exact-key index and the full-text index `entity_search`, ranked
 * in Cypher (cypher/search/ranked.cypher). User text never reaches Lucene as syntax: it is folded into plain words
 * (src/domain/search-text.ts), and each word is searched exactly (boosted), as a prefix, and with the typos its
 * length allows (`typosAllowed`).
 */
import { searchKey, searchWords, typosAllowed } from '../domain/search-text.js';
import type { CypherCatalog } from '../neo4j/cypher-catalog.js';
import type { Database, QueryContext } from '../neo4j/database.js';
import type { EntityRecord } from './records.js';

/** At most this many typed words count (a name is rarely longer; the rest cannot change the ranking much). */
const MAX_WORDS = 16;

/** The words of a text, folded (case, accents, punctuation), as the loaders store names. */
export function wordsOf(text: string): string[] {
  return searchWords(text).slice(0, MAX_WORDS);
}

/** Lucene's query syntax characters: folded words hold none, but a letter class may change; escaped regardless. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A Lucene query that means "these words", each exact, as a prefix, or with its typos; null when there are no words. */
export function toLuceneQuery(text: string): string | null {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const groups = words.map((word) => {
    const w = word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
    const typos = typosAllowed(word);
    return typos > 0 ? `(${w}^3 OR ${w}*^2 OR ${w}~${typos})` : `(${w}^3 OR ${w}*)`;
  });
  // Entities that match every word rank well above those that match some.
  return groups.length === 1 ? groups[0]! : `(${groups.map((g) => `+${g}`).join(' ')})^4 OR (${groups.join(' ')})`;
}

/** Every parameter of cypher/search/ranked.cypher but the labels and bounds; null when the text holds no word. */
export function searchParameters(text: string): { query: string; key: string; phrase: string; words: string[] } | null {
  const query = toLuceneQuery(text);
  if (query === null) return null;
  const words = wordsOf(text);
  return { query, key: searchKey(text), phrase: words.join(' '), words };
}

/** Candidates read from the indexes for `limit` hits: more when only some types count, since others are dropped. */
function candidates(limit: number, labels: string[] | null): number {
  return labels === null ? limit * 5 : limit * 20;
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
    const params = searchParameters(text);
    if (params === null) return null;
    return { cypher: this.q['search/hits'], params: { ...params, labels, limit, candidates: candidates(limit, labels) } };
  }

  async search(text: string, labels: string[] | null, limit: number, ctx: QueryContext): Promise<{ node: EntityRecord; score: number }[]> {
    const params = searchParameters(text);
    if (params === null) return [];
    const rows = await this.db.read(this.q['search/fulltext'], { ...params, labels, limit, candidates: candidates(limit, labels) }, ctx);
    return rows.map((r) => ({ node: r['node'] as EntityRecord, score: Number(r['score']) }));
  }
}
