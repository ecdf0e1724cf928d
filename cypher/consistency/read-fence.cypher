// consistency/read-fence: whether a dataset load is committing (the fence is up and its lease has not run out)
// and the version of every loaded dataset. Read first and last by every read transaction (src/neo4j/consistency.ts).
OPTIONAL MATCH (f:LoadFence {id: 'global'})
WITH coalesce(f.until > datetime(), false) AS loading
OPTIONAL MATCH (d:Dataset)
WITH loading, d ORDER BY d.id
RETURN loading, reduce(s = '', v IN collect(d.id + '@' + d.version) | s + v + ';') AS versions
