// floor/partner-agreements (PartnerAgreements $id, $kinds): a partner with the kinds of all its
// agreements and its agreements (of $kinds; null or empty = all), oldest first. Each agreement is
// the AGREEMENT relationships sharing its `agreementKey`: facts from the first (by partner name),
// multilateral when it has more than two parties. A partner that is not a Country gives only its id
// and labels, as the operation's fragment does.
MATCH (c:Entity {key: $id})
WHERE NOT c:Observation
CALL (c) {
  MATCH (c)-[x:AGREEMENT]-()
  WITH x.agreementKey AS agreementKey, min(x.enacted) AS since
  ORDER BY since, agreementKey
  CALL (agreementKey) {
    MATCH (a:Entity)-[r:AGREEMENT {agreementKey: agreementKey}]->(b:Entity)
    WITH r, a, b ORDER BY b.name
    WITH collect(r)[0] AS r0, count(DISTINCT a) + count(b) AS parties
    RETURN {
      id: agreementKey, name: r0.name, kind: r0.kind, multilateral: parties > 2, status: r0.status,
      enacted: r0.enacted, revisions: coalesce(r0.revisions, []),
      provenance: {dataset: r0.dataset, section: r0.sourceSection, quote: r0.sourceQuote}
    } AS agreement
  }
  RETURN collect(agreement) AS agreements
}
WITH c, agreements, reduce(kinds = [], a IN agreements | CASE WHEN a.kind IN kinds THEN kinds ELSE kinds + a.kind END) AS agreementKinds
RETURN CASE WHEN NOT c:Country THEN c {id: c.key, labels: labels(c)} ELSE c {
  id: c.key, labels: labels(c), .name, aliases: coalesce(c.aliases, []), .kind,
  agreementKinds: agreementKinds,
  agreements: [a IN agreements WHERE $kinds IS NULL OR size($kinds) = 0 OR a.kind IN $kinds]
} END AS node
