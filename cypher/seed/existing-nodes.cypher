// The nodes this dataset loaded before, with the hash of what was loaded (to tell created/updated/unchanged).
MATCH (n:Entity)
WHERE n.dataset = $dataset
RETURN n.key AS key, n.contentHash AS contentHash
