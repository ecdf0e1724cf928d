/** Search for one request: validates the arguments and says which name or alias matched. */
import { searchKey, searchWords } from '../domain/search-text.js';
import { LABEL_OF_SEARCH_TYPE } from '../domain/vocabulary.js';
import { BadUserInputError } from '../errors.js';
import type { QueryContext } from '../neo4j/database.js';
import type { EntityRecord, SearchHitRecord } from '../repositories/records.js';
import { wordsOf, type SearchRepository } from '../repositories/search-repository.js';

const TYPE_LABELS = LABEL_OF_SEARCH_TYPE;

/** The name or alias the query is (folded), else the one sharing most words with it (ties: the name). */
function bestMatch(text: string, words: string[], candidates: string[]): string {
  const key = searchKey(text);
  const exact = candidates.find((c) => searchKey(c) === key);
  if (exact !== undefined) return exact;
  let best = candidates[0] ?? '';
  let bestScore = -1;
  for (const candidate of candidates) {
    const own = new Set(searchWords(candidate));
    const score = words.filter((w) => [...own].some((o) => o.startsWith(w) || w.startsWith(o))).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly ctx: QueryContext,
  ) {}

  async search(text: string, types: readonly string[] | null | undefined, first: number | null | undefined): Promise<SearchHitRecord[]> {
    const limit = searchLimit(text, first);
    const hits = await this.repo.search(text, searchLabels(types), limit, this.ctx);
    return withMatches(text, hits);
  }
}

/** search's arguments checked (BAD_USER_INPUT otherwise): the number of hits asked for. */
export function searchLimit(text: string, first: number | null | undefined): number {
  if (text.length > 200) throw new BadUserInputError('text: at most 200 characters.', 'text');
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new BadUserInputError(`first: ${limit} is out of range; search returns 1 to 100 hits (default 20).`, 'first');
  }
  return limit;
}

/** The labels of the searchable types asked for (none: every type). */
export function searchLabels(types: readonly string[] | null | undefined): string[] | null {
  return types && types.length > 0 ? types.map((t) => TYPE_LABELS[t] ?? t) : null;
}

/** The hits with the name or alias each matched (`node` must carry its name and aliases). */
export function withMatches(text: string, hits: readonly { node: EntityRecord; score: number }[]): SearchHitRecord[] {
  const words = wordsOf(text);
  return hits.map((h) => ({ ...h, matched: bestMatch(text, words, [h.node.name, ...(h.node.aliases ?? [])]) }));
}
