// floor/agreement-detail (AgreementDetail $id): one agreement and every party. An agreement is the
// AGREEMENT relationships sharing `agreementKey` = $id: its facts come from the first of them (by
// partner name), its parties are the Japanese side first, then the partners by name; multilateral
// means more than two parties. An id that is no agreement falls back to the entity with that key
// (the operation then asks for its type and id only), as `node(id:)` does.
OPTIONAL MATCH (e:Entity {key: $id})
WHERE NOT e:Observation
CALL () {
  MATCH (a:Entity)-[r:AGREEMENT {agreementKey: $id}]->(b:Entity)
  WITH r, a, b ORDER BY b.name
  WITH collect(r)[0] AS r0, collect(DISTINCT a {id: a.key, labels: labels(a), .name}) AS froms,
       collect(b {id: b.key, labels: labels(b), .name}) AS tos
  RETURN CASE WHEN r0 IS NULL THEN null ELSE {
    id: $id, labels: ['Agreement'], name: r0.name, kind: r0.kind, multilateral: size(froms) + size(tos) > 2,
    status: r0.status, enacted: r0.enacted, parties: froms + tos,
    provenance: {dataset: r0.dataset, section: r0.sourceSection, quote: r0.sourceQuote}
  } END AS agreement
}
RETURN coalesce(agreement, e {id: e.key, labels: labels(e)}) AS node
