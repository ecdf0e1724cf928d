// The relationships this dataset loaded before. Both ends of a dataset's relationship are nodes of the same
// dataset (the validator refuses anything else), so starting from its nodes finds them all.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.dataset = $dataset AND r.dataset = $dataset
RETURN r.key AS key, type(r) AS type, a.key AS from, b.key AS to, r.contentHash AS contentHash
