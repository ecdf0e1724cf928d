// floor/structure-as-of (StructureAsOf $date): the meetings that existed on $date (the life the loader
// stores, `existsFrom` on or before the last day $date stands for and `existsUntil` absent or after its
// first day: cypher/entity/filter.cypher's `asOf`), the first 50 by name with their total; and who administered
// the firearms meeting then (its ADMINISTERED_BY Organisations in force by the API's `inForceOn`).
WITH $date + substring('-01-01', size($date) - 4) AS first,
     CASE size($date)
       WHEN 4 THEN $date + '-12-31'
       WHEN 7 THEN toString(date($date + '-01') + duration({months: 1}) - duration({days: 1}))
       ELSE $date
     END AS last
CALL (first, last) {
  MATCH (n:Meeting)
  WHERE n.existsFrom <= last AND (n.existsUntil IS NULL OR n.existsUntil > first)
  WITH n ORDER BY n.name, n.key
  WITH collect(n {id: n.key, .name, .kind, .established}) AS rows
  RETURN size(rows) AS totalCount, rows[0..50] AS meetings
}
OPTIONAL MATCH (f:Meeting {key: 'meeting:firearms-promotion'})
RETURN totalCount, meetings, f {
  id: f.key, labels: labels(f), .name,
  administeredBy: COLLECT {
    MATCH (f)-[a:ADMINISTERED_BY]->(o:Organisation)
    WHERE (a.from IS NULL OR a.from + substring('-01-01', size(a.from) - 4) <= last)
      AND (a.until IS NULL OR a.until + substring('-01-01', size(a.until) - 4) > first)
    WITH a, o ORDER BY coalesce(a.ordinal, 0), coalesce(a.on, a.from, a.enacted, ''), o.name
    RETURN {organisation: o {id: o.key, .name}, from: a.from, until: a.until}
  }
} AS firearmsMeeting
