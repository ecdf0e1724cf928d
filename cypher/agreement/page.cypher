// agreement/page: one keyset page of agreements; {{sort}}, {{cmp}}, {{dir}} from the whitelist in
// agreement-repository.ts. Each with its parties (`n {.*, labels: labels(n)}`, as entity/by-keys
// reads them), so that `parties` and `partners` cost no second round trip.
{{> agreement/filter}}
WITH agreement, {{sort}} AS sortValue
WHERE $after IS NULL OR sortValue {{cmp}} $after.value OR (sortValue = $after.value AND agreement.key {{cmp}} $after.key)
WITH agreement, sortValue
ORDER BY sortValue {{dir}}, agreement.key {{dir}}
LIMIT toInteger($limit)
CALL (agreement) {
  UNWIND agreement.partyKeys AS partyKey
  MATCH (party:Entity {key: partyKey})
  RETURN collect(party {.*, labels: labels(party)}) AS parties
}
RETURN agreement, sortValue, parties
ORDER BY sortValue {{dir}}, agreement.key {{dir}}
