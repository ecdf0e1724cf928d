// analytics/state-meetings: the meetings that existed on the date $stateDays ([first day, last day]), each with
// its start, its administrations and parent in force on that date, and the entities those link to
// (`n {.*, labels: labels(n)}`, as entity/by-keys reads them) so that no second round trip fetches them. The
// slots hold the rules of src/domain/navigation.ts (existsCondition, inForceCondition), as the compiler applies them.
MATCH (m:Meeting)
WHERE {{meetingExists}}
OPTIONAL MATCH (m)-[a:ADMINISTERED_BY]->(o:Entity)
WHERE {{administrationHeld}}
WITH m, collect(CASE WHEN a IS NULL THEN null ELSE {rel: a {.*, type: type(a)}, fromKey: m.key, toKey: o.key} END) AS administrations,
     collect(o {.*, labels: labels(o)}) AS administrators
OPTIONAL MATCH (m)-[p:PART_OF]->(parent:Meeting)
WHERE {{parentHeld}}
WITH m, administrations, administrators,
     collect(CASE WHEN p IS NULL THEN null ELSE {rel: p {.*, type: type(p)}, fromKey: m.key, toKey: parent.key} END) AS parents,
     collect(parent {.*, labels: labels(parent)}) AS parentNodes
RETURN m {.*, labels: labels(m)} AS node, administrations, parents, administrators + parentNodes AS linked
ORDER BY m.name
