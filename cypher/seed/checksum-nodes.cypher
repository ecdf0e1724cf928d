// Every Entity node's key and content hash ($dataset null: all datasets), in a stable order.
MATCH (n:Entity)
WHERE $dataset IS NULL OR n.dataset = $dataset
RETURN n.key AS key, n.contentHash AS contentHash, [l IN labels(n) WHERE l <> 'Entity'] AS labels
ORDER BY key
