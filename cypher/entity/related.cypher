// entity/related: for each key, its neighbours through one relationship type in one direction,
// with the relationship's properties (the batched loader behind every navigation field).
UNWIND $keys AS key
MATCH (n:Entity {key: key})
CALL (n) {
  MATCH (n)-[r:$($type)]->(m:Entity)
  WHERE $outgoing
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:$($type)]-(m:Entity)
  WHERE NOT $outgoing
  RETURN r, m
}
RETURN key, m {.*, labels: labels(m)} AS node, r {.*, type: type(r)} AS rel
ORDER BY key, coalesce(r.ordinal, 0), coalesce(r.on, r.from, r.enacted, ''), m.name
