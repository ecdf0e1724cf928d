// stats/labels: how many entities each primary label ($labels) has, by `kind`; the most aliases one of them has;
// and how many principal dates they carry (established, first convened, adopted, introduced: timeline events).
MATCH (n:Entity)
WITH coalesce([l IN labels(n) WHERE l IN $labels][0], '?') AS label, toString(n.kind) AS kind, size(coalesce(n.aliases, [])) AS aliases,
     size([d IN [n.established, n.firstConvened, n.adopted, n.introduced] WHERE d IS NOT NULL]) AS dates
RETURN label, kind, count(*) AS nodes, max(aliases) AS aliases, sum(dates) AS dates
