// copy/dataset-relationships: a dataset's relationships as the loader wrote them (src/seed/rows.ts,
// RelationshipRow): key, type, the keys of both ends and every property.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.dataset = $dataset
RETURN r.key AS key, type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props
