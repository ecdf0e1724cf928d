// entity/page: one keyset page of a label's entities. {{sort}}, {{cmp}}, {{dir}} and the row's node ({{node}}: the
// whole record, or the node itself for the compiler, which projects what its selection reads) come from the
// whitelist in entity-repository.ts; $after holds the sort value and key of the last item seen.
{{> entity/filter}}
WITH n, {{sort}} AS sortValue
WHERE $after IS NULL OR sortValue {{cmp}} $after.value OR (sortValue = $after.value AND n.key {{cmp}} $after.key)
RETURN {{node}} AS node, sortValue
ORDER BY sortValue {{dir}}, n.key {{dir}}
LIMIT toInteger($limit)
