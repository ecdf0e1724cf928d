// floor/search (SearchAsYouType $text, $types, $first): the best $first hits (default 20) of $types only
// (null or empty = any), ranked as people expect them, with each hit's name and aliases (the API picks the
// matched one in JavaScript). Cypher cannot fold or cut text into words, so $query (the Lucene query),
// $key (the exact-match key), $phrase and $words are computed from $text by the same function the API
// uses (searchParameters in src/repositories/search-repository.ts), as any hand-rolled client would; a
// null $query means no words. The ranking, as cypher/search/ranked.cypher: exact keys (index
// entity_search_key) and full-text hits (entity_search) as candidates; an exact name or alias first, then
// names starting with the typed words, then names with a word starting with each, then the rest; the
// shortest such name first within a tier, then the full-text score.
WITH coalesce(toInteger($first), 20) AS first,
     CASE WHEN $types IS NULL OR size($types) = 0 THEN null ELSE [t IN $types | {
       OFFICE: 'Office', ORGANISATION: 'Organisation', MEETING: 'Meeting', PLAN: 'Plan',
       MEASURE_CATEGORY: 'MeasureCategory', COUNTRY: 'Country', CAPABILITY: 'Capability', INDICATOR: 'Indicator'
     }[t]] END AS wanted
WHERE $query IS NOT NULL
WITH first, wanted, CASE WHEN wanted IS NULL THEN first * 5 ELSE first * 20 END AS candidates
CALL (candidates) {
  CALL db.index.fulltext.queryNodes('entity_search_key', $key, {limit: candidates}) YIELD node, score
  RETURN node, 0.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: candidates}) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score, first, wanted
WHERE wanted IS NULL OR any(l IN labels(node) WHERE l IN wanted)
WITH node, score,
     [t IN coalesce(node.searchText, []) WHERE t STARTS WITH $phrase | size(t)] AS starting,
     [t IN coalesce(node.searchText, []) WHERE all(w IN $words WHERE t STARTS WITH w OR t CONTAINS (' ' + w)) | size(t)] AS prefixed
WITH node, score,
     CASE WHEN $key IN coalesce(node.searchKeys, []) THEN 0 WHEN size(starting) > 0 THEN 1 WHEN size(prefixed) > 0 THEN 2 ELSE 3 END AS tier,
     reduce(m = 1000000, x IN starting + prefixed | CASE WHEN x < m THEN x ELSE m END) AS fit
ORDER BY tier, CASE WHEN tier < 3 THEN fit ELSE 0 END, score DESC, node.name, node.key
WITH node, score LIMIT coalesce(toInteger($first), 20)
RETURN node {id: node.key, labels: labels(node), .name, aliases: coalesce(node.aliases, [])} AS node, score
