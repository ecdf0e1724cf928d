// bulk/counts: the nodes and relationships of a freshly imported store, checked against the dataset before the
// store is kept. The store holds that one dataset only (a bulk load replaces the whole database), so the counts
// come from Neo4j's count store, without reading a record.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
