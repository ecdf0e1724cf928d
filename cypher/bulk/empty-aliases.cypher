// bulk/empty-aliases: after a bulk import, the nodes whose alias list was empty (a CSV field cannot hold an empty
// list, so they have none) get the empty list a transactional load stores. Every node's aliases is a list.
// Auto-commit: it commits every 10,000 nodes.
MATCH (n:Entity {dataset: $dataset})
WHERE n.aliases IS NULL
CALL (n) {
  SET n.aliases = []
} IN TRANSACTIONS OF 10000 ROWS
