// analytics/timeline: every dated event of the graph, one row per event, oldest first. Dates are
// partial ISO strings, which sort correctly as text ("2008" < "2008-01" < "2008-01-15"). An event
// matches [$from, $to] (day strings; null = open) when any day its date stands for lies in it.
// Where a date is stored twice (a plan's `adopted` and its ADOPTED relationship's `on`; a
// capability's `introduced` and its OPERATES `from`), the event is derived once.
CALL () {
  // A body or post established.
  MATCH (n:Entity) WHERE n.established IS NOT NULL
  RETURN 'ESTABLISHED' AS kind, n.established AS date, n AS subject, null AS related, n AS evidence, null AS agreementKey
  UNION ALL
  // A standing body first convened.
  MATCH (n:Meeting) WHERE n.firstConvened IS NOT NULL
  RETURN 'CONVENED' AS kind, n.firstConvened AS date, n AS subject, null AS related, n AS evidence, null AS agreementKey
  UNION ALL
  // A body reorganised into its successor; a plan superseded by the next one.
  MATCH (new:Entity)-[s:SUPERSEDES]->(old:Entity) WHERE s.on IS NOT NULL
  RETURN CASE WHEN new:Meeting THEN 'REORGANISED' ELSE 'SUPERSEDED' END AS kind, s.on AS date,
         new AS subject, old AS related, s AS evidence, null AS agreementKey
  UNION ALL
  // A plan adopted by a meeting.
  MATCH (m:Entity)-[a:ADOPTED]->(p:Plan) WHERE a.on IS NOT NULL
  RETURN 'ADOPTED' AS kind, a.on AS date, p AS subject, m AS related, a AS evidence, null AS agreementKey
  UNION ALL
  // A plan with an adoption date but no dated ADOPTED relationship.
  MATCH (p:Plan) WHERE p.adopted IS NOT NULL AND NOT EXISTS { MATCH (:Entity)-[a:ADOPTED]->(p) WHERE a.on IS NOT NULL }
  RETURN 'ADOPTED' AS kind, p.adopted AS date, p AS subject, null AS related, p AS evidence, null AS agreementKey
  UNION ALL
  // A plan approved (by the cabinet).
  MATCH (b:Entity)-[a:APPROVED]->(p:Entity) WHERE a.on IS NOT NULL
  RETURN 'APPROVED' AS kind, a.on AS date, p AS subject, b AS related, a AS evidence, null AS agreementKey
  UNION ALL
  // A capability introduced (and who operates it).
  MATCH (c:Capability) WHERE c.introduced IS NOT NULL
  OPTIONAL MATCH (operator:Entity)-[:OPERATES]->(c)
  WITH c, collect(operator)[0] AS operator
  RETURN 'INTRODUCED' AS kind, c.introduced AS date, c AS subject, operator AS related, c AS evidence, null AS agreementKey
  UNION ALL
  // An agreement enacted: one event per agreement (a multilateral one has one relationship per party).
  MATCH (j:Entity)-[r:AGREEMENT]->(p:Entity) WHERE r.enacted IS NOT NULL
  WITH r.agreementKey AS agreementKey, collect(r) AS rs, collect(j)[0] AS j, collect(p) AS partners
  RETURN 'ENACTED' AS kind, rs[0].enacted AS date, j AS subject,
         CASE WHEN size(partners) = 1 THEN partners[0] ELSE null END AS related, rs[0] AS evidence, agreementKey
  UNION ALL
  // An agreement revised.
  MATCH (j:Entity)-[r:AGREEMENT]->(p:Entity) WHERE size(coalesce(r.revisions, [])) > 0
  WITH r.agreementKey AS agreementKey, collect(r) AS rs, collect(j)[0] AS j, collect(p) AS partners
  UNWIND rs[0].revisions AS revised
  RETURN 'REVISED' AS kind, revised AS date, j AS subject,
         CASE WHEN size(partners) = 1 THEN partners[0] ELSE null END AS related, rs[0] AS evidence, agreementKey
  UNION ALL
  // A body hosted: the first host (HOSTED), then each move to another host (RELOCATED).
  MATCH (host:Entity)-[h:HOSTED]->(body:Entity) WHERE h.from IS NOT NULL
  RETURN CASE WHEN EXISTS { MATCH (:Entity)-[e:HOSTED]->(body) WHERE e.from < h.from } THEN 'RELOCATED' ELSE 'HOSTED' END AS kind,
         h.from AS date, body AS subject, host AS related, h AS evidence, null AS agreementKey
  UNION ALL
  // A meeting's administration taken over by another body.
  MATCH (m:Entity)-[a:ADMINISTERED_BY]->(o:Entity) WHERE a.from IS NOT NULL
  RETURN 'JURISDICTION_MOVED' AS kind, a.from AS date, m AS subject, o AS related, a AS evidence, null AS agreementKey
}
WITH kind, date, subject, related, evidence, agreementKey
WHERE ($kinds IS NULL OR kind IN $kinds)
  AND ($from IS NULL OR date + substring('-12-31', size(date) - 4) >= $from)
  AND ($to IS NULL OR date + substring('-01-01', size(date) - 4) <= $to)
RETURN kind, date,
       subject {.*, labels: labels(subject)} AS subject,
       CASE WHEN related IS NULL THEN null ELSE related {.*, labels: labels(related)} END AS related,
       agreementKey,
       CASE WHEN agreementKey IS NULL THEN null ELSE evidence.name END AS agreementName,
       {dataset: evidence.dataset, section: evidence.sourceSection, quote: evidence.sourceQuote,
        inferred: coalesce(evidence.inferred, false), reading: evidence.reading} AS provenance
ORDER BY date, kind, subject.key, coalesce(related.key, ''), coalesce(agreementKey, '')
LIMIT toInteger($limit)
