// Creates the relationships this dataset lists for the first time, or whose type or ends changed (the old one
// was deleted first). The type comes from the validated whitelist in src/seed/format.ts.
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
