// analyst/running-transactions: how long each analyst statement has been running on the analyst's own Neo4j (the
// watchdog's view, src/local-neo4j/watchdog.ts). Analyst transactions carry the operation name `analyst:…`
// (a colon no GraphQL operation name can hold); the copier's and the schema's are not watched.
SHOW TRANSACTIONS YIELD transactionId, elapsedTime, metaData
WHERE coalesce(metaData.operation, '') STARTS WITH $prefix
RETURN transactionId, elapsedTime.milliseconds AS elapsedMs, metaData.operation AS operation
