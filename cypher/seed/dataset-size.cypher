// seed/dataset-size: how much of a dataset is in the database (its nodes and their relationships: a dataset's
// relationships join its own nodes only, src/seed/format.ts), and whether its (:Dataset) node is there,
// before `npm run seed -- --remove` removes it.
OPTIONAL MATCH (n:Entity {dataset: $dataset})
OPTIONAL MATCH (n)-[r]->()
WITH count(DISTINCT n) AS nodes, count(r) AS relationships
OPTIONAL MATCH (d:Dataset {id: $dataset})
RETURN nodes, relationships, d IS NOT NULL AS registered
