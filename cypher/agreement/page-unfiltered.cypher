// agreement/page-unfiltered: one keyset page of agreements when no filter is set, read in order from the
// AGREEMENT range index on {{prop}} (name, agreementKey or enacted): first the page's agreement keys, at most
// $limit from the cursor on ({{start}}), then only those agreements grouped, so that a page costs the same
// however many agreements there are. The edges of one agreement share their kind, name and date
// (src/seed/format.ts checks it), so an edge's value is its agreement's. Agreements without {{prop}} (undated
// ones in date order) sort after the others in the order asked for, as {{none}}: a backward page reads the
// other way, so it reads them first ($undatedFirst); a forward page reads them only when the indexed ones do not
// fill it. Each agreement built by the one agreement assembly (the assembleNodes slot), with its parties (`n {.*, labels: labels(n)}`) when $parties, as agreement/page returns them.
// Every slot comes from the whitelist in agreement-repository.ts.
CALL () {
  WITH 1 AS one
  WHERE $undatedFirst
{{> agreement/page-undated}}
  RETURN collect(key) AS head
}
CALL (head) {
  WITH head
  WHERE size(head) < toInteger($limit)
  MATCH ()-[k:AGREEMENT]->()
  WHERE {{start}}
  WITH DISTINCT k.{{prop}} AS value, k.agreementKey AS key
  WHERE $after IS NULL OR value {{cmp}} $after.value OR (value = $after.value AND key {{cmp}} $after.key)
  WITH value, key
  ORDER BY value {{dir}}, key {{dir}}
  LIMIT toInteger($limit)
  RETURN collect(key) AS indexed
}
CALL (head, indexed) {
  WITH head, indexed
  WHERE NOT $undatedFirst AND size(indexed) < toInteger($limit)
  // In a subquery of its own: a condition on the imported lists is otherwise planned after the index scan, so
  // every page read every AGREEMENT edge (db hits growing with the agreements) even when the tail was not needed.
  CALL () {
{{> agreement/page-undated}}
    RETURN key
  }
  RETURN collect(key) AS tail
}
UNWIND (head + indexed + tail)[..toInteger($limit)] AS key
CALL (key) {
  {{assembleNodes}}
  RETURN {{> agreement/record}} AS agreement, CASE WHEN $parties THEN [p IN fromNodes + toNodes | p {.*, labels: labels(p)}] ELSE [] END AS parties
}
WITH agreement, {{sort}} AS sortValue, parties
RETURN agreement, sortValue, parties
ORDER BY sortValue {{dir}}, agreement.key {{dir}}
