// dataset/versions: the loaded datasets and their content versions (written last by the loader).
MATCH (d:Dataset)
RETURN d.id AS id, d.version AS version, toString(d.loadedAt) AS loadedAt
ORDER BY id
