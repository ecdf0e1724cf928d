// analytics/shortest-path: the shortest path(s) between two entities, walked in either direction.
// {{fn}} (shortestPath | allShortestPaths) and {{maxHops}} (an integer 1-10) come from the whitelist
// in analytics-repository.ts: Cypher takes neither as a parameter. $types (null = any) restricts the
// relationship types; observations (figures, not bodies) are never part of a path, nor its ends
// (the service reads this with the endpoints and answers NOT_FOUND for an observation).
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
WHERE NOT a:Observation AND NOT b:Observation
MATCH p = {{fn}}((a)-[*..{{maxHops}}]-(b))
WHERE all(r IN relationships(p) WHERE $types IS NULL OR type(r) IN $types)
  AND none(n IN nodes(p) WHERE n:Observation)
RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | r {.*, type: type(r), startKey: startNode(r).key, endKey: endNode(r).key}] AS rels
LIMIT $limit
