// Removes relationships of this dataset by key (no longer listed, or re-typed / re-pointed and about to be re-created).
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})-[r]->()
WHERE r.key = row.key AND r.dataset = $dataset
DELETE r
RETURN count(*) AS deleted
