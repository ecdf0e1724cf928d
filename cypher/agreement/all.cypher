// agreement/all: every agreement as one row: the AGREEMENT relationships that share an
// agreementKey, grouped, the Japanese side first. Shared by the agreement statements.
MATCH (a:Entity)-[r:AGREEMENT]->(b:Entity)
WITH r.agreementKey AS key, r, a, b
ORDER BY b.name
WITH key, collect(r)[0] AS r0, collect(DISTINCT a.key) AS fromKeys, collect(b.key) AS toKeys
WITH key, r0, fromKeys + toKeys AS partyKeys,
     {key: key, kind: r0.kind, name: r0.name, enacted: r0.enacted, revisions: coalesce(r0.revisions, []),
      status: r0.status, note: r0.note, partyKeys: fromKeys + toKeys, dataset: r0.dataset,
      sourceSection: r0.sourceSection, sourceQuote: r0.sourceQuote,
        inferred: r0.inferred, reading: r0.reading, existsFrom: r0.existsFrom, existsUntil: r0.existsUntil} AS agreement
