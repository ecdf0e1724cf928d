// analytics/state-hostings: the HOSTED relationships in force on the date $stateDays ([first day, last day]; the
// slot holds src/domain/navigation.ts inForceCondition), and both ends (`n {.*, labels: labels(n)}`, as
// entity/by-keys reads them).
MATCH (host:Entity)-[h:HOSTED]->(body:Entity)
WHERE {{hostingHeld}}
RETURN {rel: h {.*, type: type(h)}, fromKey: host.key, toKey: body.key} AS hosting,
       [host {.*, labels: labels(host)}, body {.*, labels: labels(body)}] AS linked
ORDER BY body.key, coalesce(h.from, ''), host.key
