// bulk/foreign-datasets: the datasets other than $dataset that hold nodes (null for nodes of no dataset). A bulk
// load replaces the whole store, so it refuses to run over any of them (src/seed/bulk/bulk-load.ts).
MATCH (n:Entity)
WHERE n.dataset IS NULL OR n.dataset <> $dataset
RETURN DISTINCT n.dataset AS dataset
LIMIT 10
