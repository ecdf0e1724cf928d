// bulk/empty-node-lists: after a bulk import, the other empty list properties of nodes ($rows: key, props).
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
SET n += row.props
RETURN count(n) AS written
