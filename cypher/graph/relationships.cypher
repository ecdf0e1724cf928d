// graph/relationships: every relationship between the given nodes, with its type, properties and end keys.
UNWIND $keys AS key
MATCH (a:Entity {key: key})-[r]->(b:Entity)
WHERE b.key IN $keys
RETURN r {.*, type: type(r)} AS rel, a.key AS startKey, b.key AS endKey
ORDER BY r.key
