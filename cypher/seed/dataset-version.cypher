// seed/dataset-version: the loader's last write of a load: which dataset, the content hash of everything it holds, and when.
MERGE (d:Dataset {id: $id})
SET d.version = $version, d.loadedAt = $loadedAt
