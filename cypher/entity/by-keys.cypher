// entity/by-keys: entities by their keys (the node loader); unknown keys are simply absent.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n {.*, labels: labels(n)} AS node
