// copy/drop-dataset: the dataset's version node, once its records are gone from the copy (the public database
// no longer holds the dataset).
MATCH (d:Dataset {id: $dataset})
DELETE d
RETURN count(*) AS deleted
