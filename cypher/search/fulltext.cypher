// search/fulltext: ranked full-text hits over names and aliases (index entity_search).
// $query is built by search-repository.ts from plain words only, so no Lucene syntax reaches it.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($candidates)}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN node {.*, labels: labels(node)} AS node, score
ORDER BY score DESC, node.name
LIMIT toInteger($limit)
