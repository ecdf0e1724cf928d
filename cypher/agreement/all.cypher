// agreement/all: every agreement as one row: the AGREEMENT relationships that share an
// agreementKey, grouped, the Japanese side first. Shared by the agreement statements.
MATCH (a:Entity)-[r:AGREEMENT]->(b:Entity)
WITH r.agreementKey AS key, r, a, b
ORDER BY b.name
WITH key, collect(r)[0] AS r0, collect(DISTINCT a.key) AS fromKeys, collect(b.key) AS toKeys
WITH key, r0, fromKeys + toKeys AS partyKeys,
     {{> agreement/record}} AS agreement
