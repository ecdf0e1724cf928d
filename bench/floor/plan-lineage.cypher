// floor/plan-lineage (PlanLineage $id): a plan with its categories (COVERS, by ordinal), the meeting
// that adopted it (first ADOPTED into it), three generations of what it superseded and of what
// superseded it (the first SUPERSEDES Plan at each step, walked out and in), and its lineage: every
// plan or meeting in its SUPERSEDES chain (either direction, up to 25 hops, as cypher/analytics/
// lineage.cypher), oldest first, each with the date of the SUPERSEDES to its predecessor. The API
// orders the lineage with Kahn's algorithm (ties: principal date, then key); here a step's position
// is the number of steps it transitively supersedes (the same order for a chain).
MATCH (p:Entity {key: $id})
WHERE NOT p:Observation
// The first neighbour at each step, in the API loader's order (entity/related.cypher).
CALL (p) {
  OPTIONAL MATCH (p)-[s1:SUPERSEDES]->(o1:Plan) WHERE p:Plan
  WITH s1, o1 ORDER BY coalesce(s1.ordinal, 0), coalesce(s1.on, s1.from, s1.enacted, ''), o1.name LIMIT 1
  OPTIONAL CALL (o1) {
    MATCH (o1)-[s2:SUPERSEDES]->(o2:Plan)
    RETURN s2, o2 ORDER BY coalesce(s2.ordinal, 0), coalesce(s2.on, s2.from, s2.enacted, ''), o2.name LIMIT 1
  }
  OPTIONAL CALL (o2) {
    MATCH (o2)-[s3:SUPERSEDES]->(o3:Plan)
    RETURN s3, o3 ORDER BY coalesce(s3.ordinal, 0), coalesce(s3.on, s3.from, s3.enacted, ''), o3.name LIMIT 1
  }
  RETURN CASE WHEN o1 IS NULL THEN null ELSE {on: s1.on, older: o1 {id: o1.key, labels: labels(o1), .name, .adopted,
    supersedes: CASE WHEN o2 IS NULL THEN null ELSE {on: s2.on, older: o2 {id: o2.key, labels: labels(o2), .name, .adopted,
      supersedes: CASE WHEN o3 IS NULL THEN null ELSE {on: s3.on, older: o3 {id: o3.key, labels: labels(o3), .name, .adopted}} END}} END}} END AS supersedes
}
CALL (p) {
  OPTIONAL MATCH (p)<-[s1:SUPERSEDES]-(n1:Plan) WHERE p:Plan
  WITH s1, n1 ORDER BY coalesce(s1.ordinal, 0), coalesce(s1.on, s1.from, s1.enacted, ''), n1.name LIMIT 1
  OPTIONAL CALL (n1) {
    MATCH (n1)<-[s2:SUPERSEDES]-(n2:Plan)
    RETURN s2, n2 ORDER BY coalesce(s2.ordinal, 0), coalesce(s2.on, s2.from, s2.enacted, ''), n2.name LIMIT 1
  }
  OPTIONAL CALL (n2) {
    MATCH (n2)<-[s3:SUPERSEDES]-(n3:Plan)
    RETURN s3, n3 ORDER BY coalesce(s3.ordinal, 0), coalesce(s3.on, s3.from, s3.enacted, ''), n3.name LIMIT 1
  }
  RETURN CASE WHEN n1 IS NULL THEN null ELSE {on: s1.on, newer: n1 {id: n1.key, labels: labels(n1), .name, .adopted,
    supersededBy: CASE WHEN n2 IS NULL THEN null ELSE {on: s2.on, newer: n2 {id: n2.key, labels: labels(n2), .name, .adopted,
      supersededBy: CASE WHEN n3 IS NULL THEN null ELSE {on: s3.on, newer: n3 {id: n3.key, labels: labels(n3), .name, .adopted}} END}} END}} END AS supersededBy
}
CALL (p) {
  OPTIONAL MATCH (p)-[:SUPERSEDES*0..25]-(m:Entity) WHERE p:Plan OR p:Meeting
  WITH DISTINCT m WHERE m IS NOT NULL
  OPTIONAL MATCH (m)-[s:SUPERSEDES]->(:Entity)
  WITH m, s, COUNT { (m)-[:SUPERSEDES*1..25]->(:Entity) } AS older,
       coalesce(m.adopted, m.established, m.firstConvened, m.introduced, '~') AS date
  ORDER BY older, date, m.key
  RETURN collect({node: m {id: m.key, labels: labels(m), .name, .adopted}, supersededOn: s.on}) AS lineage
}
RETURN CASE WHEN NOT p:Plan THEN p {id: p.key, labels: labels(p)} ELSE p {
  id: p.key, labels: labels(p), .name, .adopted, .summary,
  categories: COLLECT {
    MATCH (p)-[c:COVERS]->(mc:MeasureCategory)
    WITH mc, c ORDER BY coalesce(c.ordinal, mc.ordinal, 0), coalesce(c.on, c.from, c.enacted, ''), mc.name
    RETURN mc {id: mc.key, .ordinal, .name}
  },
  adoptedBy: COLLECT {
    MATCH (p)<-[a:ADOPTED]-(mt:Meeting)
    RETURN {on: a.on, meeting: mt {id: mt.key, .name}}
    ORDER BY coalesce(a.ordinal, 0), coalesce(a.on, a.from, a.enacted, ''), mt.name LIMIT 1
  }[0],
  supersedes: supersedes,
  supersededBy: supersededBy
} END AS node, lineage
