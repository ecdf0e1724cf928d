// Rewrites nodes this dataset loaded before, by key: labels become exactly Entity + row.labels, properties exactly row.props.
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
WITH n, row, [l IN labels(n) WHERE l <> 'Entity' AND NOT l IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels)
SET n = row.props
RETURN count(n) AS written
