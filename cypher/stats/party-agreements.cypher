// stats/party-agreements: how many agreements each party is party to (distinct agreementKey), per kind, in all
// (`*`), and how many kinds they are of (`kinds`), as a histogram per primary label ($labels) of the party.
MATCH (n:Entity)
WHERE EXISTS { (n)-[:AGREEMENT]-() }
CALL (n) {
  MATCH (n)-[r:AGREEMENT]-()
  WITH DISTINCT r.agreementKey AS key, toString(r.kind) AS kind
  WITH kind, count(*) AS agreements
  WITH collect([kind, agreements]) AS perKind
  UNWIND perKind + [['*', reduce(s = 0, k IN perKind | s + k[1])], ['kinds', size(perKind)]] AS row
  RETURN row[0] AS kind, row[1] AS agreements
}
RETURN coalesce([l IN labels(n) WHERE l IN $labels][0], '?') AS label, kind, agreements, count(*) AS parties
