// bulk/empty-relationship-lists: after a bulk import, the empty list properties of relationships
// ($rows: key, from, props), reached from their start node through the entity_key index.
UNWIND $rows AS row
MATCH (:Entity {key: row.from})-[r]->()
WHERE r.key = row.key
SET r += row.props
RETURN count(r) AS written
