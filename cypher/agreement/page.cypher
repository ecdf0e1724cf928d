// agreement/page: one keyset page of agreements; {{sort}}, {{cmp}}, {{dir}} from the whitelist in
// agreement-repository.ts.
{{> agreement/filter}}
WITH agreement, {{sort}} AS sortValue
WHERE $after IS NULL OR sortValue {{cmp}} $after.value OR (sortValue = $after.value AND agreement.key {{cmp}} $after.key)
RETURN agreement, sortValue
ORDER BY sortValue {{dir}}, agreement.key {{dir}}
LIMIT toInteger($limit)
