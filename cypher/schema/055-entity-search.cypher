// Full-text search over every label the API shows as an Entity (src/domain/vocabulary.ts fills the slot), on the
// folded phrases of each name and alias the loaders store (`searchText`, src/domain/search-text.ts): prefix and
// typo-tolerant matching. When the list changes, src/neo4j/migrate.ts sees that the database's index differs,
// drops it and creates it anew.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:{{searchableLabels}})
ON EACH [n.searchText]
