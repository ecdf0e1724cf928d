// search/fulltext: the ranked hits of a search (search/ranked), each node with every property, best first.
{{> search/ranked}}
RETURN n {.*, labels: labels(n)} AS node, score
