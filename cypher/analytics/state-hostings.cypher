// analytics/state-hostings: every HOSTED relationship with its period (the service works out which
// were in force on the date asked).
MATCH (host:Entity)-[h:HOSTED]->(body:Entity)
RETURN {rel: h {.*, type: type(h)}, fromKey: host.key, toKey: body.key} AS hosting
ORDER BY body.key, coalesce(h.from, ''), host.key
