// entity/related: the batched loader behind every navigation field of the resolver path. For each request
// (`id`, an entity `key`, a relationship `type`, whether to follow it out of or into the entity, and the
// field's own rules: neighbour `labels`, relationship `role`, `asOf` days, `years`, `order`, `indexed`), the neighbours with the
// relationship's properties, in the field's order; every request of one GraphQL field level in one statement.
// The slots hold the rules as src/domain/navigation.ts writes them (EntityRepository fills them), the
// compiler's projections are built from the same fragments.
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
WITH req, n, r, m
WHERE req.labels IS NULL OR any(label IN labels(m) WHERE label IN req.labels)
// `indexed` (an indicator's observations): each with its index against the value of the indicator's base year.
WITH req, n, collect({r: r, m: m}) AS found
WITH req, CASE WHEN req.indexed THEN head([x IN found WHERE x.m.year = {{baseYear}} | x.m.value]) END AS base, found
UNWIND found AS x
WITH req, base, x.r AS r, x.m AS m
WHERE (req.role IS NULL OR {{role}})
  AND (req.asOf IS NULL OR {{inForce}})
  AND (req.years IS NULL OR m.year IN req.years)
RETURN req.id AS id, req.key AS key, r {.*, type: type(r)} AS rel,
       CASE WHEN req.indexed THEN m {.*, labels: labels(m), computedIndex: {{computedIndex}}} ELSE m {.*, labels: labels(m)} END AS node
ORDER BY id, {{order}}
