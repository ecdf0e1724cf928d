// copy/dataset-size: how many nodes a dataset holds (through the dataset index), before its records are read for the copy.
MATCH (n:Entity)
WHERE n.dataset = $dataset
RETURN count(n) AS nodes
