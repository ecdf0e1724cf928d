// analytics/label-counts: how many nodes carry each label.
MATCH (n:Entity)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
