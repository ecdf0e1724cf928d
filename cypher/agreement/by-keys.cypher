// agreement/by-keys: agreements by their keys (the agreement loader).
MATCH ()-[k:AGREEMENT]->()
WHERE k.agreementKey IN $keys
WITH collect(DISTINCT k.agreementKey) AS wanted
MATCH (a:Entity)-[r:AGREEMENT]->(b:Entity)
WHERE r.agreementKey IN wanted
WITH r.agreementKey AS key, r, a, b
ORDER BY b.name
WITH key, collect(r)[0] AS r0, collect(DISTINCT a.key) AS fromKeys, collect(b.key) AS toKeys
RETURN {key: key, kind: r0.kind, name: r0.name, enacted: r0.enacted, revisions: coalesce(r0.revisions, []),
        status: r0.status, partyKeys: fromKeys + toKeys, dataset: r0.dataset,
        sourceSection: r0.sourceSection, sourceQuote: r0.sourceQuote} AS agreement
