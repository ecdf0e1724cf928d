// seed/delete-dataset-node: the (:Dataset) node of a removed dataset: its version leaves every reader's fence
// reads and every ETag (src/http/http-cache.ts).
MATCH (d:Dataset {id: $dataset})
DELETE d
RETURN count(*) AS deleted
