// Whether any node of this dataset is in the database (a first load of a dataset finds none).
OPTIONAL MATCH (n:Entity {dataset: $dataset})
WITH n LIMIT 1
RETURN n IS NOT NULL AS present
