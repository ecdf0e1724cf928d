// entity/related: the batched loader behind every navigation field of the resolver path. For each request
// (`id`, an entity `key`, a relationship `type`, whether to follow it out of or into the entity, and the
// field's own rules: neighbour `labels`, relationship `role`, `asOf` days, `order`), the neighbours with the
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
WITH req, r, m
WHERE (req.labels IS NULL OR any(label IN labels(m) WHERE label IN req.labels))
  AND (req.role IS NULL OR {{role}})
  AND (req.asOf IS NULL OR {{inForce}})
RETURN req.id AS id, req.key AS key, m {.*, labels: labels(m)} AS node, r {.*, type: type(r)} AS rel
ORDER BY id, {{order}}
