// floor/search (SearchAsYouType $text, $types, $first): the best $first hits (default 20) of the
// `entity_search` full-text index, of $types only (null or empty = any), best first, with each hit's
// name and aliases (the API picks the matched one in JavaScript). Cypher cannot cut text into words,
// so $query is the Lucene query built from $text by the same function the API uses (toLuceneQuery in
// src/repositories/search-repository.ts), as any hand-rolled client would; null means no words.
WITH coalesce(toInteger($first), 20) AS first,
     CASE WHEN $types IS NULL OR size($types) = 0 THEN null ELSE [t IN $types | {
       OFFICE: 'Office', ORGANISATION: 'Organisation', MEETING: 'Meeting', PLAN: 'Plan',
       MEASURE_CATEGORY: 'MeasureCategory', COUNTRY: 'Country', CAPABILITY: 'Capability', INDICATOR: 'Indicator'
     }[t]] END AS wanted
WHERE $query IS NOT NULL
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: first * 5}) YIELD node, score
WITH node, score, first, wanted
WHERE wanted IS NULL OR any(l IN labels(node) WHERE l IN wanted)
RETURN node {id: node.key, labels: labels(node), .name, aliases: coalesce(node.aliases, [])} AS node, score
ORDER BY score DESC, node.name
LIMIT coalesce(toInteger($first), 20)
