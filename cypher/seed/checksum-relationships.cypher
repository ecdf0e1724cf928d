// Every relationship between Entity nodes, with its key, type, ends and content hash, in a stable order.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $dataset IS NULL OR r.dataset = $dataset
RETURN r.key AS key, type(r) AS type, a.key AS from, b.key AS to, r.contentHash AS contentHash
ORDER BY key, type, from, to
