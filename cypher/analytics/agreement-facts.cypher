// analytics/agreement-facts: one row per agreement and partner (kind, enactment date), the raw
// material of agreementStats. A multilateral agreement gives one row per partner.
MATCH (:Entity)-[r:AGREEMENT]->(p:Entity)
RETURN r.agreementKey AS agreementKey, r.kind AS kind, r.enacted AS enacted,
       p {.*, labels: labels(p)} AS partner
ORDER BY agreementKey, p.key
