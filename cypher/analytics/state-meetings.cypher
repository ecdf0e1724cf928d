// analytics/state-meetings: every meeting with its start, end and administrations (the service
// keeps those in force on the date asked, with inForceOn).
MATCH (m:Meeting)
OPTIONAL MATCH (m)-[a:ADMINISTERED_BY]->(o:Entity)
WITH m, collect(CASE WHEN a IS NULL THEN null ELSE {rel: a {.*, type: type(a)}, fromKey: m.key, toKey: o.key} END) AS administrations
OPTIONAL MATCH (m)-[p:PART_OF]->(parent:Meeting)
WITH m, administrations, collect(CASE WHEN p IS NULL THEN null ELSE {rel: p {.*, type: type(p)}, fromKey: m.key, toKey: parent.key} END) AS parents
RETURN m {.*, labels: labels(m)} AS node, administrations, parents
ORDER BY m.name
