// copy/dataset-version: the version a dataset's copy must hash to (read in the same transaction as its records).
OPTIONAL MATCH (d:Dataset {id: $dataset})
RETURN d.version AS version
