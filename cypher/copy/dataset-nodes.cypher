// copy/dataset-nodes: a dataset's nodes as the loader wrote them (src/seed/rows.ts, NodeRow): the key, the labels
// besides Entity and every property, read from the public database to load the analyst's copy (src/seed/copy.ts).
MATCH (n:Entity)
WHERE n.dataset = $dataset
RETURN n.key AS key, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props
