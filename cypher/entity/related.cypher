// entity/related: the batched loader behind every navigation field of the resolver path. For each request
// (`id`, an entity `key`, a relationship `type`, whether to follow it out of or into the entity, and the
// field's own rules: neighbour `labels`, relationship `role`, `asOf` days, `years`, `order`, `indexed`), the neighbours with the
// relationship's properties, in the field's order; every request of one GraphQL field level in one statement.
// The slots hold the rules as src/domain/navigation.ts writes them (EntityRepository fills them), the
// compiler's projections are built from the same fragments.
UNWIND $requests AS req
MATCH (n:Entity {key: req.key})
// `indexed` (an indicator's observations): the value of the indicator's base year, which each is indexed against.
// Read apart, so that the neighbours are never collected into one list: every buffered row of the sort below was
// charged that whole list by Neo4j's memory tracking (a country's 15,000 bodies outgrew the 256 MiB a transaction
// may use at 100k nodes: docs/benchmarks.md).
OPTIONAL CALL (n, req) {
  WITH n, req WHERE req.indexed
  MATCH (n)-[r:$(req.type)]-(m:Entity)
  WHERE (startNode(r) = n) = req.outgoing AND m.year = {{baseYear}}
    AND (req.labels IS NULL OR any(label IN labels(m) WHERE label IN req.labels))
  RETURN m.value AS base
  LIMIT 1
}
CALL (n, req) {
  MATCH (n)-[r:$(req.type)]->(m:Entity)
  WHERE req.outgoing
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:$(req.type)]-(m:Entity)
  WHERE NOT req.outgoing
  RETURN r, m
}
WITH req, base, r, m
WHERE (req.labels IS NULL OR any(label IN labels(m) WHERE label IN req.labels))
  AND (req.role IS NULL OR {{role}})
  AND (req.asOf IS NULL OR {{inForce}})
  AND (req.years IS NULL OR m.year IN req.years)
RETURN req.id AS id, req.key AS key, r {.*, type: type(r)} AS rel,
       CASE WHEN req.indexed THEN m {.*, labels: labels(m), computedIndex: {{computedIndex}}} ELSE m {.*, labels: labels(m)} END AS node
ORDER BY id, {{order}}
