// stats/degrees: how many neighbours each node has, as a histogram per node label ($labels: the primary labels):
// for each relationship type, direction (`out` of or `in` to the node), neighbour label and `role` (CHAIRS) a
// node's neighbours are counted, and the nodes with each count are counted. `*` rolls up neighbour labels and
// roles, and type `*` counts every relationship of the node. Counted node by node, so the memory it needs grows
// with the number of combinations and distinct counts, not with the graph (src/neo4j/graph-stats.ts).
MATCH (n:Entity)
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       coalesce([l IN labels(m) WHERE l IN $labels][0], '?') AS neighbour, toString(r.role) AS role
  UNWIND CASE WHEN role IS NULL
    THEN [[type, direction, neighbour, '*'], [type, direction, '*', '*'], ['*', '*', '*', '*']]
    ELSE [[type, direction, neighbour, role], [type, direction, neighbour, '*'], [type, direction, '*', role], [type, direction, '*', '*'], ['*', '*', '*', '*']]
  END AS key
  RETURN key, count(*) AS degree
}
WITH coalesce([l IN labels(n) WHERE l IN $labels][0], '?') AS label, key, degree
RETURN label, key[0] AS type, key[1] AS direction, key[2] AS neighbour, key[3] AS role, degree, count(*) AS nodes
