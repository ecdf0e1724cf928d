// agreement/by-keys: agreements by their keys (the agreement loader), each with its parties
// (`n {.*, labels: labels(n)}`, as entity/by-keys reads them) so that `parties` costs no second
// round trip.
MATCH ()-[k:AGREEMENT]->()
WHERE k.agreementKey IN $keys
WITH collect(DISTINCT k.agreementKey) AS wanted
MATCH (a:Entity)-[r:AGREEMENT]->(b:Entity)
WHERE r.agreementKey IN wanted
WITH r.agreementKey AS key, r, a, b
ORDER BY b.name
WITH key, collect(r)[0] AS r0, collect(DISTINCT a.key) AS fromKeys, collect(b.key) AS toKeys,
     collect(DISTINCT a {.*, labels: labels(a)}) AS fromNodes, collect(b {.*, labels: labels(b)}) AS toNodes
RETURN {{> agreement/record}} AS agreement,
       fromNodes + toNodes AS parties
