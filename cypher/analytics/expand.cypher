// analytics/expand: one ring of a neighbourhood: every relationship (of $types; null = any) that
// touches an entity of the frontier, with the entity at its other end (analytics/ring). Called once
// per depth level (in one read transaction) so the cost grows with the nodes reached, not with the
// paths between them.
UNWIND $frontier AS key
{{> analytics/ring}}
RETURN n.key AS fromKey,
       m {.*, labels: labels(m)} AS node,
       r {.*, type: type(r), startKey: startNode(r).key, endKey: endNode(r).key} AS rel
