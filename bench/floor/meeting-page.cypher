// floor/meeting-page (MeetingPage $id): a meeting's page in one statement: its own properties, its
// chief and deputies (CHAIRS from Office posts, by role), its members (MEMBER_OF from Office or
// Organisation), the plans it adopted (ADOPTED, by date), its parent (first PART_OF Meeting), its
// predecessor (first SUPERSEDES Meeting) and its provenance. Lists keep the API loader's order.
// An entity that is not a meeting gives only its id and labels, as the operation's fragment does.
MATCH (m:Entity {key: $id})
WHERE NOT m:Observation
CALL (m) {
  MATCH (o:Office)-[c:CHAIRS]->(m)
  WITH o, c ORDER BY coalesce(c.ordinal, 0), coalesce(c.on, c.from, c.enacted, ''), o.name
  RETURN collect({role: c.role, office: o {id: o.key, .name}}) AS chairs
}
RETURN CASE WHEN NOT m:Meeting THEN m {id: m.key, labels: labels(m)} ELSE m {
  id: m.key, labels: labels(m), .name, aliases: coalesce(m.aliases, []), .kind, .established, .dissolved, .mission,
  chief: [c IN chairs WHERE c.role = 'CHIEF' | c.office][0],
  deputies: [c IN chairs WHERE c.role = 'DEPUTY' | c.office],
  members: COLLECT {
    MATCH (x:Entity)-[r:MEMBER_OF]->(m)
    WHERE x:Office OR x:Organisation
    WITH x, r ORDER BY coalesce(r.ordinal, 0), coalesce(r.on, r.from, r.enacted, ''), x.name
    RETURN x {id: x.key, labels: labels(x), .name}
  },
  plansAdopted: COLLECT {
    MATCH (m)-[a:ADOPTED]->(p:Plan)
    WITH p, a ORDER BY coalesce(a.on, '~'), coalesce(a.ordinal, 0), coalesce(a.on, a.from, a.enacted, ''), p.name
    RETURN {on: a.on, plan: p {id: p.key, .name, .kind}}
  },
  parent: COLLECT {
    MATCH (m)-[r:PART_OF]->(x:Meeting)
    RETURN x {id: x.key, .name}
    ORDER BY coalesce(r.ordinal, 0), coalesce(r.on, r.from, r.enacted, ''), x.name LIMIT 1
  }[0],
  predecessor: COLLECT {
    MATCH (m)-[s:SUPERSEDES]->(x:Meeting)
    RETURN {on: s.on, older: x {id: x.key, .name}}
    ORDER BY coalesce(s.ordinal, 0), coalesce(s.on, s.from, s.enacted, ''), x.name LIMIT 1
  }[0],
  provenance: {dataset: m.dataset, section: m.sourceSection, quote: m.sourceQuote}
} END AS node
