// Creates the nodes this dataset lists for the first time (the loader has checked that no node holds their
// keys; the entity_key constraint would refuse a duplicate anyway). Labels are Entity + row.labels.
UNWIND $rows AS row
CREATE (n:Entity)
SET n:$(row.labels), n = row.props
RETURN count(n) AS written
