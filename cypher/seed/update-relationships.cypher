// Rewrites the properties of relationships this dataset loaded before whose type and ends are unchanged,
// found from their ends (two index seeks and an expand between them, never a scan of all relationships).
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})-[r]->(b:Entity {key: row.to})
WHERE r.key = row.key AND type(r) = row.type
SET r = row.props
RETURN count(r) AS written
