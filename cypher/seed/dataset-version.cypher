// seed/dataset-version: the last write of a load: the dataset's version (its content hash). Readers compare it
// before and after their reads (src/neo4j/consistency.ts); the HTTP cache reads it as `MATCH (d:Dataset)`.
MERGE (d:Dataset {id: $dataset})
WITH d, d.version = $version AS same
SET d.version = $version, d.dataset = $dataset, d.loadedAt = CASE WHEN same THEN d.loadedAt ELSE datetime() END
RETURN same
