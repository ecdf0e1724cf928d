// seed/publish-versions: every dataset's version, `id@version;` in id order (as stats/versions reads them), on the
// fence node, where every reader's fence read finds them in one seek (consistency/read-fence). Run in the
// transaction that writes or deletes a (:Dataset) node, AFTER the fence was raised for its commit (the fence is
// raised by another transaction, on this node: writing it earlier would make that one wait for this one). The
// node is locked first (`publishedAt`, a new value every time), then the versions are read (the read depends on
// it): a concurrent load's publication waits for this commit, then reads its version too.
MERGE (f:LoadFence {id: 'global'})
SET f.publishedAt = datetime()
WITH f
CALL (f) {
  WITH f WHERE f.publishedAt IS NOT NULL
  OPTIONAL MATCH (d:Dataset)
  WITH d ORDER BY d.id
  RETURN reduce(s = '', v IN collect(d.id + '@' + d.version) | s + v + ';') AS versions
}
SET f.versions = versions
RETURN versions
