// Keys this dataset lists that another dataset (or no dataset) already owns: loading must not take them over.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
WHERE coalesce(n.dataset, '') <> $dataset
RETURN n.key AS key, n.dataset AS dataset
