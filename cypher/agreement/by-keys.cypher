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
RETURN {key: key, kind: r0.kind, name: r0.name, enacted: r0.enacted, revisions: coalesce(r0.revisions, []),
        status: r0.status, note: r0.note, partyKeys: fromKeys + toKeys, dataset: r0.dataset,
        sourceSection: r0.sourceSection, sourceQuote: r0.sourceQuote,
        inferred: r0.inferred, reading: r0.reading, existsFrom: r0.existsFrom, existsUntil: r0.existsUntil} AS agreement,
       fromNodes + toNodes AS parties
