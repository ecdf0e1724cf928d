// agreement/of-parties: for each party key, the agreements it is party to, oldest first (by the
// earliest enactment among its own AGREEMENT relationships, then key): the keys in that order, and
// the agreements themselves, each built by the one agreement assembly (the assembleKeys slot), as agreement/by-keys builds it.
UNWIND $keys AS partyKey
MATCH (:Entity {key: partyKey})-[k:AGREEMENT]-()
WITH partyKey, k.agreementKey AS agreementKey, min(k.enacted) AS enacted
ORDER BY partyKey, enacted, agreementKey
WITH partyKey, collect(agreementKey) AS agreementKeys
CALL (agreementKeys) {
  UNWIND agreementKeys AS key
  {{assembleKeys}}
  RETURN collect({{> agreement/record}}) AS agreements
}
RETURN partyKey AS key, agreementKeys, agreements
