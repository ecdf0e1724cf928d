// analytics/common-ground: the entities directly linked to both $a and $b (of $types; null = any),
// with the relationships that link each side.
MATCH (a:Entity {key: $a})-[ra]-(n:Entity)-[rb]-(b:Entity {key: $b})
WHERE n <> a AND n <> b AND NOT n:Observation
  AND ($types IS NULL OR (type(ra) IN $types AND type(rb) IN $types))
WITH n,
     collect(DISTINCT ra {.*, type: type(ra), startKey: startNode(ra).key, endKey: endNode(ra).key}) AS viaA,
     collect(DISTINCT rb {.*, type: type(rb), startKey: startNode(rb).key, endKey: endNode(rb).key}) AS viaB
RETURN n {.*, labels: labels(n)} AS node, viaA, viaB
ORDER BY n.name
LIMIT toInteger($limit)
