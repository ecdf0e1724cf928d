// analytics/state-hostings: every HOSTED relationship with its period (the service works out which
// were in force on the date asked), and both ends (`n {.*, labels: labels(n)}`, as entity/by-keys
// reads them).
MATCH (host:Entity)-[h:HOSTED]->(body:Entity)
RETURN {rel: h {.*, type: type(h)}, fromKey: host.key, toKey: body.key} AS hosting,
       [host {.*, labels: labels(host)}, body {.*, labels: labels(body)}] AS linked
ORDER BY body.key, coalesce(h.from, ''), host.key
