// floor/state-as-of (StateAsOf $date): what existed and held on a date, by the API's `inForceOn`
// rule (src/services/time.ts): a period is in force when its start (earliest day) is on or before
// the last day $date stands for and its end (earliest day) is after the first day; an unknown start
// counts as "always was", an unknown end as "still is". Gives the meetings in force (since their
// establishment or first convening, until dissolved; by name) with the administrations
// (ADMINISTERED_BY) and the parent (first PART_OF Meeting) in force; the agreements enacted by then
// (grouped by `agreementKey`; facts from the first by partner name; by enactment, then key); and the
// hostings (HOSTED) in force.
WITH $date + substring('-01-01', size($date) - 4) AS first,
     CASE size($date)
       WHEN 4 THEN $date + '-12-31'
       WHEN 7 THEN toString(date($date + '-01') + duration({months: 1}) - duration({days: 1}))
       ELSE $date
     END AS last
CALL (first, last) {
  MATCH (m:Meeting)
  WITH m, coalesce(m.established, m.firstConvened) AS since
  WHERE (since IS NULL OR since + substring('-01-01', size(since) - 4) <= last)
    AND (m.dissolved IS NULL OR m.dissolved + substring('-01-01', size(m.dissolved) - 4) > first)
  WITH m, since ORDER BY m.name
  RETURN collect({
    meeting: m {id: m.key, .name},
    since: since,
    administeredBy: COLLECT {
      MATCH (m)-[a:ADMINISTERED_BY]->(o:Entity)
      WHERE (a.from IS NULL OR a.from + substring('-01-01', size(a.from) - 4) <= last)
        AND (a.until IS NULL OR a.until + substring('-01-01', size(a.until) - 4) > first)
      RETURN {organisation: o {id: o.key, .name}, from: a.from, until: a.until}
    },
    parent: COLLECT {
      MATCH (m)-[r:PART_OF]->(x:Meeting)
      WHERE (r.from IS NULL OR r.from + substring('-01-01', size(r.from) - 4) <= last)
        AND (r.until IS NULL OR r.until + substring('-01-01', size(r.until) - 4) > first)
      RETURN x {id: x.key, .name} LIMIT 1
    }[0]
  }) AS meetings
}
CALL (last) {
  MATCH (:Entity)-[r:AGREEMENT]->(b:Entity)
  WHERE r.enacted IS NOT NULL AND r.enacted + substring('-01-01', size(r.enacted) - 4) <= last
  WITH DISTINCT r.agreementKey AS key
  CALL (key) {
    MATCH (:Entity)-[r:AGREEMENT {agreementKey: key}]->(b:Entity)
    WITH r ORDER BY b.name
    RETURN collect(r)[0] AS r0
  }
  WITH key, r0 ORDER BY coalesce(r0.enacted, '~'), key
  RETURN collect({id: key, name: r0.name, kind: r0.kind, enacted: r0.enacted}) AS agreements
}
CALL (first, last) {
  MATCH (host:Entity)-[h:HOSTED]->(body:Entity)
  WHERE (h.from IS NULL OR h.from + substring('-01-01', size(h.from) - 4) <= last)
    AND (h.until IS NULL OR h.until + substring('-01-01', size(h.until) - 4) > first)
  WITH host, h, body ORDER BY body.key, coalesce(h.from, ''), host.key
  RETURN collect({host: host {id: host.key, labels: labels(host), .name}, hosted: body {id: body.key, .name}, from: h.from, until: h.until}) AS hostings
}
RETURN {value: $date} AS date, meetings, agreements, hostings
