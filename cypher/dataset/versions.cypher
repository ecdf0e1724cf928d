// dataset/versions: every loaded dataset and the content hash of what it loaded (written by the seed loader last).
MATCH (d:Dataset)
RETURN d.id AS id, d.version AS version
ORDER BY id
