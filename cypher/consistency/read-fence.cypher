// consistency/read-fence: whether a dataset load is committing (the fence is up and its lease has not run out)
// and the version of every loaded dataset. Read first and last by every read transaction (src/neo4j/consistency.ts).
// One node: the loaders publish the versions (`id@version;` in id order) on the fence node in the transaction
// that writes a dataset's version (seed/publish-versions). A store loaded before they did has none there: the
// versions are then read from the (:Dataset) nodes themselves, as the same string, until a load publishes them.
OPTIONAL MATCH (f:LoadFence {id: 'global'})
WITH coalesce(f.until > datetime(), false) AS loading, f.versions AS published
CALL (published) {
  WITH published WHERE published IS NULL
  OPTIONAL MATCH (d:Dataset)
  WITH d ORDER BY d.id
  RETURN reduce(s = '', v IN collect(d.id + '@' + d.version) | s + v + ';') AS scanned
}
RETURN loading, coalesce(published, scanned) AS versions
