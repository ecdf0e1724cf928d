// Removes up to $limit nodes of this dataset with their relationships (undoing a batched first load that
// failed part-way); run until it deletes nothing.
MATCH (n:Entity {dataset: $dataset})
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
