// search/hits: the hits of a full-text search as nodes (`n`) with their score, best first, as
// search/fulltext reads them: what the operation compiler projects for the selection
// (src/compiler/search-root.ts).
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($candidates)}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node AS n, score
ORDER BY score DESC, n.name
LIMIT toInteger($limit)
RETURN n, score
