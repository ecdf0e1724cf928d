// bulk/counts: the nodes and relationships of $dataset, checked against the dataset after a bulk import and
// before the imported store is kept.
CALL () { MATCH (n:Entity {dataset: $dataset}) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() WHERE r.dataset = $dataset RETURN count(r) AS relationships }
RETURN nodes, relationships
