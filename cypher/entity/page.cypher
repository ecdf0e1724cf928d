// entity/page: one keyset page of a label's entities. {{sort}}, {{cmp}} and {{dir}} come from the
// whitelist in entity-repository.ts; $after holds the sort value and key of the last item seen.
{{> entity/filter}}
WITH n, {{sort}} AS sortValue
WHERE $after IS NULL OR sortValue {{cmp}} $after.value OR (sortValue = $after.value AND n.key {{cmp}} $after.key)
RETURN n {.*, labels: labels(n)} AS node, sortValue
ORDER BY sortValue {{dir}}, n.key {{dir}}
LIMIT toInteger($limit)
