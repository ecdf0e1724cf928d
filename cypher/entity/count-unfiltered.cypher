// entity/count-unfiltered: how many entities carry a label, read from the count store (constant time).
MATCH (n:{{label}})
RETURN count(n) AS total
