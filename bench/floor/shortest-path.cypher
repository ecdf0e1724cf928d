// floor/shortest-path (ShortestPath $from, $to, $maxHops, $relationshipTypes): the shortest path
// between two entities, walking relationships in either direction, of $relationshipTypes only
// (null or empty = any), never through an observation, at most $maxHops hops (default 6). Each path
// gives its nodes and, for each relationship, its key, type, end keys, direction as walked (FORWARD
// from start to end) and own properties (as [name, value] pairs, bookkeeping ones left out, since
// Cypher cannot build a map from chosen keys). The hop bound is a parameter here: the pattern allows the
// API's largest bound (10) and the WHERE keeps paths of at most $maxHops, which is the same answer
// (a shortest path within $maxHops exists exactly when the shortest path is that short). The length is
// checked after the search, not in its WHERE: a predicate on the whole path there makes Neo4j fall back
// to enumerating every path up to 10 hops when no shortest path passes it (seconds, for no path).
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
WHERE NOT a:Observation AND NOT b:Observation
WITH a, b, CASE WHEN $relationshipTypes IS NULL OR size($relationshipTypes) = 0 THEN null ELSE $relationshipTypes END AS types
MATCH p = shortestPath((a)-[*..10]-(b))
WHERE all(r IN relationships(p) WHERE types IS NULL OR type(r) IN types)
  AND none(n IN nodes(p) WHERE n:Observation)
WITH p WHERE length(p) <= coalesce($maxHops, 6)
WITH nodes(p) AS ns, relationships(p) AS rs
WITH ns, rs, ['key', 'type', 'startKey', 'endKey', 'dataset', 'sourceSection', 'sourceQuote', 'contentHash'] AS meta
RETURN coalesce($maxHops, 6) AS maxHops,
       [n IN ns | n {id: n.key, labels: labels(n), .name}] AS nodes,
       [i IN range(0, size(rs) - 1) | {
         id: rs[i].key, type: type(rs[i]),
         direction: CASE WHEN startNode(rs[i]) = ns[i] THEN 'FORWARD' ELSE 'BACKWARD' END,
         startId: startNode(rs[i]).key, endId: endNode(rs[i]).key,
         properties: [k IN keys(rs[i]) WHERE NOT k IN meta | [k, rs[i][k]]]
       }] AS relationships
LIMIT 11
