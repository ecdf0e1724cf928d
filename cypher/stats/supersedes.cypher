// stats/supersedes: the ends of every SUPERSEDES relationship, by key: the chains (and their branches) a lineage
// walks, whose largest size bounds a lineage's steps (src/neo4j/graph-stats.ts joins them).
MATCH (a:Entity)-[:SUPERSEDES]->(b:Entity)
RETURN a.key AS newer, b.key AS older
