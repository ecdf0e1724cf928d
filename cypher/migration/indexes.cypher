// migration/indexes: the indexes the database has, to compare with the definitions of cypher/schema/ (src/neo4j/migrate.ts).
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties
RETURN name, type, entityType, labelsOrTypes, properties
