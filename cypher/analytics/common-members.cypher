// analytics/common-members: offices and organisations that sit on (CHAIRS or MEMBER_OF) every one of
// $meetings. An organisation sits on a meeting directly, or through one of its posts (an office
// PART_OF it, or PART_OF a body PART_OF it: up to 4 levels up). Each membership names the meeting,
// how (type, role) and through which post; `vias` are those posts' records (they prime the entity loader, so
// `via` costs no second round trip).
UNWIND $meetings AS meetingKey
MATCH (:Entity:Meeting {key: meetingKey})<-[r:CHAIRS|MEMBER_OF]-(direct:Entity)
WHERE direct:Office OR direct:Organisation
CALL (direct) {
  RETURN direct AS member, null AS via
  UNION
  MATCH (direct)-[:PART_OF*1..4]->(body:Organisation)
  WHERE direct:Office
  RETURN body AS member, direct AS via
}
WITH member, meetingKey,
     collect({meeting: meetingKey, type: type(r), role: r.role, via: via.key, relationshipKey: r.key,
              dataset: r.dataset, sourceSection: r.sourceSection, sourceQuote: r.sourceQuote, inferred: r.inferred, reading: r.reading}) AS links,
     collect(DISTINCT via {.*, labels: labels(via)}) AS vias
WITH member, collect(meetingKey) AS meetingKeys, collect(links) AS linkLists, collect(vias) AS viaLists
WHERE size(meetingKeys) = size($meetings)
RETURN member {.*, labels: labels(member)} AS node,
       reduce(acc = [], l IN linkLists | acc + l) AS memberships,
       reduce(acc = [], v IN viaLists | acc + v) AS vias
ORDER BY CASE WHEN member:Office THEN 0 ELSE 1 END, member.name
LIMIT toInteger($limit)
