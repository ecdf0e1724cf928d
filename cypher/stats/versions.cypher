// stats/versions: the version of every loaded dataset, `id@version;` in id order, exactly as the fence reads them
// (consistency/read-fence) but without reading the fence: a load's own transaction reads this, and the fence is
// raised by another transaction while it is open.
OPTIONAL MATCH (d:Dataset)
WITH d ORDER BY d.id
RETURN reduce(s = '', v IN collect(d.id + '@' + d.version) | s + v + ';') AS versions
