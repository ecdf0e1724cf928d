// agreement/keys-of-parties: for each party key, the keys of the agreements it is party to.
UNWIND $keys AS key
MATCH (:Entity {key: key})-[r:AGREEMENT]-()
WITH key, r.agreementKey AS agreementKey, min(r.enacted) AS enacted
ORDER BY key, enacted, agreementKey
RETURN key, collect(agreementKey) AS agreementKeys
