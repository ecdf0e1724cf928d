// analytics/label-counts: how many nodes of each type ($types: the node labels of the vocabulary; the
// technical labels `Entity`, on every node, and `Minister`, on some offices, are left out).
MATCH (n:Entity)
UNWIND labels(n) AS label
WITH label WHERE label IN $types
RETURN label, count(*) AS count
ORDER BY label
