// stats/agreements: the agreements (one per agreementKey, however many AGREEMENT relationships it has), grouped by
// kind, year of enactment, number of parties (as the agreement record counts them: the distinct parties on the
// Japanese side and one per partner edge, cypher/agreement/by-keys.cypher) and most revisions.
MATCH (a:Entity)-[r:AGREEMENT]->(:Entity)
WITH r.agreementKey AS key, collect(r) AS rels, count(DISTINCT a) + count(*) AS parties
WITH rels[0] AS r0, parties, reduce(most = 0, x IN rels | CASE WHEN size(coalesce(x.revisions, [])) > most THEN size(coalesce(x.revisions, [])) ELSE most END) AS revisions
RETURN toString(r0.kind) AS kind, left(toString(r0.enacted), 4) AS year, parties, revisions, count(*) AS agreements
