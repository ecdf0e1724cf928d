// floor/who-chairs-firearms (WhoChairsTheFirearmsMeeting): the firearms meeting with every post that
// chairs it (CHAIRS into the meeting from an Office), each with its role, the body the post belongs to
// (its first PART_OF Organisation) and the relationship's provenance; the order of the API's loader.
MATCH (m:Entity {key: 'meeting:firearms-promotion'})
RETURN m {
  id: m.key, labels: labels(m), .name,
  chairs: COLLECT {
    MATCH (o:Office)-[c:CHAIRS]->(m)
    WITH o, c ORDER BY coalesce(c.ordinal, 0), coalesce(c.on, c.from, c.enacted, ''), o.name
    RETURN {
      role: c.role,
      office: o {
        id: o.key, .name,
        organisation: COLLECT {
          MATCH (o)-[p:PART_OF]->(org:Organisation)
          RETURN org {id: org.key, .name}
          ORDER BY coalesce(p.ordinal, 0), coalesce(p.on, p.from, p.enacted, ''), org.name LIMIT 1
        }[0]
      },
      provenance: {dataset: c.dataset, section: c.sourceSection, quote: c.sourceQuote}
    }
  }
} AS node
