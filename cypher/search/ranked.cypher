// search/ranked: the hits of a search (`n`, `score`), best first, as people expect them (shared by
// search/fulltext and search/hits). Candidates are the entities whose exact key is the typed text's
// ($key, index entity_search_key) and the best full-text hits of the typed words ($query, built by
// search-repository.ts from plain folded words: no Lucene syntax reaches it). They rank by tier:
//   0  an exact whole name, alias or abbreviation (case, accents and punctuation folded);
//   1  a name or alias that starts with the typed words ($phrase: as you type);
//   2  a name or alias with a word starting with each typed word ($words, any order);
//   3  the rest (typos: full-text fuzzy matches);
// within tiers 0-2 the shortest such name or alias first (the closest fit), then the full-text score.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_key', $key, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, 0.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, score
}
WITH node AS n, max(score) AS score
WHERE $labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)
WITH n, score,
     [t IN coalesce(n.searchText, []) WHERE t STARTS WITH $phrase | size(t)] AS starting,
     [t IN coalesce(n.searchText, []) WHERE all(w IN $words WHERE t STARTS WITH w OR t CONTAINS (' ' + w)) | size(t)] AS prefixed
WITH n, score,
     CASE WHEN $key IN coalesce(n.searchKeys, []) THEN 0 WHEN size(starting) > 0 THEN 1 WHEN size(prefixed) > 0 THEN 2 ELSE 3 END AS tier,
     reduce(m = 1000000, x IN starting + prefixed | CASE WHEN x < m THEN x ELSE m END) AS fit
ORDER BY tier, CASE WHEN tier < 3 THEN fit ELSE 0 END, score DESC, n.name, n.key
LIMIT toInteger($limit)
