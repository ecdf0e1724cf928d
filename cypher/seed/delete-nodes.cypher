// Removes nodes of this dataset that it no longer lists (their relationships belong to the same dataset).
UNWIND $keys AS key
MATCH (n:Entity {key: key})
WHERE n.dataset = $dataset
DETACH DELETE n
RETURN count(*) AS deleted
