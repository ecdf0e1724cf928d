// agreement/of-parties: for each request (`req`: an entity's `key`, the agreement `kinds` it keeps or null, the
// days `asOf` [first, last] the agreements must exist on or null, its `id`), the agreements the entity is party
// to, oldest first (by the earliest enactment among its own AGREEMENT relationships, then key): the keys in that
// order, and the agreements themselves, built by the one agreement assembly (the assembleKeys slot), as
// agreement/by-keys builds them. The ofKinds and existsAsOf slots hold the rules of src/domain/navigation.ts, as
// the compiler applies them.
UNWIND $requests AS req
MATCH (:Entity {key: req.key})-[k:AGREEMENT]-()
WITH req, k.agreementKey AS agreementKey, k.kind AS kind, min(k.enacted) AS enacted
WHERE {{ofKinds}}
WITH req, agreementKey, enacted
ORDER BY req.id, enacted, agreementKey
WITH req, collect(agreementKey) AS agreementKeys
CALL (agreementKeys) {
  UNWIND agreementKeys AS key
  {{assembleKeys}}
  RETURN collect({{> agreement/record}}) AS agreements
}
RETURN req.id AS id, agreementKeys, [a IN agreements WHERE req.asOf IS NULL OR {{existsAsOf}}] AS agreements
