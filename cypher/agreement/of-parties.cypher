// agreement/of-parties: for each party key, the agreements it is party to, oldest first (by the
// earliest enactment among its own AGREEMENT relationships, then key): the keys in that order, and
// the agreements themselves, each built exactly as agreement/by-keys builds it.
UNWIND $keys AS partyKey
MATCH (:Entity {key: partyKey})-[k:AGREEMENT]-()
WITH partyKey, k.agreementKey AS agreementKey, min(k.enacted) AS enacted
ORDER BY partyKey, enacted, agreementKey
WITH partyKey, collect(agreementKey) AS agreementKeys
CALL (agreementKeys) {
  MATCH (a:Entity)-[r:AGREEMENT]->(b:Entity)
  WHERE r.agreementKey IN agreementKeys
  WITH r.agreementKey AS key, r, a, b
  ORDER BY b.name
  WITH key, collect(r)[0] AS r0, collect(DISTINCT a.key) AS fromKeys, collect(b.key) AS toKeys
  RETURN collect({{> agreement/record}}) AS agreements
}
RETURN partyKey AS key, agreementKeys, agreements
