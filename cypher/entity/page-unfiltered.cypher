// entity/page-unfiltered: one keyset page of a label's entities in name or key order when no filter is set.
// The start ({{start}}: at or after the cursor's sort value $from, or anywhere on the first page) and the
// order come from a range index on {{prop}}, so the database reads one page's worth of index entries whatever
// the depth: page 5,000 costs what page 1 costs. {{indexLabel}} is the label whose index holds {{prop}} (the
// label itself for names, Entity for keys); the row's node is {{node}}, as in entity/page. Every slot comes from the whitelist in entity-repository.ts.
MATCH (n:{{indexLabel}})
WHERE {{start}} AND n:{{label}}
WITH n
WHERE $after IS NULL OR n.{{prop}} {{cmp}} $after.value OR n.key {{cmp}} $after.key
RETURN {{node}} AS node, n.{{prop}} AS sortValue
ORDER BY n.{{prop}} {{dir}}, n.key {{dir}}
LIMIT toInteger($limit)
