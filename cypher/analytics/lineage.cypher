// analytics/lineage: every plan or meeting in the SUPERSEDES chain of $id (what it superseded, and
// what superseded it, transitively), each with the SUPERSEDES relationship to its predecessor.
// The service puts them in order, oldest first.
MATCH (n:Entity {key: $id})
WHERE n:Plan OR n:Meeting
MATCH (n)-[:SUPERSEDES*0..25]-(m:Entity)
WITH DISTINCT m
OPTIONAL MATCH (m)-[s:SUPERSEDES]->(previous:Entity)
RETURN m {.*, labels: labels(m)} AS node,
       s {.*, type: type(s), startKey: m.key, endKey: previous.key} AS supersedes
ORDER BY m.key
