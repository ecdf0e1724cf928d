// migration/drop-index: drops an index whose definition in cypher/schema/ changed, so the migration recreates it.
// {{index}} is spliced from the names cypher/schema/ declares.
DROP INDEX {{index}} IF EXISTS
