/**
 * Search relevance on the judged set (tests/fixtures/search-relevance.json): what people type, from the
 * source's names, and the entity they expect first. Scored as first-hit accuracy (the expected entity is the
 * first hit) and mean reciprocal rank (1 / its rank in the first RANKED hits, 0 when absent). The test
 * (tests/api/search-relevance.test.ts) requires the targets; the benchmark report prints the numbers.
 */
import { readFileSync } from 'node:fs';

export const RELEVANCE_TARGETS = { firstHitAccuracy: 0.9, meanReciprocalRank: 0.95 } as const;
/** Hits read per query: an expected entity further down counts as not found. */
const RANKED = 10;

export interface JudgedQuery {
  /** How the text was written: full, abbreviation, partial, typo1, typo2, order, typed or folded. */
  kind: string;
  text: string;
  types?: string[];
  /** The id of the entity a person expects first. */
  expect: string;
}

export interface RelevanceReport {
  queries: number;
  firstHitAccuracy: number;
  meanReciprocalRank: number;
  byKind: { kind: string; queries: number; firstHits: number }[];
  /** The queries whose expected entity was not first: what came first, and its rank (null: not in the first RANKED). */
  misses: { text: string; types: string[] | null; expect: string; first: string | null; rank: number | null }[];
}

export function judgedQueries(): JudgedQuery[] {
  const file = new URL('../tests/fixtures/search-relevance.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: JudgedQuery[] }).queries;
}

/** The ids of the first hits of `search(text, types)` on the API at `apiUrl`. */
export function searchOverHttp(apiUrl: string): (text: string, types: string[] | null) => Promise<string[]> {
  const query = `query JudgedSearch($text: String!, $types: [SearchableType!], $first: Int) { search(text: $text, types: $types, first: $first) { node { id } } }`;
  return async (text, types) => {
    const res = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { text, types, first: RANKED } }),
    });
    const body = (await res.json()) as { data?: { search: { node: { id: string } }[] }; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`search ${JSON.stringify(text)}: ${JSON.stringify(body.errors)}`);
    return body.data.search.map((h) => h.node.id);
  };
}

export async function measureRelevance(search: (text: string, types: string[] | null) => Promise<string[]>, queries = judgedQueries()): Promise<RelevanceReport> {
  let reciprocal = 0;
  const misses: RelevanceReport['misses'] = [];
  const kinds = new Map<string, { queries: number; firstHits: number }>();
  for (const q of queries) {
    const ids = (await search(q.text, q.types ?? null)).slice(0, RANKED);
    const rank = ids.indexOf(q.expect) + 1;
    reciprocal += rank > 0 ? 1 / rank : 0;
    const kind = kinds.get(q.kind) ?? { queries: 0, firstHits: 0 };
    kind.queries += 1;
    if (rank === 1) kind.firstHits += 1;
    else misses.push({ text: q.text, types: q.types ?? null, expect: q.expect, first: ids[0] ?? null, rank: rank > 0 ? rank : null });
    kinds.set(q.kind, kind);
  }
  const firstHits = queries.length - misses.length;
  return {
    queries: queries.length,
    firstHitAccuracy: firstHits / queries.length,
    meanReciprocalRank: reciprocal / queries.length,
    byKind: [...kinds].map(([kind, k]) => ({ kind, ...k })),
    misses,
  };
}

const met = (r: RelevanceReport): boolean =>
  r.firstHitAccuracy >= RELEVANCE_TARGETS.firstHitAccuracy && r.meanReciprocalRank >= RELEVANCE_TARGETS.meanReciprocalRank;

/** The line of the report's targets. */
export function relevanceVerdict(r: RelevanceReport): { target: string; met: boolean; measured: string; why?: string } {
  return {
    target: `search relevance on the judged set: first-hit accuracy ≥ ${RELEVANCE_TARGETS.firstHitAccuracy}, mean reciprocal rank ≥ ${RELEVANCE_TARGETS.meanReciprocalRank}`,
    met: met(r),
    measured: `${r.queries} queries, first-hit accuracy ${r.firstHitAccuracy.toFixed(3)}, MRR ${r.meanReciprocalRank.toFixed(3)}`,
    ...(met(r) ? {} : { why: 'the queries whose expected entity was not first are listed under "Search relevance"' }),
  };
}

export function relevanceMarkdown(r: RelevanceReport): string {
  return [
    '## Search relevance: the judged set on the seed graph',
    '',
    `${r.queries} judged queries (tests/fixtures/search-relevance.json): first-hit accuracy **${r.firstHitAccuracy.toFixed(3)}** ` +
      `(target ${RELEVANCE_TARGETS.firstHitAccuracy}), mean reciprocal rank **${r.meanReciprocalRank.toFixed(3)}** ` +
      `(target ${RELEVANCE_TARGETS.meanReciprocalRank}): ${met(r) ? 'met' : 'missed'}.`,
    '',
    '| kind | queries | expected entity first |',
    '|---|---:|---:|',
    ...r.byKind.map((k) => `| ${k.kind} | ${k.queries} | ${k.firstHits} |`),
    '',
    ...(r.misses.length === 0
      ? []
      : ['Not first:', '', ...r.misses.map((m) => `- \`${m.text}\`${m.types ? ` (${m.types.join(', ')})` : ''}: expected ${m.expect}, rank ${m.rank ?? '> 10'}; first ${m.first ?? 'nothing'}`)]),
  ].join('\n');
}
