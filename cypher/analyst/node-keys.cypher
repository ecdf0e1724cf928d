// analyst/node-keys: the keys of the nodes at the ends of the relationships an analyst's statement returned, read
// in the same transaction by their element ids (which never leave the API: relationships are answered with
// `startId` and `endId`, the entities' keys).
UNWIND $ids AS id
MATCH (n)
WHERE elementId(n) = id
RETURN id, n.key AS key
