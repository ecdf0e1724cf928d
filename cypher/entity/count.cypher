// entity/count: how many entities of a label match the filter (a connection's totalCount).
{{> entity/filter}}
RETURN count(n) AS total
