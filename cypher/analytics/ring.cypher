// analytics/ring (a fragment: included by analytics/expand and by the compiled neighbourhood,
// src/compiler/analyst-roots.ts): from the frontier entity `key`, every relationship (of $types;
// null = any) that touches it, with the entity at its other end (never an observation), in the
// ring's order, at most $limit rows over the whole frontier. Leaves `n` (the frontier entity), `r`
// and `m`.
MATCH (n:Entity {key: key})-[r]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types) AND NOT m:Observation
WITH n, r, m ORDER BY n.key, m.key, r.key LIMIT toInteger($limit)
