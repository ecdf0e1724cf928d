// analytics/partners-multiple-kinds: partners (the far side of AGREEMENT relationships) with at
// least $minKinds different kinds of agreement, with the kinds and the agreement keys.
MATCH (:Entity)-[r:AGREEMENT]->(p:Entity)
WITH p, collect(DISTINCT r.kind) AS kinds, collect(DISTINCT r.agreementKey) AS agreementKeys
WHERE size(kinds) >= $minKinds
RETURN p {.*, labels: labels(p)} AS node, kinds, agreementKeys
ORDER BY size(kinds) DESC, p.name
