// entity/related: the batched loader behind every navigation field. For each request (an entity
// key, a relationship type, and whether to follow it out of or into the entity), the neighbours
// with the relationship's properties; every request of one GraphQL field level in one statement.
// Within one request the order is entity/neighbour-order: ordinal, then date (on, from, enacted), then name.
UNWIND $requests AS req
MATCH (n:Entity {key: req.key})
CALL (n, req) {
  MATCH (n)-[r:$(req.type)]->(m:Entity)
  WHERE req.outgoing
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:$(req.type)]-(m:Entity)
  WHERE NOT req.outgoing
  RETURN r, m
}
RETURN req.key AS key, req.type AS type, req.outgoing AS outgoing,
       m {.*, labels: labels(m)} AS node, r {.*, type: type(r)} AS rel
ORDER BY key, type, outgoing, {{> entity/neighbour-order}}
