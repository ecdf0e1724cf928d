// floor/state-as-of (StateAsOf $date): what existed and held on a date. The meetings and agreements by
// the vocabulary's one "exists as of" rule over the life the loader stores (`existsFrom` on or before
// the last day $date stands for, `existsUntil` absent or after its first day); the administrations
// (ADMINISTERED_BY), the parent (first PART_OF Meeting) and the hostings (HOSTED) by their own period, as
// the API's `inForceOn` (src/services/time.ts): its start (earliest day) on or before the last day, its
// end (earliest day) after the first; an unknown end is "still is". Meetings by name, with `since` their
// establishment or first convening; agreements grouped by `agreementKey` (facts from the first by partner
// name; by enactment, then key).
WITH $date + substring('-01-01', size($date) - 4) AS first,
     CASE size($date)
       WHEN 4 THEN $date + '-12-31'
       WHEN 7 THEN toString(date($date + '-01') + duration({months: 1}) - duration({days: 1}))
       ELSE $date
     END AS last
CALL (first, last) {
  MATCH (m:Meeting)
  WHERE m.existsFrom <= last AND (m.existsUntil IS NULL OR m.existsUntil > first)
  WITH m, coalesce(m.established, m.firstConvened) AS since ORDER BY m.name
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
CALL (first, last) {
  MATCH (:Entity)-[r:AGREEMENT]->(b:Entity)
  WHERE r.existsFrom <= last AND (r.existsUntil IS NULL OR r.existsUntil > first)
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
