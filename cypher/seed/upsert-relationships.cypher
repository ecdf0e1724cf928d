// Creates or rewrites relationships by key between two existing nodes; the type comes from a validated whitelist.
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r = row.props
RETURN count(r) AS written
