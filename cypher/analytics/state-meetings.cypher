// analytics/state-meetings: every meeting with its start, end and administrations (the service
// keeps those in force on the date asked, with inForceOn), and the entities those link to
// (`n {.*, labels: labels(n)}`, as entity/by-keys reads them) so that no second round trip fetches them.
MATCH (m:Meeting)
OPTIONAL MATCH (m)-[a:ADMINISTERED_BY]->(o:Entity)
WITH m, collect(CASE WHEN a IS NULL THEN null ELSE {rel: a {.*, type: type(a)}, fromKey: m.key, toKey: o.key} END) AS administrations,
     collect(o {.*, labels: labels(o)}) AS administrators
OPTIONAL MATCH (m)-[p:PART_OF]->(parent:Meeting)
WITH m, administrations, administrators,
     collect(CASE WHEN p IS NULL THEN null ELSE {rel: p {.*, type: type(p)}, fromKey: m.key, toKey: parent.key} END) AS parents,
     collect(parent {.*, labels: labels(parent)}) AS parentNodes
RETURN m {.*, labels: labels(m)} AS node, administrations, parents, administrators + parentNodes AS linked
ORDER BY m.name
