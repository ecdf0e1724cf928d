// Relationship keys this dataset lists that another dataset (or no dataset) already owns.
MATCH ()-[r]->()
WHERE r.key IN $keys AND coalesce(r.dataset, '') <> $dataset
RETURN r.key AS key, r.dataset AS dataset
