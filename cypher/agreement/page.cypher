// agreement/page: one keyset page of agreements; {{sort}}, {{cmp}}, {{dir}} from the whitelist in
// agreement-repository.ts. Each with its parties (`n {.*, labels: labels(n)}`, as entity/by-keys
// reads them) when $parties, so that `parties` and `partners` cost no second round trip (the compiler reads
// what its selection asks for itself: no parties, an empty list).
{{> agreement/filter}}
WITH agreement, {{sort}} AS sortValue
WHERE $after IS NULL OR sortValue {{cmp}} $after.value OR (sortValue = $after.value AND agreement.key {{cmp}} $after.key)
WITH agreement, sortValue
ORDER BY sortValue {{dir}}, agreement.key {{dir}}
LIMIT toInteger($limit)
CALL (agreement) {
  UNWIND CASE WHEN $parties THEN agreement.partyKeys ELSE [] END AS partyKey
  MATCH (party:Entity {key: partyKey})
  RETURN collect(party {.*, labels: labels(party)}) AS parties
}
RETURN agreement, sortValue, parties
ORDER BY sortValue {{dir}}, agreement.key {{dir}}
