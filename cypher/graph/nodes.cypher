// graph/nodes: every node of the graph with all its properties, in key order, at most $limit (graph-file exports
// of the whole dataset read $limit + 1 to tell that they were cut).
MATCH (n:Entity)
RETURN n {.*, labels: labels(n)} AS node
ORDER BY n.key
LIMIT $limit
